package com.syncrobot.app;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.syncrobot.testkit.Fixtures.SECRET_SYNCRO_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.syncrobot.testkit.JsonFixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Runs the real command line against a real SQLite file, with Syncro and Slack on WireMock. */
@WireMockTest
final class CliTest {
  private static final String ME = JsonFixtures.load("syncro/me-jane.json");

  @TempDir
  Path dir;
  private CliRun cli;
  private WireMockRuntimeInfo wm;

  @BeforeEach
  void setUp(WireMockRuntimeInfo wm) {
    this.wm = wm;
    cli = new CliRun(wm, dir);
  }

  @Test
  void usersAdd_validToken_checksWithMeAndStoresEncrypted_R11() throws Exception {
    wm.getWireMock().register(get(urlPathEqualTo("/api/v1/me")).willReturn(okJson(ME)));

    int code = cli.run(SECRET_SYNCRO_TOKEN + "\n", "users", "add", "--slack-user", "U04ABCDEF");

    assertThat(code).isZero();
    assertThat(cli.out()).contains("Connected Slack user U04ABCDEF to Syncro user Jane Tech (id 1735).");
    LoggedRequest me = wm.getWireMock().find(getRequestedFor(urlPathEqualTo("/api/v1/me"))).get(0);
    assertThat(me.queryParameter("api_key").firstValue()).isEqualTo(SECRET_SYNCRO_TOKEN);
    // The token is stored, but never in plain text.
    assertThat(Files.readAllBytes(dir.resolve("bot.db"))).asString(StandardCharsets.ISO_8859_1)
        .doesNotContain(SECRET_SYNCRO_TOKEN);

    assertThat(cli.run("", "users", "list")).isZero();
    assertThat(cli.out()).contains("U04ABCDEF").contains("1735").contains("Jane Tech").contains("2026-11-26 08:00 UTC")
        .doesNotContain(SECRET_SYNCRO_TOKEN);
  }

  @Test
  void usersAdd_refusedToken_storesNothingAndSaysWhy() {
    wm.getWireMock().register(get(urlPathEqualTo("/api/v1/me"))
        .willReturn(aResponse().withStatus(401).withBody("{\"error\":\"Not authorized\"}")));

    int code = cli.run(SECRET_SYNCRO_TOKEN, "users", "add", "--slack-user", "U04ABCDEF");

    assertThat(code).isEqualTo(1);
    assertThat(cli.err()).contains("Syncro refused that token").contains("Nothing was stored")
        .doesNotContain(SECRET_SYNCRO_TOKEN);
    assertThat(cli.run("", "users", "list")).isEqualTo(2);
    assertThat(cli.err()).contains("no store at");
  }

  @Test
  void usersAdd_emptyStdinOrBadSlackId_refusedWithoutCallingSyncro() {
    assertThat(cli.run("", "users", "add", "--slack-user", "U04ABCDEF")).isEqualTo(2);
    assertThat(cli.err()).contains("No usable token on standard input");
    assertThat(cli.run(SECRET_SYNCRO_TOKEN, "users", "add", "--slack-user", "jane")).isEqualTo(2);
    assertThat(cli.err()).contains("'jane' is not a Slack user id");
    assertThat(wm.getWireMock().getServeEvents()).isEmpty();
  }

  @Test
  void usersAdd_tokenIsNeverAnArgument() {
    int code = cli.run("", "users", "add", "--slack-user", "U04ABCDEF", "--token", SECRET_SYNCRO_TOKEN);
    assertThat(code).isNotZero();
    assertThat(cli.err()).contains("Unknown option");
  }

  @Test
  void usersRemove_forgetsAndReportsUnknown() {
    wm.getWireMock().register(get(urlPathEqualTo("/api/v1/me")).willReturn(okJson(ME)));
    cli.run(SECRET_SYNCRO_TOKEN, "users", "add", "--slack-user", "U04ABCDEF");

    assertThat(cli.run("", "users", "remove", "--slack-user", "U04ABCDEF")).isZero();
    assertThat(cli.out()).contains("Removed the Syncro token of U04ABCDEF");
    assertThat(cli.run("", "users", "remove", "--slack-user", "U04ABCDEF")).isEqualTo(1);
    assertThat(cli.err()).contains("has no Syncro token connected");
  }

  @Test
  void missingSyncroUrl_stopsWithOneLineNamingIt() {
    cli.env.remove(BotConfig.SYNCRO_BASE_URL);
    int code = cli.run(SECRET_SYNCRO_TOKEN, "users", "add", "--slack-user", "U04ABCDEF");
    assertThat(code).isEqualTo(2);
    assertThat(cli.err().strip()).isEqualTo(
        "syncro-bot: missing required environment variable SYNCRO_BASE_URL (or SYNCRO_SUBDOMAIN)");
  }

  @Test
  void doctor_reportsEachPartInPlainWords() {
    wm.getWireMock().register(get(urlPathEqualTo("/api/v1/me")).willReturn(okJson(ME)));
    cli.run(SECRET_SYNCRO_TOKEN, "users", "add", "--slack-user", "U04ABCDEF");
    cli.env.put(BotConfig.SLACK_BOT_TOKEN, "xoxb-test-doctor-token");
    cli.env.put(BotConfig.SLACK_SIGNING_SECRET, "signing-secret-for-doctor");
    wm.getWireMock().register(post(urlPathEqualTo("/slack/api/auth.test"))
        .willReturn(okJson("{\"ok\":true,\"user\":\"syncro\",\"team\":\"Acme IT\",\"user_id\":\"UBOT\"}")));

    int code = cli.run("", "doctor");

    assertThat(cli.out()).contains("[ok]   mode: HTTP mode")
        .contains("[ok]   slack: bot token works: bot user syncro in workspace Acme IT")
        .contains("[ok]   store:").contains("1 technician(s) connected")
        .contains("[ok]   syncro: U04ABCDEF (Jane Tech): token accepted by Syncro").contains("All checks passed.");
    assertThat(code).isZero();
  }

  @Test
  void doctor_expiredTokenAndBadSlackToken_areProblems() {
    wm.getWireMock().register(get(urlPathEqualTo("/api/v1/me")).willReturn(okJson(ME)));
    cli.run(SECRET_SYNCRO_TOKEN, "users", "add", "--slack-user", "U04ABCDEF");
    wm.getWireMock().resetMappings();
    wm.getWireMock().register(get(urlPathEqualTo("/api/v1/me")).willReturn(aResponse().withStatus(401)));
    wm.getWireMock().register(post(urlPathEqualTo("/slack/api/auth.test"))
        .willReturn(okJson("{\"ok\":false,\"error\":\"invalid_auth\"}")));
    cli.env.put(BotConfig.SLACK_BOT_TOKEN, "xoxb-revoked");

    int code = cli.run("", "doctor");

    assertThat(code).isEqualTo(1);
    assertThat(cli.out()).contains("[FAIL] mode: HTTP mode needs SLACK_SIGNING_SECRET")
        .contains("[FAIL] slack: Slack refused the bot token (invalid_auth)")
        .contains("[FAIL] syncro: U04ABCDEF (Jane Tech): Syncro refused the token (expired or revoked)")
        .contains("3 problem(s) found.").doesNotContain(SECRET_SYNCRO_TOKEN);
  }

  @Test
  void readOnlyCommands_whereNothingIsStored_createNothingAndSayWhereTheyLooked() throws Exception {
    Path db = dir.resolve("bot.db");
    for (String[] args : List.of(new String[] {"users", "list"}, new String[] {"audit"},
        new String[] {"rates", "list"}, new String[] {"users", "remove", "--slack-user", "U04ABCDEF"})) {
      assertThat(cli.run("", args)).as(String.join(" ", args)).isEqualTo(2);
      assertThat(cli.err()).as(String.join(" ", args))
          .startsWith("syncro-bot: no store at " + db + ": SYNCRO_BOT_DB_URL is jdbc:sqlite:" + db)
          .contains("Run this command in the folder the bot runs in").contains("Nothing was created.");
      assertThat(cli.out()).isEmpty();
    }

    assertThat(cli.run("", "doctor")).isEqualTo(1);
    assertThat(cli.out()).contains("[FAIL] store: no store at " + db)
        .contains("[FAIL] key: no token-encryption key: SYNCRO_BOT_SECRET_KEY is not set and there is no key file at "
            + dir.resolve("secret.key"))
        .doesNotContain("[ok]   store");

    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left).as("files created by commands that only read").isEmpty();
    }
  }

  @Test
  void readOnlyCommands_storeWithoutItsKey_neverMakeANewKey() {
    wm.getWireMock().register(get(urlPathEqualTo("/api/v1/me")).willReturn(okJson(ME)));
    assertThat(cli.run(SECRET_SYNCRO_TOKEN, "users", "add", "--slack-user", "U04ABCDEF")).isZero();
    Path elsewhere = Path.of("no-such-folder-" + System.nanoTime(), "secret.key");
    cli.env.put(BotConfig.SECRET_KEY_FILE, elsewhere.toString());

    assertThat(cli.run("", "users", "list")).isEqualTo(2);
    assertThat(cli.err())
        .contains("no token-encryption key: SYNCRO_BOT_SECRET_KEY is not set and there is no key file at "
            + elsewhere.toAbsolutePath() + " (SYNCRO_BOT_SECRET_KEY_FILE, relative to the working directory "
            + Path.of("").toAbsolutePath() + ")");
    assertThat(cli.run("", "doctor")).isEqualTo(1);
    assertThat(cli.out()).contains("[FAIL] key: no token-encryption key").doesNotContain("[FAIL] store");
    assertThat(elsewhere.getParent()).doesNotExist();

    // The database alone is enough for the audit and the rate table.
    assertThat(cli.run("", "audit")).isZero();
    assertThat(cli.run("", "rates", "list")).isZero();
    assertThat(cli.out()).contains("remote");
  }

  @Test
  void help_worksOnEverySubcommand() {
    List<CommandLine> all = new ArrayList<>();
    collect(Main.commandLine(cli.cli("")), all);
    assertThat(all).hasSizeGreaterThanOrEqualTo(11);
    for (CommandLine c : all) {
      String path = c.getCommandSpec().qualifiedName(" ");
      String[] args = (path.substring("syncro-bot".length()).strip() + " --help").strip().split(" ");
      assertThat(cli.run("", args)).as(path).isZero();
      assertThat(cli.err()).as(path).isEmpty();
      assertThat(cli.out()).as(path).startsWith("Usage: " + path);
    }
  }

  @Test
  void version_printsTheProjectVersion() {
    assertThat(cli.run("", "-V")).isZero();
    assertThat(cli.out().strip()).matches("syncro-bot [0-9]+\\.[0-9]+\\.[0-9]+(-SNAPSHOT)?");
    assertThat(cli.run("", "doctor", "-V")).isZero();
    assertThat(cli.out()).startsWith("syncro-bot ");
  }

  @Test
  void serve_missingConfiguration_namesEveryMissingVariableAtOnce() throws Exception {
    cli.env.remove(BotConfig.SYNCRO_BASE_URL);
    cli.env.remove(BotConfig.SLACK_API_URL);

    assertThat(cli.run("", "serve")).isEqualTo(2);
    assertThat(cli.err().strip()).isEqualTo("syncro-bot: missing required environment variables SLACK_BOT_TOKEN,"
        + " SLACK_SIGNING_SECRET (required in HTTP mode, when SLACK_APP_TOKEN is not set),"
        + " SYNCRO_BASE_URL (or SYNCRO_SUBDOMAIN)");
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left).isEmpty();
    }

    cli.env.put(BotConfig.SLACK_APP_TOKEN, "xapp-1-socket-mode-token");
    assertThat(cli.run("", "serve")).isEqualTo(2);
    assertThat(cli.err().strip()).isEqualTo(
        "syncro-bot: missing required environment variables SLACK_BOT_TOKEN, SYNCRO_BASE_URL (or SYNCRO_SUBDOMAIN)");
  }

  @Test
  void logs_goToStandardError_resultsToStandardOutput() throws Exception {
    PrintStream realOut = System.out;
    PrintStream realErr = System.err;
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(new LogbackMDCAdapter());
    try {
      System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
      JoranConfigurator configurator = new JoranConfigurator();
      configurator.setContext(context);
      // The production configuration, not logback-test.xml.
      configurator.doConfigure(Main.class.getResource("/logback.xml"));
      context.getLogger("com.syncrobot.store.Database").info("Opened database for the log test");
    } finally {
      context.stop();
      System.setOut(realOut);
      System.setErr(realErr);
    }
    assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("INFO").contains("Opened database for the log test");
    assertThat(stdout.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  private static void collect(CommandLine c, List<CommandLine> into) {
    into.add(c);
    c.getSubcommands().values().forEach(sub -> collect(sub, into));
  }
}
