package com.syncrobot.playground;

import com.syncrobot.app.BotConfig;
import com.syncrobot.notify.NotifySettings;
import com.syncrobot.app.BotServer;
import com.syncrobot.digest.DigestSettings;
import com.syncrobot.playground.sandbox.SyncroSandbox;
import com.syncrobot.playground.slack.DemoUser;
import com.syncrobot.playground.slack.SlackSimulator;
import com.syncrobot.store.ConnectedUserStore;
import com.syncrobot.store.Database;
import com.syncrobot.store.SecretKeys;
import com.syncrobot.store.TokenCipher;
import com.syncrobot.syncro.Me;
import com.syncrobot.syncro.SyncroClient;
import com.syncrobot.syncro.SyncroToken;
import com.syncrobot.write.PlanExecutor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole bot on one machine: the real bot in HTTP mode, unchanged, between the Syncro sandbox
 * and the Slack simulator, with the sandbox's three technicians already connected as the
 * simulator's demo users. Everything listens on loopback unless told otherwise; {@code serve}
 * never starts it.
 */
public final class Playground implements AutoCloseable {
  /**
   * Live notifications look at the sandbox every 15 s and post 5 s after a change, so a person who presses
   * "Customer replies on #N" sees the thread reply within about 20 s (a deployment's defaults are 60 s and 20 s).
   */
  static final NotifySettings PLAYGROUND_NOTIFICATIONS = new NotifySettings(Duration.ofSeconds(15),
      Duration.ofSeconds(5));

  /** The port the page is on unless told otherwise. */
  public static final int DEFAULT_PORT = 3000;
  /** Where the page listens unless told otherwise. */
  public static final String DEFAULT_BIND_HOST = SlackSimulator.DEFAULT_BIND_HOST;
  /** The page's route to the sandbox controls (latency and faults). */
  static final String SANDBOX_ROUTE = "/x-sandbox/";
  private static final Logger log = LoggerFactory.getLogger(Playground.class);
  private static final String LOOPBACK = "127.0.0.1";
  private static final List<ZoneId> ZONES = List.of(ZoneId.of("America/Phoenix"), ZoneId.of("America/Chicago"),
      ZoneId.of("America/New_York"));

  private final SyncroSandbox sandbox;
  private final SlackSimulator slack;
  private final BotServer bot;
  private final List<DemoUser> users;
  private final Deque<AutoCloseable> resources;
  private boolean stopped;

  private Playground(SyncroSandbox sandbox, SlackSimulator slack, BotServer bot, List<DemoUser> users,
      Deque<AutoCloseable> resources) {
    this.sandbox = sandbox;
    this.slack = slack;
    this.bot = bot;
    this.users = users;
    this.resources = resources;
  }

  /**
   * Starts the sandbox, the simulator (its page on {@code bindHost:port}, 0 for a free port) and
   * the bot, keeping the bot's store under {@code dataDir} (a fresh database file on each start).
   *
   * @throws UncheckedIOException when a port cannot be bound or the data directory cannot be written
   */
  public static Playground start(String bindHost, int port, Path dataDir) {
    Objects.requireNonNull(bindHost, "bindHost == null");
    Objects.requireNonNull(dataDir, "dataDir == null");
    Deque<AutoCloseable> owned = new ArrayDeque<>();
    try {
      Clock clock = Clock.systemUTC();
      SyncroSandbox sandbox = SyncroSandbox.start(LOOPBACK, 0, clock);
      owned.push(sandbox);
      List<Tech> techs = technicians(sandbox);
      List<DemoUser> users = techs.stream().map(Tech::user).toList();

      // Fresh secrets per start: nothing here is a real credential, and nothing is reused by accident.
      SecureRandom random = new SecureRandom();
      String signingSecret = hex(random, 16);
      String botToken = "xoxb-playground-" + hex(random, 12);
      String key = Base64.getEncoder().encodeToString(bytes(random, 32));
      Files.createDirectories(dataDir);
      Path dbFile = Files.createTempFile(dataDir, "playground-", ".db");
      String dbUrl = "jdbc:sqlite:" + dbFile.toAbsolutePath();
      owned.push(() -> deleteQuietly(dbFile));
      connect(dbUrl, key, dataDir, techs, clock);

      int botPort = freePort();
      SlackSimulator slack = SlackSimulator.start(bindHost, port,
          "http://" + LOOPBACK + ":" + botPort + "/slack/events", signingSecret, botToken, users);
      owned.push(slack);
      // The bot unfurls links to its Syncro host; here that is the sandbox on loopback.
      slack.setUnfurlDomains(List.of(LOOPBACK, "localhost"));
      slack.addRoute(SANDBOX_ROUTE, new SandboxControls(sandbox, SANDBOX_ROUTE));

      BotConfig config = new BotConfig(botToken, signingSecret, null, slack.apiUrl(), botPort, sandbox.baseUrl(),
          dbUrl, key, dataDir.resolve("unused.key"), Duration.ofMinutes(30), null, null, List.of(),
          DigestSettings.defaults(), BotConfig.DEFAULT_SETTLE, PlanExecutor.DEFAULT_RUNNER_LEASE)
          .withNotifications(PLAYGROUND_NOTIFICATIONS);
      BotServer bot = BotServer.start(config, LOOPBACK);
      owned.push(bot);
      log.info("Playground: page {}, bot on port {}, Syncro sandbox {}", slack.baseUrl(), bot.port(),
          sandbox.baseUrl());
      return new Playground(sandbox, slack, bot, users, owned);
    } catch (IOException e) {
      closeAll(owned);
      throw new UncheckedIOException("the playground could not start", e);
    } catch (RuntimeException e) {
      closeAll(owned);
      throw e;
    }
  }

  /** A sandbox technician and the Slack user who plays them. */
  private record Tech(long id, String name, String token, DemoUser user) {}

  /** Reads each seeded technician's name the way the bot would (GET /me with their token). */
  private static List<Tech> technicians(SyncroSandbox sandbox) {
    SyncroClient client = SyncroClient.builder().baseUrl(sandbox.baseUrl()).build();
    List<Tech> techs = new ArrayList<>();
    List<Map.Entry<Long, String>> tokens = sandbox.seedTokens().entrySet().stream()
        .sorted(Map.Entry.comparingByKey()).toList();
    for (Map.Entry<Long, String> e : tokens) {
      Me me = client.as(new SyncroToken(e.getValue())).me();
      String first = me.userName().split(" ")[0];
      String slackId = "U0" + first.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
      DemoUser user = new DemoUser(slackId, first.toLowerCase(Locale.ROOT), me.userName(),
          ZONES.get(techs.size() % ZONES.size()));
      techs.add(new Tech(me.userId(), me.userName(), e.getValue(), user));
    }
    return List.copyOf(techs);
  }

  /** Connects each technician's Slack user with their sandbox token, as {@code /syncro connect} would. */
  private static void connect(String dbUrl, String key, Path dataDir, List<Tech> techs, Clock clock) {
    try (Database db = Database.open(dbUrl)) {
      ConnectedUserStore store = new ConnectedUserStore(db,
          new TokenCipher(SecretKeys.load(key, dataDir.resolve("unused.key"))), clock);
      for (Tech t : techs) {
        store.connect(t.user().id(), t.id(), t.name(), new SyncroToken(t.token()));
      }
    }
  }

  /** Returns the simulator page's address, e.g. {@code http://127.0.0.1:3000}. */
  public String pageUrl() {
    return slack.baseUrl();
  }

  /** Returns the Syncro sandbox, for tests to read its state. */
  public SyncroSandbox sandbox() {
    return sandbox;
  }

  /** Returns the Slack simulator. */
  public SlackSimulator slack() {
    return slack;
  }

  /** Returns the port the bot listens on. */
  public int botPort() {
    return bot.port();
  }

  /** Returns the demo users, in the order the page lists them; each plays one sandbox technician. */
  public List<DemoUser> users() {
    return users;
  }

  /** Stops the bot, the simulator and the sandbox, and deletes the database file; safe to call twice. */
  public synchronized void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    closeAll(resources);
  }

  @Override
  public void close() {
    stop();
  }

  private static void closeAll(Deque<AutoCloseable> resources) {
    while (!resources.isEmpty()) {
      try {
        resources.pop().close();
      } catch (Exception e) {
        log.warn("Playground shutdown step failed: {}", e.getClass().getName());
      }
    }
  }

  private static void deleteQuietly(Path dbFile) throws IOException {
    // SQLite may leave a journal next to the file.
    for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
      Files.deleteIfExists(Path.of(dbFile + suffix));
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
      return s.getLocalPort();
    }
  }

  private static byte[] bytes(SecureRandom random, int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }

  private static String hex(SecureRandom random, int n) {
    return HexFormat.of().formatHex(bytes(random, n));
  }
}
