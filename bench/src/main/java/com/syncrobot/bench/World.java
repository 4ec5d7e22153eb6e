package com.syncrobot.bench;

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
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;

/**
 * What surrounds the bot in the bench JVM: the Syncro sandbox, the Slack simulator with {@code
 * technicians} demo users, and the bot's SQLite store with every user connected to one of the
 * sandbox's technicians (round robin) under a fresh token key, before the bot starts. The bot's port
 * is fixed so every restarted child JVM answers the URL the simulator calls.
 */
final class World implements AutoCloseable {
  static final String SECRET = "bench-signing-secret-7d1f";
  static final String BOT_TOKEN = "xoxb-bench-bot-token";
  private static final List<String> ZONES = List.of("America/Phoenix", "America/Chicago", "America/New_York");

  final Path dir;
  final Path dbFile;
  final SyncroSandbox sandbox;
  final SlackSimulator sim;
  final int botPort;
  final List<DemoUser> users;
  final Map<String, Long> techOf = new HashMap<>();
  private final SecretKey key;

  World(Path dir, int technicians) throws Exception {
    this.dir = dir;
    this.dbFile = dir.resolve("bot.db");
    KeyGenerator kg = KeyGenerator.getInstance("AES");
    kg.init(256);
    this.key = kg.generateKey();
    this.sandbox = SyncroSandbox.start("127.0.0.1", 0, Clock.systemUTC());
    this.botPort = freePort();
    List<DemoUser> people = new ArrayList<>();
    for (int i = 1; i <= technicians; i++) {
      people.add(new DemoUser(String.format("U0TECH%02d", i), "tech" + i, "Technician " + i,
          ZoneId.of(ZONES.get(i % ZONES.size()))));
    }
    this.users = List.copyOf(people);
    this.sim = SlackSimulator.start("127.0.0.1", 0, "http://127.0.0.1:" + botPort + HttpTransport.EVENTS_PATH, SECRET,
        BOT_TOKEN, users);
    connectTechnicians();
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** Connects each Slack user to one of the sandbox's technicians that have a token, in the bot's store. */
  private void connectTechnicians() {
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

  String dbUrl() {
    return "jdbc:sqlite:" + dbFile;
  }

  /** The environment the production bot reads ({@link BotConfig#fromEnv}), pointed at the sandbox and simulator. */
  Map<String, String> botEnv() {
    Map<String, String> env = new HashMap<>();
    env.put(BotConfig.SLACK_BOT_TOKEN, BOT_TOKEN);
    env.put(BotConfig.SLACK_SIGNING_SECRET, SECRET);
    env.put(BotConfig.SLACK_API_URL, sim.apiUrl());
    env.put(BotConfig.PORT, Integer.toString(botPort));
    env.put(BotConfig.SYNCRO_BASE_URL, sandbox.baseUrl());
    env.put(BotConfig.DB_URL, dbUrl());
    env.put(BotConfig.SECRET_KEY, Base64.getEncoder().encodeToString(key.getEncoded()));
    return env;
  }

  /** Returns the first {@code n} users. */
  List<DemoUser> users(int n) {
    return users.subList(0, Math.min(n, users.size()));
  }

  @Override
  public void close() {
    sim.stop();
    sandbox.stop();
  }
}
