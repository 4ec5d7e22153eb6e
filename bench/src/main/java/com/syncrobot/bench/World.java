package com.syncrobot.bench;

import com.syncrobot.app.BotConfig;
import com.syncrobot.playground.sandbox.SyncroSandbox;
import com.syncrobot.playground.slack.DemoUser;
import com.syncrobot.playground.slack.SlackSimulator;
import com.syncrobot.testbed.Stage;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

  final Stage stage;
  final Path dir;
  final SyncroSandbox sandbox;
  final SlackSimulator sim;
  final int botPort;
  final List<DemoUser> users;
  final Map<String, Long> techOf;

  World(Path dir, int technicians) throws Exception {
    List<DemoUser> people = new ArrayList<>();
    for (int i = 1; i <= technicians; i++) {
      people.add(new DemoUser(String.format("U0TECH%02d", i), "tech" + i, "Technician " + i,
          ZoneId.of(ZONES.get(i % ZONES.size()))));
    }
    this.stage = new Stage(dir, people, SECRET, BOT_TOKEN);
    this.dir = dir;
    this.sandbox = stage.sandbox;
    this.sim = stage.sim;
    this.botPort = stage.botPort;
    this.users = stage.users;
    this.techOf = stage.techOf;
  }

  /** The environment the production bot reads ({@link BotConfig#fromEnv}), pointed at the sandbox and simulator. */
  Map<String, String> botEnv() {
    return stage.botEnv();
  }

  /** Returns the first {@code n} users. */
  List<DemoUser> users(int n) {
    return users.subList(0, Math.min(n, users.size()));
  }

  @Override
  public void close() {
    stage.close();
  }
}
