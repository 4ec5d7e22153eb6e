package com.syncrobot.testkit;

import com.syncrobot.app.BotConfig;
import com.syncrobot.app.BotServer;
import com.syncrobot.app.HttpTransport;
import com.syncrobot.playground.sandbox.SyncroSandbox;
import com.syncrobot.playground.slack.DemoUser;
import com.syncrobot.playground.slack.SlackSimulator;
import com.syncrobot.store.ConnectedUserStore;
import com.syncrobot.store.Database;
import com.syncrobot.store.TokenCipher;
import com.syncrobot.syncro.SyncroClient;
import com.syncrobot.syncro.SyncroToken;
import com.syncrobot.write.Scheduler;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.SecretKey;
import org.jspecify.annotations.Nullable;

/**
 * The real bot between the Syncro sandbox and the Slack simulator, on loopback. {@link #builder()} starts
 * the sandbox, the simulator and the bot's SQLite store with every simulated Slack user connected to one
 * of the sandbox's technicians (round robin) under a fresh token key, before any bot starts. Then
 * {@link #startBot} runs the bot in this JVM, or {@link #botEnv()} is what a production bot in a child
 * JVM reads. The bot's port is fixed at build time so a restarted bot answers the URL the simulator calls.
 *
 * <pre>{@code
 * try (BotRig rig = BotRig.builder().requestsPerMinute(6000).start(dir)) {
 *   rig.startBot();
 *   rig.sim.runSlashCommand("U0ALICE", SlackSimulator.SUPPORT, "/syncro list");
 * }
 * }</pre>
 */
public final class BotRig implements AutoCloseable {
  public final Path dir;
  public final Path dbFile;
  public final SyncroSandbox sandbox;
  public final SlackSimulator sim;
  public final int botPort;
  public final List<DemoUser> users;
  /** Slack user id → the sandbox technician it is connected as. */
  public final Map<String, Long> techOf = new HashMap<>();
  private final SecretKey key = Fixtures.newKey();
  private final String signingSecret;
  private final String botToken;
  private final Map<String, String> env;
  private final String storeUrl;
  private @Nullable BotServer bot;

  /** A rig with the demo technicians, the test signing secret and bot token, and the sandbox's own limits. */
  public static Builder builder() {
    return new Builder();
  }

  /** What the rig holds before it starts; every setting has a default. */
  public static final class Builder {
    private List<DemoUser> users = DemoUser.technicians();
    private String signingSecret = Fixtures.SIGNING_SECRET;
    private String botToken = Fixtures.BOT_TOKEN;
    private final Map<String, String> env = new LinkedHashMap<>();
    private int requestsPerMinute;
    private @Nullable String storeUrl;

    private Builder() {}

    /** The bot's store (default: a SQLite file {@code bot.db} in the rig's folder), e.g. {@link TestPostgres#newDatabase()}. */
    public Builder store(String jdbcUrl) {
      this.storeUrl = jdbcUrl;
      return this;
    }

    /** The simulated Slack users, each connected to a sandbox technician (default: the demo technicians). */
    public Builder users(List<DemoUser> users) {
      this.users = List.copyOf(users);
      return this;
    }

    /** The Slack signing secret and bot token the simulator and the bot share. */
    public Builder slack(String signingSecret, String botToken) {
      this.signingSecret = signingSecret;
      this.botToken = botToken;
      return this;
    }

    /**
     * Syncro's request limit per minute in the sandbox and in the bot's budget from {@link #botEnv()} (default:
     * the sandbox's own, as Syncro's, and the bot's default).
     */
    public Builder requestsPerMinute(int limit) {
      this.requestsPerMinute = limit;
      return this;
    }

    /** One more variable of the bot's environment, e.g. {@code SYNCRO_BOT_SETTLE_SECONDS}. */
    public Builder env(String name, String value) {
      env.put(name, value);
      return this;
    }

    /** Starts the sandbox and the simulator and fills the store in {@code dir}; the bot is not started. */
    public BotRig start(Path dir) throws IOException {
      return new BotRig(this, dir);
    }
  }

  private BotRig(Builder b, Path dir) throws IOException {
    this.dir = dir;
    this.dbFile = dir.resolve("bot.db");
    this.users = b.users;
    this.signingSecret = b.signingSecret;
    this.botToken = b.botToken;
    Map<String, String> env = new LinkedHashMap<>();
    if (b.requestsPerMinute > 0) {
      env.put(BotConfig.SYNCRO_REQUESTS_PER_MINUTE, Integer.toString(b.requestsPerMinute));
    }
    env.putAll(b.env);
    this.env = Map.copyOf(env);
    this.storeUrl = b.storeUrl != null ? b.storeUrl : "jdbc:sqlite:" + dbFile;
    this.sandbox = SyncroSandbox.start("127.0.0.1", 0, Clock.systemUTC());
    try {
      if (b.requestsPerMinute > 0) {
        sandbox.knobs().rateLimit(b.requestsPerMinute);
      }
      this.botPort = freePort();
      this.sim = SlackSimulator.start("127.0.0.1", 0, "http://127.0.0.1:" + botPort + HttpTransport.EVENTS_PATH,
          signingSecret, botToken, users);
    } catch (IOException | RuntimeException e) {
      sandbox.stop();
      throw e;
    }
    connectUsers();
  }

  /** A port free on loopback right now. */
  public static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private void connectUsers() {
    List<Long> techs = new ArrayList<>(sandbox.seedTokens().keySet());
    techs.sort(null);
    try (Database d = Database.open(dbUrl())) {
      ConnectedUserStore store = new ConnectedUserStore(d, new TokenCipher(key), Clock.systemUTC());
      for (int i = 0; i < users.size(); i++) {
        long tech = techs.get(i % techs.size());
        store.connect(users.get(i).id(), tech, users.get(i).realName(),
            new SyncroToken(sandbox.seedTokens().get(tech)));
        techOf.put(users.get(i).id(), tech);
      }
    }
  }

  /**
   * Connects {@code slackUserId} anew as sandbox technician {@code tech} (with that technician's token), as
   * {@code /syncro connect} does, on the store a running bot uses.
   */
  public void reconnect(String slackUserId, long tech) {
    reconnect(slackUserId, tech, sandbox.seedTokens().get(tech));
  }

  /** Connects {@code slackUserId} anew as sandbox technician {@code tech} with {@code token}, e.g. one Syncro refuses. */
  public void reconnect(String slackUserId, long tech, String token) {
    try (Database d = Database.open(dbUrl())) {
      new ConnectedUserStore(d, new TokenCipher(key), Clock.systemUTC())
          .connect(slackUserId, tech, "Technician " + tech, new SyncroToken(token));
      techOf.put(slackUserId, tech);
    }
  }

  /** The bot's store: the SQLite file {@link #dbFile}, or the database given to {@link Builder#store}. */
  public String dbUrl() {
    return storeUrl;
  }

  /** The environment a production bot reads ({@link BotConfig#fromEnv}), pointed at the sandbox and simulator. */
  public Map<String, String> botEnv() {
    Map<String, String> e = new HashMap<>();
    e.put(BotConfig.SLACK_BOT_TOKEN, botToken);
    e.put(BotConfig.SLACK_SIGNING_SECRET, signingSecret);
    e.put(BotConfig.SLACK_API_URL, sim.apiUrl());
    e.put(BotConfig.PORT, Integer.toString(botPort));
    e.put(BotConfig.SYNCRO_BASE_URL, sandbox.baseUrl());
    e.put(BotConfig.DB_URL, dbUrl());
    e.put(BotConfig.SECRET_KEY, Fixtures.base64(key));
    // A bot killed mid-plan leaves its plans to the next one once its heartbeat is 3 s old, not 30 s.
    e.put(BotConfig.RUNNER_LEASE_SECONDS, "3");
    e.putAll(env);
    return e;
  }

  /** Starts the bot in this JVM from {@link #botEnv()}, as production does. */
  public BotServer startBot() {
    return startBot(Map.of());
  }

  /** Starts the bot in this JVM from {@link #botEnv()} with {@code overrides} set over it. */
  public BotServer startBot(Map<String, String> overrides) {
    return startBot(overrides, SyncroClient.builder(), null);
  }

  /**
   * Starts the bot in this JVM from {@link #botEnv()} with {@code overrides} set over it, its Syncro client
   * from {@code client} (e.g. a budget of its own) and its re-checks on {@code recheck} (null: the bot's own).
   */
  public BotServer startBot(Map<String, String> overrides, SyncroClient.Builder client, @Nullable Scheduler recheck) {
    if (bot != null) {
      throw new IllegalStateException("the bot is already running; stopBot() first");
    }
    Map<String, String> e = botEnv();
    e.putAll(overrides);
    bot = BotServer.start(BotConfig.fromEnv(e), "127.0.0.1", client, recheck);
    return bot;
  }

  /** Stops the bot started by {@link #startBot}, if it runs; the sandbox, simulator and store stay. */
  public void stopBot() {
    if (bot != null) {
      bot.stop();
      bot = null;
    }
  }

  @Override
  public void close() {
    stopBot();
    sim.stop();
    sandbox.stop();
  }
}
