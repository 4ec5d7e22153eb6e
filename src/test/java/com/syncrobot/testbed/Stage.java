package com.syncrobot.testbed;

import com.syncrobot.app.BotConfig;
import com.syncrobot.app.HttpTransport;
import com.syncrobot.playground.sandbox.SyncroSandbox;
import com.syncrobot.playground.slack.DemoUser;
import com.syncrobot.playground.slack.SlackSimulator;
import com.syncrobot.store.ConnectedUserStore;
import com.syncrobot.store.Database;
import com.syncrobot.store.TokenCipher;
import com.syncrobot.syncro.SyncroToken;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;

/**
 * What surrounds a bot under test: the Syncro sandbox and the Slack simulator on loopback, and the bot's
 * SQLite store with every simulated Slack user connected to one of the sandbox's technicians (round robin)
 * under a fresh token key, before any bot starts. {@link #botEnv()} is what a production bot reads to run
 * between them; its port is fixed so a restarted bot (in this JVM or a child) answers the same URL.
 */
public final class Stage implements AutoCloseable {
  public final Path dir;
  public final Path dbFile;
  public final SyncroSandbox sandbox;
  public final SlackSimulator sim;
  public final int botPort;
  public final List<DemoUser> users;
  /** Slack user id → the sandbox technician it is connected as. */
  public final Map<String, Long> techOf = new HashMap<>();
  private final SecretKey key;
  private final String signingSecret;
  private final String botToken;

  public Stage(Path dir, List<DemoUser> users, String signingSecret, String botToken)
      throws IOException, GeneralSecurityException {
    this.dir = dir;
    this.dbFile = dir.resolve("bot.db");
    this.users = List.copyOf(users);
    this.signingSecret = signingSecret;
    this.botToken = botToken;
    KeyGenerator kg = KeyGenerator.getInstance("AES");
    kg.init(256);
    this.key = kg.generateKey();
    this.sandbox = SyncroSandbox.start("127.0.0.1", 0, Clock.systemUTC());
    this.botPort = freePort();
    this.sim = SlackSimulator.start("127.0.0.1", 0, "http://127.0.0.1:" + botPort + HttpTransport.EVENTS_PATH,
        signingSecret, botToken, this.users);
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
        store.connect(users.get(i).id(), tech, users.get(i).realName(), new SyncroToken(sandbox.seedTokens().get(tech)));
        techOf.put(users.get(i).id(), tech);
      }
    }
  }

  /**
   * Connects {@code slackUserId} anew as sandbox technician {@code tech} (with that technician's token), as
   * {@code /syncro connect} does, on the store a running bot uses.
   */
  public void reconnect(String slackUserId, long tech) {
    try (Database d = Database.open(dbUrl())) {
      new ConnectedUserStore(d, new TokenCipher(key), Clock.systemUTC())
          .connect(slackUserId, tech, "Technician " + tech, new SyncroToken(sandbox.seedTokens().get(tech)));
      techOf.put(slackUserId, tech);
    }
  }

  public String dbUrl() {
    return "jdbc:sqlite:" + dbFile;
  }

  /** The environment a production bot reads ({@link BotConfig#fromEnv}), pointed at the sandbox and simulator. */
  public Map<String, String> botEnv() {
    Map<String, String> env = new HashMap<>();
    env.put(BotConfig.SLACK_BOT_TOKEN, botToken);
    env.put(BotConfig.SLACK_SIGNING_SECRET, signingSecret);
    env.put(BotConfig.SLACK_API_URL, sim.apiUrl());
    env.put(BotConfig.PORT, Integer.toString(botPort));
    env.put(BotConfig.SYNCRO_BASE_URL, sandbox.baseUrl());
    env.put(BotConfig.DB_URL, dbUrl());
    env.put(BotConfig.SECRET_KEY, Base64.getEncoder().encodeToString(key.getEncoded()));
    // A bot killed mid-plan leaves its plans to the next one once its heartbeat is 3 s old, not 30 s.
    env.put(BotConfig.RUNNER_LEASE_SECONDS, "3");
    return env;
  }

  @Override
  public void close() {
    sim.stop();
    sandbox.stop();
  }
}
