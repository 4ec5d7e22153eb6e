package com.syncrobot.app;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * The command line as {@link Main} runs it, with an environment pointing Syncro and Slack at WireMock and
 * the store at a SQLite file in a test's folder; captures what it prints. The clock stands at
 * 2026-11-26T08:00:00Z.
 */
final class CliRun {
  /** The environment the command line reads; tests add or remove variables. */
  final Map<String, String> env = new HashMap<>();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  CliRun(WireMockRuntimeInfo wm, Path dir) {
    env.put(BotConfig.SYNCRO_BASE_URL, wm.getHttpBaseUrl() + "/api/v1");
    env.put(BotConfig.DB_URL, "jdbc:sqlite:" + dir.resolve("bot.db"));
    env.put(BotConfig.SECRET_KEY_FILE, dir.resolve("secret.key").toString());
    env.put(BotConfig.SLACK_API_URL, wm.getHttpBaseUrl() + "/slack/api/");
  }

  /** Runs {@code args} with {@code stdin} as standard input; returns the exit status. */
  int run(String stdin, String... args) {
    out.reset();
    err.reset();
    return Main.run(cli(stdin), args);
  }

  Main.Cli cli(String stdin) {
    return new Main.Cli(env, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        Clock.fixed(Instant.parse("2026-11-26T08:00:00Z"), ZoneOffset.UTC));
  }

  /** What the last run printed on standard output. */
  String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  /** What the last run printed on standard error. */
  String err() {
    return err.toString(StandardCharsets.UTF_8);
  }
}
