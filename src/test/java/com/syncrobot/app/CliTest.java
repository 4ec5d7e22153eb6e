package com.syncrobot.app;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Runs the real command line against a real SQLite file, with Syncro and Slack on WireMock. */
@WireMockTest
final class CliTest {
  private static final String TOKEN = "T0123456789abcdef-SECRETsecretSECRETsecret0123456789";
  private static final String ME = """
      {"user_id": 1735, "user_name": "Jane Tech", "user_email": "jane@example.com"}""";

  @TempDir Path dir;
  private final Map<String, String> env = new HashMap<>();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private WireMockRuntimeInfo wm;

  @BeforeEach
  void setUp(WireMockRuntimeInfo wm) {
    this.wm = wm;
    env.put(BotConfig.SYNCRO_BASE_URL, wm.getHttpBaseUrl() + "/api/v1");
    env.put(BotConfig.DB_URL, "jdbc:sqlite:" + dir.resolve("bot.db"));
    env.put(BotConfig.SECRET_KEY_FILE, dir.resolve("secret.key").toString());
    env.put(BotConfig.SLACK_API_URL, wm.getHttpBaseUrl() + "/slack/api/");
  }

  private int run(String stdin, String... args) {
    out.reset();
    err.reset();
    return Main.run(cli(stdin), args);
  }

  private Main.Cli cli(String stdin) {
    return new Main.Cli(env, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        Clock.fixed(Instant.parse("2026-11-26T08:00:00Z"), ZoneOffset.UTC));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void usersAdd_validToken_checksWithMeAndStoresEncrypted_R11() throws Exception {
    wm.getWireMock().register(get(urlPathEqualTo("/api/v1/me")).willReturn(okJson(ME)));

    int code = run(TOKEN + "\n", "users", "add", "--slack-user", "U04ABCDEF");

    assertThat(code).isZero();
    assertThat(out()).contains("Connected Slack user U04ABCDEF to Syncro user Jane Tech (id 1735).");
    LoggedRequest me = wm.getWireMock().find(getRequestedFor(urlPathEqualTo("/api/v1/me"))).get(0);
    assertThat(me.queryParameter("api_key").firstValue()).isEqualTo(TOKEN);
    // The token is stored, but never in plain text.
    assertThat(Files.readAllBytes(dir.resolve("bot.db"))).asString(StandardCharsets.ISO_8859_1).doesNotContain(TOKEN);

    assertThat(run("", "users", "list")).isZero();
    assertThat(out()).contains("U04ABCDEF").contains("1735").contains("Jane Tech").contains("2026-11-26 08:00 UTC")
        .doesNotContain(TOKEN);
  }

  @Test
  void usersAdd_refusedToken_storesNothingAndSaysWhy() {
    wm.getWireMock().register(get(urlPathEqualTo("/api/v1/me"))
        .willReturn(aResponse().withStatus(401).withBody("{\"error\":\"Not authorized\"}")));

    int code = run(TOKEN, "users", "add", "--slack-user", "U04ABCDEF");

    assertThat(code).isEqualTo(1);
    assertThat(err()).contains("Syncro refused that token").contains("Nothing was stored").doesNotContain(TOKEN);
    assertThat(run("", "users", "list")).isEqualTo(2);
    assertThat(err()).contains("no store at");
  }

  @Test
  void usersAdd_emptyStdinOrBadSlackId_refusedWithoutCallingSyncro() {
    assertThat(run("", "users", "add", "--slack-user", "U04ABCDEF")).isEqualTo(2);
    assertThat(err()).contains("No usable token on standard input");
    assertThat(run(TOKEN, "users", "add", "--slack-user", "jane")).isEqualTo(2);
    assertThat(err()).contains("'jane' is not a Slack user id");
    assertThat(wm.getWireMock().getServeEvents()).isEmpty();
  }

  @Test
  void usersAdd_tokenIsNeverAnArgument() {
    int code = run("", "users", "add", "--slack-user", "U04ABCDEF", "--token", TOKEN);
    assertThat(code).isNotZero();
    assertThat(err()).contains("Unknown option");
  }

  @Test
  void usersRemove_forgetsAndReportsUnknown() {
    wm.getWireMock().register(get(urlPathEqualTo("/api/v1/me")).willReturn(okJson(ME)));
    run(TOKEN, "users", "add", "--slack-user", "U04ABCDEF");

    assertThat(run("", "users", "remove", "--slack-user", "U04ABCDEF")).isZero();
    assertThat(out()).contains("Removed the Syncro token of U04ABCDEF");
    assertThat(run("", "users", "remove", "--slack-user", "U04ABCDEF")).isEqualTo(1);
    assertThat(err()).contains("has no Syncro token connected");
  }

  @Test
  void missingSyncroUrl_stopsWithOneLineNamingIt() {
    env.remove(BotConfig.SYNCRO_BASE_URL);
    int code = run(TOKEN, "users", "add", "--slack-user", "U04ABCDEF");
    assertThat(code).isEqualTo(2);
    assertThat(err().strip()).isEqualTo(
        "syncro-bot: missing required environment variable SYNCRO_BASE_URL (or SYNCRO_SUBDOMAIN)");
  }

  @Test
  void doctor_reportsEachPartInPlainWords() {
    wm.getWireMock().register(get(urlPathEqualTo("/api/v1/me")).willReturn(okJson(ME)));
    run(TOKEN, "users", "add", "--slack-user", "U04ABCDEF");
    env.put(BotConfig.SLACK_BOT_TOKEN, "xoxb-test-doctor-token");
    env.put(BotConfig.SLACK_SIGNING_SECRET, "signing-secret-for-doctor");
    wm.getWireMock().register(post(urlPathEqualTo("/slack/api/auth.test"))
        .willReturn(okJson("{\"ok\":true,\"user\":\"syncro\",\"team\":\"Acme IT\",\"user_id\":\"UBOT\"}")));

    int code = run("", "doctor");

    assertThat(out()).contains("[ok]   mode: HTTP mode").contains("[ok]   slack: bot token works: bot user syncro in workspace Acme IT")
        .contains("[ok]   store:").contains("1 technician(s) connected")
        .contains("[ok]   syncro: U04ABCDEF (Jane Tech): token accepted by Syncro").contains("All checks passed.");
    assertThat(code).isZero();
  }

  @Test
  void doctor_expiredTokenAndBadSlackToken_areProblems() {
    wm.getWireMock().register(get(urlPathEqualTo("/api/v1/me")).willReturn(okJson(ME)));
    run(TOKEN, "users", "add", "--slack-user", "U04ABCDEF");
    wm.getWireMock().resetMappings();
    wm.getWireMock().register(get(urlPathEqualTo("/api/v1/me")).willReturn(aResponse().withStatus(401)));
    wm.getWireMock().register(post(urlPathEqualTo("/slack/api/auth.test"))
        .willReturn(okJson("{\"ok\":false,\"error\":\"invalid_auth\"}")));
    env.put(BotConfig.SLACK_BOT_TOKEN, "xoxb-revoked");

    int code = run("", "doctor");

    assertThat(code).isEqualTo(1);
    assertThat(out()).contains("[FAIL] mode: HTTP mode needs SLACK_SIGNING_SECRET")
        .contains("[FAIL] slack: Slack refused the bot token (invalid_auth)")
        .contains("[FAIL] syncro: U04ABCDEF (Jane Tech): Syncro refused the token (expired or revoked)")
        .contains("3 problem(s) found.").doesNotContain(TOKEN);
  }

  @Test
  void readOnlyCommands_whereNothingIsStored_createNothingAndSayWhereTheyLooked() throws Exception {
    Path db = dir.resolve("bot.db");
    for (String[] args : List.of(new String[] {"users", "list"}, new String[] {"audit"},
        new String[] {"rates", "list"}, new String[] {"users", "remove", "--slack-user", "U04ABCDEF"})) {
      assertThat(run("", args)).as(String.join(" ", args)).isEqualTo(2);
      assertThat(err()).as(String.join(" ", args))
          .startsWith("syncro-bot: no store at " + db + ": SYNCRO_BOT_DB_URL is jdbc:sqlite:" + db)
          .contains("Run this command in the folder the bot runs in").contains("Nothing was created.");
      assertThat(out()).isEmpty();
    }

    assertThat(run("", "doctor")).isEqualTo(1);
    assertThat(out()).contains("[FAIL] store: no store at " + db)
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
    assertThat(run(TOKEN, "users", "add", "--slack-user", "U04ABCDEF")).isZero();
    Path elsewhere = Path.of("no-such-folder-" + System.nanoTime(), "secret.key");
    env.put(BotConfig.SECRET_KEY_FILE, elsewhere.toString());

    assertThat(run("", "users", "list")).isEqualTo(2);
    assertThat(err()).contains("no token-encryption key: SYNCRO_BOT_SECRET_KEY is not set and there is no key file at "
        + elsewhere.toAbsolutePath() + " (SYNCRO_BOT_SECRET_KEY_FILE, relative to the working directory "
        + Path.of("").toAbsolutePath() + ")");
    assertThat(run("", "doctor")).isEqualTo(1);
    assertThat(out()).contains("[FAIL] key: no token-encryption key").doesNotContain("[FAIL] store");
    assertThat(elsewhere.getParent()).doesNotExist();

    // The database alone is enough for the audit and the rate table.
    assertThat(run("", "audit")).isZero();
    assertThat(run("", "rates", "list")).isZero();
    assertThat(out()).contains("remote");
  }

  @Test
  void help_worksOnEverySubcommand() {
    List<CommandLine> all = new ArrayList<>();
    collect(Main.commandLine(cli("")), all);
    assertThat(all).hasSizeGreaterThanOrEqualTo(11);
    for (CommandLine c : all) {
      String path = c.getCommandSpec().qualifiedName(" ");
      String[] args = (path.substring("syncro-bot".length()).strip() + " --help").strip().split(" ");
      assertThat(run("", args)).as(path).isZero();
      assertThat(err()).as(path).isEmpty();
      assertThat(out()).as(path).startsWith("Usage: " + path);
    }
  }

  @Test
  void version_printsTheProjectVersion() {
    assertThat(run("", "-V")).isZero();
    assertThat(out().strip()).matches("syncro-bot [0-9]+\\.[0-9]+\\.[0-9]+(-SNAPSHOT)?");
    assertThat(run("", "doctor", "-V")).isZero();
    assertThat(out()).startsWith("syncro-bot ");
  }

  @Test
  void serve_missingConfiguration_namesEveryMissingVariableAtOnce() throws Exception {
    env.remove(BotConfig.SYNCRO_BASE_URL);
    env.remove(BotConfig.SLACK_API_URL);

    assertThat(run("", "serve")).isEqualTo(2);
    assertThat(err().strip()).isEqualTo("syncro-bot: missing required environment variables SLACK_BOT_TOKEN,"
        + " SLACK_SIGNING_SECRET (required in HTTP mode, when SLACK_APP_TOKEN is not set),"
        + " SYNCRO_BASE_URL (or SYNCRO_SUBDOMAIN)");
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left).isEmpty();
    }

    env.put(BotConfig.SLACK_APP_TOKEN, "xapp-1-socket-mode-token");
    assertThat(run("", "serve")).isEqualTo(2);
    assertThat(err().strip()).isEqualTo(
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
