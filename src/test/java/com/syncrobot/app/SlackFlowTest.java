package com.syncrobot.app;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.syncrobot.testkit.Fixtures.BOT_TOKEN;
import static com.syncrobot.testkit.Fixtures.SIGNING_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.syncrobot.store.ConnectedUserStore;
import com.syncrobot.syncro.SyncroToken;
import com.syncrobot.testkit.JsonFixtures;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The Slack side end to end: real signed HTTP requests to the running {@link BotServer} on
 * 127.0.0.1, the real Bolt app and handlers, a real SQLite store, and Slack's Web API,
 * response_url and Syncro on WireMock.
 */
final class SlackFlowTest {
  static final String TOKEN = "T0k3nSecretValue9f8e7d6c";
  static final String USER = "U0JANE";
  static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static WireMockExtension slack = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @RegisterExtension
  static WireMockExtension syncro = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir
  static Path dir;

  static ConnectedUserStore users;
  static WireMockBot bot;
  static SignedRequests requests;
  static final AtomicInteger responseUrls = new AtomicInteger();
  static final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private static final List<String> CAPTURED = List.of("com.syncrobot", "com.slack", "okhttp3");
  private static final Map<String, Optional<Level>> levelsBefore = new LinkedHashMap<>();

  @BeforeAll
  static void start() throws Exception {
    stubAuthTest();
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    logs.start();
    root.addAppender(logs);
    // Capture everything the bot and the Slack SDK log, debug included, whatever logback-test.xml says.
    for (String name : CAPTURED) {
      Logger logger = (Logger) LoggerFactory.getLogger(name);
      levelsBefore.put(name, Optional.ofNullable(logger.getLevel()));
      logger.setLevel(Level.DEBUG);
    }
    bot = new WireMockBot(slack, syncro, dir, BOT_TOKEN, SIGNING_SECRET);
    users = bot.users;
    requests = bot.requests;
  }

  @AfterAll
  static void stop() {
    bot.close();
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
    // Back to what logback-test.xml set (com.syncrobot at INFO), for the test classes after this one.
    levelsBefore.forEach((name, level) -> ((Logger) LoggerFactory.getLogger(name)).setLevel(level.orElse(null)));
  }

  @BeforeEach
  void stubSlack() {
    stubAuthTest();
    slack.stubFor(post(urlPathMatching("/response/.*")).willReturn(aResponse().withStatus(200).withBody("ok")));
    slack.stubFor(post(urlPathEqualTo("/api/views.open")).willReturn(okJson("{\"ok\":true,\"view\":{\"id\":\"V1\"}}")));
    slack.stubFor(post(urlPathEqualTo("/api/chat.postMessage"))
        .willReturn(okJson("{\"ok\":true,\"channel\":\"D1\",\"ts\":\"1.2\"}")));
    users.remove(USER);
  }

  @AfterEach
  void secretsNeverLeak_R11() {
    // Whatever the test did, the Syncro token must not reach Slack, and no secret may reach the log.
    for (ServeEvent e : slack.getAllServeEvents()) {
      assertThat(e.getRequest().getUrl()).doesNotContain(TOKEN);
      assertThat(e.getRequest().getBodyAsString()).doesNotContain(TOKEN);
    }
    for (ILoggingEvent e : List.copyOf(logs.list)) {
      if (isTestInfrastructure(e.getLoggerName())) {
        continue;
      }
      assertThat(e.getFormattedMessage()).as(e.getLoggerName())
          .doesNotContain(TOKEN, BOT_TOKEN, SIGNING_SECRET);
      if (e.getThrowableProxy() != null) {
        assertThat(ThrowableProxyUtil.asString(e.getThrowableProxy()))
            .doesNotContain(TOKEN, BOT_TOKEN, SIGNING_SECRET);
      }
    }
  }

  /** WireMock's own server logs what it receives, which for the fake Syncro includes api_key. */
  static boolean isTestInfrastructure(String logger) {
    return logger.startsWith("org.eclipse.jetty") || logger.startsWith("wiremock")
        || logger.startsWith("com.github.tomakehurst") || logger.startsWith("org.wiremock");
  }

  static void stubAuthTest() {
    slack.stubFor(post(urlPathEqualTo("/api/auth.test")).willReturn(okJson(JsonFixtures.load("slack/auth.test.json"))));
  }

  static void connectUser() {
    users.connect(USER, 1735, "Jane Tech", new SyncroToken(TOKEN));
  }

  /** Sends {@code /syncro text} as USER; returns the ack. The async reply goes to the returned path. */
  static Command command(String text) {
    String path = "/response/" + responseUrls.incrementAndGet();
    HttpResponse<String> ack = requests.post(SignedRequests.command(USER, text, slack.baseUrl() + path),
        SignedRequests.FORM);
    return new Command(ack, path);
  }

  record Command(HttpResponse<String> ack, String responsePath) {
    /** Waits (bounded) for the reply on response_url and returns its JSON. */
    JsonNode reply() throws Exception {
      LoggedRequest r = awaitOne(slack, postRequestedFor(urlPathEqualTo(responsePath)));
      return JSON.readTree(r.getBodyAsString());
    }

    JsonNode ackJson() throws Exception {
      assertThat(ack.statusCode()).isEqualTo(200);
      return JSON.readTree(ack.body());
    }
  }

  static LoggedRequest awaitOne(WireMockExtension wm, RequestPatternBuilder pattern) {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (true) {
      List<LoggedRequest> found = wm.findAll(pattern);
      if (!found.isEmpty()) {
        return found.get(0);
      }
      if (System.nanoTime() > deadline) {
        fail("no request matching " + pattern.build() + " within 5 s");
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail("interrupted");
      }
    }
  }

  static String ticketJson(long id, long number, String status, String customer, String subject, String createdAt) {
    return "{\"id\":" + id + ",\"number\":" + number + ",\"subject\":" + SignedRequests.jsonString(subject)
        + ",\"status\":\"" + status + "\",\"priority\":\"2 Normal\",\"problem_type\":\"Hardware\",\"customer_id\":77,"
        + "\"customer_business_then_name\":" + SignedRequests.jsonString(customer) + ",\"created_at\":\"" + createdAt
        + "\",\"updated_at\":\"" + createdAt + "\",\"due_date\":null,\"user_id\":1735,\"comments\":[]}";
  }

  static String ticketList(String... tickets) {
    return "{\"tickets\":[" + String.join(",", tickets) + "],\"meta\":{\"total_pages\":1,\"page\":1}}";
  }

  static String text(JsonNode reply) {
    StringBuilder sb = new StringBuilder(reply.path("text").asText()).append('\n');
    for (JsonNode b : reply.path("blocks")) {
      sb.append(b.path("text").path("text").asText()).append('\n');
      for (JsonNode f : b.path("fields")) {
        sb.append(f.path("text").asText()).append('\n');
      }
      for (JsonNode e : b.path("elements")) {
        sb.append(e.path("text").asText()).append('\n');
      }
    }
    return sb.toString();
  }

  // ---- transport and signatures -------------------------------------------------------------

  @Test
  void healthz_alive_200WithJson() throws Exception {
    HttpResponse<String> r = requests.get("/healthz");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
    assertThat(JSON.readTree(r.body())).isEqualTo(JSON.readTree("{\"status\":\"ok\"}"));
  }

  @Test
  void events_get_405() {
    assertThat(requests.get("/slack/events").statusCode()).isEqualTo(405);
  }

  @Test
  void events_validSignature_200AndHandled() throws Exception {
    Command c = command("help");
    assertThat(c.ackJson().path("response_type").asText()).isEqualTo("ephemeral");
  }

  @Test
  void events_badSignature_401AndNoHandlerRuns() {
    connectUser();
    String body = SignedRequests.command(USER, "list", slack.baseUrl() + "/response/x");
    long ts = Instant.now().getEpochSecond();
    HttpResponse<String> r = requests.post(body.getBytes(StandardCharsets.UTF_8), SignedRequests.FORM,
        Long.toString(ts), SignedRequests.sign("not-the-secret", ts, body.getBytes(StandardCharsets.UTF_8)));
    assertThat(r.statusCode()).isEqualTo(401);
    // Not even auth.test: the signature check runs before anything talks to Slack or Syncro.
    assertThat(slack.getAllServeEvents()).isEmpty();
    assertThat(syncro.getAllServeEvents()).isEmpty();
  }

  @Test
  void events_missingSignatureHeaders_401() {
    byte[] body = SignedRequests.command(USER, "help", slack.baseUrl() + "/response/x")
        .getBytes(StandardCharsets.UTF_8);
    assertThat(requests.post(body, SignedRequests.FORM, null, null).statusCode()).isEqualTo(401);
    long ts = Instant.now().getEpochSecond();
    assertThat(requests.post(body, SignedRequests.FORM, Long.toString(ts), null).statusCode()).isEqualTo(401);
    assertThat(requests.post(body, SignedRequests.FORM, null, SignedRequests.sign(SIGNING_SECRET, ts, body))
        .statusCode()).isEqualTo(401);
    assertThat(slack.getAllServeEvents()).isEmpty();
  }

  @Test
  void events_staleTimestamp_401() {
    byte[] body = SignedRequests.command(USER, "help", slack.baseUrl() + "/response/x")
        .getBytes(StandardCharsets.UTF_8);
    long ts = Instant.now().minus(Duration.ofMinutes(6)).getEpochSecond();
    HttpResponse<String> r = requests.post(body, SignedRequests.FORM, Long.toString(ts),
        SignedRequests.sign(SIGNING_SECRET, ts, body));
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(slack.getAllServeEvents()).isEmpty();
  }

  @Test
  void events_nonAsciiBodySignedOverUtf8_200() {
    // The charset pitfall: Slack signs the UTF-8 bytes; a verifier using another charset rejects this.
    String body = SignedRequests.event("{\"type\":\"app_home_opened\",\"user\":\"" + USER + "\",\"channel\":\"D1\","
        + "\"tab\":\"home\",\"event_ts\":\"1700000000.1\",\"note\":\"Grüße 👋\"}");
    byte[] utf8 = body.getBytes(StandardCharsets.UTF_8);
    long ts = Instant.now().getEpochSecond();
    HttpResponse<String> ok = requests.post(utf8, SignedRequests.JSON, Long.toString(ts),
        SignedRequests.sign(SIGNING_SECRET, ts, utf8));
    assertThat(ok.statusCode()).isEqualTo(200);
    HttpResponse<String> latin1 = requests.post(utf8, SignedRequests.JSON, Long.toString(ts),
        SignedRequests.sign(SIGNING_SECRET, ts, body.getBytes(StandardCharsets.ISO_8859_1)));
    assertThat(latin1.statusCode()).isEqualTo(401);
  }

  @Test
  void events_subscribedEventWithoutListener_isStillAcked() {
    String body = SignedRequests.event("{\"type\":\"link_shared\",\"channel\":\"C1\",\"user\":\"" + USER + "\","
        + "\"message_ts\":\"1.2\",\"links\":[{\"domain\":\"acme.syncromsp.com\","
        + "\"url\":\"https://acme.syncromsp.com/\"}],"
        + "\"event_ts\":\"1.3\"}");
    assertThat(requests.post(body, SignedRequests.JSON).statusCode()).isEqualTo(200);
  }

  @Test
  void events_unrecognisedBody_400() {
    assertThat(requests.post("hello=world", SignedRequests.FORM).statusCode()).isEqualTo(400);
  }

  // ---- reading tickets --------------------------------------------------------------------

  @Test
  void list_threeOpenTickets_repliesEphemerallyNewestFirstWithCount() throws Exception {
    connectUser();
    syncro.stubFor(get(urlPathEqualTo("/api/v1/tickets")).withQueryParam("api_key", equalTo(TOKEN))
        .willReturn(okJson(ticketList(
            ticketJson(1, 32160, "Waiting on Customer", "Acme Dental", "Backup failed", "2024-05-01T09:00:00Z"),
            ticketJson(3, 32164, "New", "Jerry Burger", "Own cloud thing again", "2024-05-03T09:00:00Z"),
            ticketJson(2, 32162, "In Progress", "Bolt & Nut <Ltd>", "VPN drops", "2024-05-02T09:00:00-05:00")))));
    Command c = command("");
    assertThat(c.ack().statusCode()).isEqualTo(200);
    JsonNode reply = c.reply();
    assertThat(reply.path("response_type").asText()).isEqualTo("ephemeral");
    assertThat(reply.path("text").asText()).isEqualTo("*3 open tickets*, newest first");
    assertThat(reply.path("blocks").get(1).path("text").path("text").asText()).isEqualTo(
        // columns Slack cannot collapse, and each number links to the ticket in Syncro
        "<" + syncro.baseUrl() + "/tickets/3|#32164> · New · Jerry Burger · Own cloud thing again\n"
            + "<" + syncro.baseUrl() + "/tickets/2|#32162> · In Progress · Bolt &amp; Nut &lt;Ltd&gt; · VPN drops\n"
            + "<" + syncro.baseUrl() + "/tickets/1|#32160> · Waiting on Customer · Acme Dental · Backup failed");
  }

  @Test
  void list_subjectWithChannelMention_isEscaped() throws Exception {
    connectUser();
    syncro.stubFor(get(urlPathEqualTo("/api/v1/tickets")).willReturn(okJson(ticketList(
        ticketJson(1, 500, "New", "A&B", "<!channel> help & <http://x|y>", "2024-05-01T09:00:00Z")))));
    String all = text(command("list").reply());
    assertThat(all).contains("|#500> · New · A&amp;B · &lt;!channel&gt; help &amp; &lt;http://x|y&gt;");
    assertThat(all).doesNotContain("<!channel>", "<http://x");
  }

  @Test
  void ticket_byNumber_resolvesNumberThenShowsDetail_R26() throws Exception {
    connectUser();
    syncro.stubFor(get(urlPathEqualTo("/api/v1/tickets")).withQueryParam("number", equalTo("32203"))
        .withQueryParam("api_key", equalTo(TOKEN))
        .willReturn(okJson(ticketList(ticketJson(9001, 32203, "In Progress", "Jerry Burger", "Printer offline",
            "2024-05-01T14:03:00Z")))));
    syncro.stubFor(get(urlPathEqualTo("/api/v1/tickets/9001")).withQueryParam("api_key", equalTo(TOKEN))
        .willReturn(okJson("{\"ticket\":{\"id\":9001,\"number\":32203,\"subject\":\"Printer offline\","
            + "\"status\":\"In Progress\",\"priority\":\"1 High\",\"customer_id\":77,"
            + "\"customer_business_then_name\":\"Jerry Burger\",\"contact_fullname\":\"Jerry B.\","
            + "\"created_at\":\"2024-05-01T14:03:00.000Z\",\"due_date\":\"2099-05-09T17:00:00.000Z\","
            + "\"updated_at\":\"2024-05-02T09:30:00.000-07:00\",\"user_id\":1735,"
            + "\"user\":{\"id\":1735,\"full_name\":\"Jane Tech\"},"
            + "\"comments\":["
            + "{\"id\":11,\"subject\":\"Initial Issue\",\"body\":\"Printer shows offline<br>since Monday\","
            + "\"hidden\":false,\"tech\":\"Jerry\",\"created_at\":\"2024-05-01T14:03:00.000Z\"},"
            + "{\"id\":12,\"subject\":\"Diagnosis\",\"body\":\"<p>Driver &amp; spooler reset</p>\","
            + "\"hidden\":true,\"tech\":\"Jane Tech\",\"created_at\":\"2024-05-02T10:00:00.000Z\"}],"
            + "\"line_items\":[{\"id\":21,\"name\":\"Labor - Remote Business\",\"description\":\"Remote fix\","
            + "\"quantity\":\"0.75\",\"price_retail\":150.0,\"product_id\":1190473,\"invoice_id\":null}]}}")));
    Command c = command("ticket #32203");
    assertThat(c.ack().statusCode()).isEqualTo(200);
    JsonNode reply = c.reply();
    assertThat(reply.path("response_type").asText()).isEqualTo("ephemeral");
    String all = text(reply);
    assertThat(all).contains("*#32203 · Printer offline*", "*Status*\nIn Progress", "*Priority*\n1 High",
        "*Customer*\nJerry Burger", "*Contact*\nJerry B.",
        "*Created*\n<!date^1714572180^{date_short_pretty} at {time}|2024-05-01 14:03 UTC>",
        "*Due*\n<!date^4082029200^{date_short_pretty} at {time}|2099-05-09 17:00 UTC>",
        "*Last updated*\n<!date^1714667400^{date_short_pretty} at {time}|2024-05-02 16:30 UTC>",
        "*Assigned tech*\nJane Tech",
        "*Diagnosis* · Jane Tech · <!date^1714644000^{date_short_pretty} at {time}|2024-05-02 10:00 UTC> · _internal note_\nDriver &amp; spooler reset",
        "*Initial Issue* · Jerry · <!date^1714572180^{date_short_pretty} at {time}|2024-05-01 14:03 UTC> · _public_\nPrinter shows offline\nsince Monday",
        "• Labor - Remote Business — qty 0.75 × $150.00 = $112.50 — not invoiced",
        "*Billing:* not invoiced yet (1 line item).");
    assertThat(all.indexOf("*Diagnosis*")).isLessThan(all.indexOf("*Initial Issue*"));
    // Exactly two reads, number first: the typed number is never used as an id.
    List<ServeEvent> calls = new ArrayList<>(syncro.getAllServeEvents());
    Collections.reverse(calls);
    assertThat(calls).extracting(e -> e.getRequest().getUrl().replaceAll("\\?.*", ""))
        .containsExactly("/api/v1/tickets", "/api/v1/tickets/9001");
    assertThat(calls.get(0).getRequest().queryParameter("number").firstValue()).isEqualTo("32203");
    assertThat(calls)
        .allSatisfy(e -> assertThat(e.getRequest().queryParameter("api_key").firstValue()).isEqualTo(TOKEN));
  }

  @Test
  void ticket_numberThatDoesNotExist_saysSo() throws Exception {
    connectUser();
    syncro.stubFor(get(urlPathEqualTo("/api/v1/tickets")).withQueryParam("number", equalTo("99999"))
        .willReturn(okJson(ticketList())));
    assertThat(command("ticket 99999").reply().path("text").asText())
        .isEqualTo("Ticket #99999 does not exist in Syncro.");
    syncro.verify(0, getRequestedFor(urlPathMatching("/api/v1/tickets/.*")));
  }

  @Test
  void ticket_notANumber_saysSoAndAsksSyncroNothing() throws Exception {
    connectUser();
    assertThat(command("ticket 32a03").ackJson().path("text").asText())
        .isEqualTo("`32a03` is not a ticket number. Which ticket? Usage: `/syncro ticket 32203`");
    assertThat(command("ticket").ackJson().path("text").asText())
        .isEqualTo("Which ticket? Usage: `/syncro ticket 32203`");
    assertThat(syncro.getAllServeEvents()).isEmpty();
  }

  @Test
  void ticket_bareNumber_isAShortcut() throws Exception {
    connectUser();
    syncro.stubFor(get(urlPathEqualTo("/api/v1/tickets")).willReturn(okJson(ticketList())));
    assertThat(command("#4242").reply().path("text").asText()).isEqualTo("Ticket #4242 does not exist in Syncro.");
    syncro.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/tickets")).withQueryParam("number", equalTo("4242")));
  }

  @Test
  void search_text_listsMatches() throws Exception {
    connectUser();
    syncro.stubFor(get(urlPathEqualTo("/api/v1/tickets")).withQueryParam("query", equalTo("printer & fax"))
        .willReturn(okJson(ticketList(ticketJson(5, 31000, "Resolved", "Jerry Burger", "Printer jam",
            "2024-04-01T09:00:00Z")))));
    JsonNode reply = command("search printer & fax").reply();
    assertThat(reply.path("text").asText()).isEqualTo("*1 ticket matches* “printer &amp; fax”, newest first");
    assertThat(text(reply)).contains("|#31000> · Resolved · Jerry Burger · Printer jam");
  }

  @Test
  void search_withoutTextOrTooLong_isRefusedBeforeSyncro() throws Exception {
    connectUser();
    assertThat(command("search").ackJson().path("text").asText()).startsWith("What should I search for?");
    assertThat(command("search " + "x".repeat(201)).ackJson().path("text").asText())
        .isEqualTo("That search text is 201 characters long; keep it to 200 or fewer.");
    assertThat(syncro.getAllServeEvents()).isEmpty();
  }

  @Test
  void customers_text_listsMatches() throws Exception {
    connectUser();
    syncro.stubFor(get(urlPathEqualTo("/api/v1/customers")).withQueryParam("query", equalTo("burger"))
        .willReturn(okJson("{\"customers\":[{\"id\":77,\"business_then_name\":\"Jerry Burger\","
            + "\"email\":\"jerry@burger.example\",\"phone\":\"555-0100\",\"prepay_hours\":\"4.5\",\"contacts\":[]}],"
            + "\"meta\":{\"total_pages\":1,\"page\":1}}")));
    assertThat(text(command("customers burger").reply()))
        .contains("*1 customer matches* “burger”", "*Jerry Burger*  jerry@burger.example  555-0100  prepaid 4.5 h");
  }

  @Test
  void help_andUnknownSubcommand_showUsage() throws Exception {
    String help = command("help").ackJson().path("text").asText();
    assertThat(help).contains("`/syncro ticket 32203`", "`/syncro search TEXT`", "`/syncro customers TEXT`",
        "`/syncro connect`", "`/syncro disconnect`", "`/syncro help`");
    String unknown = command("frobnicate <!here>").ackJson().path("text").asText();
    assertThat(unknown).startsWith("Unknown subcommand `frobnicate`.\n").contains("`/syncro ticket 32203`");
    assertThat(syncro.getAllServeEvents()).isEmpty();
  }

  @Test
  void help_spellsEveryCommandAsTheReadmeDoes() throws Exception {
    String help = command("help").ackJson().path("text").asText();
    String readme = java.nio.file.Files.readString(Path.of("README.md"));
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("`(/syncro[^`]*)`").matcher(help);
    List<String> forms = new ArrayList<>();
    while (m.find()) {
      forms.add(m.group(1));
    }
    assertThat(forms).hasSizeGreaterThan(15);
    assertThat(forms).allSatisfy(form -> assertThat(readme).as("README spells " + form).contains(form));
  }

  // ---- identity (R11) -----------------------------------------------------------------------

  @Test
  void read_withoutConnectedToken_toldToConnectAndSyncroNotCalled_R11() throws Exception {
    for (String text : List.of("", "ticket 32203", "search printer", "customers acme")) {
      JsonNode ack = command(text).ackJson();
      assertThat(ack.path("response_type").asText()).isEqualTo("ephemeral");
      assertThat(ack.path("text").asText()).startsWith("You have not connected your Syncro API token yet. "
          + "Run `/syncro connect`");
    }
    assertThat(syncro.getAllServeEvents()).isEmpty();
  }

  @Test
  void read_tokenRefusedBySyncro_toldToReconnect_R17() throws Exception {
    connectUser();
    syncro.stubFor(get(urlPathEqualTo("/api/v1/tickets")).willReturn(aResponse().withStatus(401)
        .withHeader("Content-Type", "application/json").withBody("{\"error\":\"Unauthorized\"}")));
    String text = command("").reply().path("text").asText();
    assertThat(text).startsWith("Your Syncro token was refused (expired or revoked?); run `/syncro connect` to "
        + "connect a new one.");
    assertThat(text).doesNotContain("Exception", "at com.");
  }

  @Test
  void read_syncroDown_saysTryAgain() throws Exception {
    connectUser();
    syncro.stubFor(get(urlPathEqualTo("/api/v1/tickets")).willReturn(aResponse().withStatus(503)));
    assertThat(command("").reply().path("text").asText()).isEqualTo("Syncro did not answer; try again in a minute.");
  }

  @Test
  void read_rateLimitedThroughout_saysSo() throws Exception {
    connectUser();
    syncro.stubFor(get(urlPathEqualTo("/api/v1/tickets")).willReturn(aResponse().withStatus(429)));
    assertThat(command("").reply().path("text").asText()).startsWith("Syncro is rate-limiting the bot right now");
  }

  @Test
  void comment_acksBeforeOpeningTheModal_andSaysThroughResponseUrlWhenSlackRefusesIt() throws Exception {
    connectUser();
    slack.stubFor(post(urlPathEqualTo("/api/views.open"))
        .willReturn(okJson("{\"ok\":false,\"error\":\"expired_trigger_id\"}")));
    Command c = command("comment 32203");
    assertThat(c.ack().statusCode()).isEqualTo(200);
    assertThat(c.ack().body()).isEmpty();
    assertThat(c.reply().path("text").asText()).isEqualTo(
        "Slack did not open the dialog (expired_trigger_id); run `/syncro comment 32203 [text]` again.");
    assertThat(syncro.getAllServeEvents()).isEmpty();
  }

  @Test
  void create_acksBeforeOpeningTheModal_andSaysThroughResponseUrlWhenSlackRefusesIt() throws Exception {
    connectUser();
    slack.stubFor(post(urlPathEqualTo("/api/views.open"))
        .willReturn(okJson("{\"ok\":false,\"error\":\"expired_trigger_id\"}")));
    Command c = command("create Acme");
    assertThat(c.ack().statusCode()).isEqualTo(200);
    assertThat(c.ack().body()).isEmpty();
    assertThat(c.reply().path("text").asText()).isEqualTo(
        "Slack did not open the dialog (expired_trigger_id); try again. Run `/syncro create [customer]` again.");
  }

  @Test
  void connect_acksBeforeOpeningTheModal_andSaysThroughResponseUrlWhenSlackRefusesIt() throws Exception {
    slack.stubFor(post(urlPathEqualTo("/api/views.open"))
        .willReturn(okJson("{\"ok\":false,\"error\":\"expired_trigger_id\"}")));
    Command c = command("connect");
    assertThat(c.ack().statusCode()).isEqualTo(200);
    assertThat(c.ack().body()).isEmpty();
    assertThat(c.reply().path("text").asText()).isEqualTo(
        "Slack did not open the connect dialog (expired_trigger_id); run `/syncro connect` again.");
  }

  @Test
  void connect_opensModalWithTheTriggerId() throws Exception {
    Command c = command("connect");
    assertThat(c.ack().statusCode()).isEqualTo(200);
    LoggedRequest open = awaitOne(slack, postRequestedFor(urlPathEqualTo("/api/views.open")));
    String form = URLDecoder.decode(open.getBodyAsString(), StandardCharsets.UTF_8);
    assertThat(form).contains("trigger_id=13345224609.738474920.8088930838d88f008e0",
        "\"callback_id\":\"syncro_connect\"",
        "\"block_id\":\"syncro_token\"", "\"type\":\"plain_text_input\"");
    assertThat(syncro.getAllServeEvents()).isEmpty();
  }

  @Test
  void connectSubmission_goodToken_checksMeStoresAndConfirmsByName_R11() throws Exception {
    syncro.stubFor(get(urlPathEqualTo("/api/v1/me")).withQueryParam("api_key", equalTo(TOKEN))
        .willReturn(okJson("{\"user_id\":1735,\"user_name\":\"Jane <Tech>\",\"user_email\":\"jane@msp.example\"}")));
    HttpResponse<String> ack = requests.post(SignedRequests.connectSubmission(USER, " " + TOKEN + " "),
        SignedRequests.FORM);
    assertThat(ack.statusCode()).isEqualTo(200);
    assertThat(ack.body()).doesNotContain("errors");
    LoggedRequest dm = awaitOne(slack, postRequestedFor(urlPathEqualTo("/api/chat.postMessage")));
    String form = URLDecoder.decode(dm.getBodyAsString(), StandardCharsets.UTF_8);
    assertThat(form).contains("channel=" + USER,
        "Connected as *Jane &lt;Tech&gt;* (Syncro user 1735). Your `/syncro` commands now act as this Syncro user.");
    assertThat(users.find(USER)).hasValueSatisfying(u -> {
      assertThat(u.syncroUserId()).isEqualTo(1735);
      assertThat(u.syncroUserName()).isEqualTo("Jane <Tech>");
      assertThat(u.token().value()).isEqualTo(TOKEN);
    });
    syncro.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/me")).withQueryParam("api_key", equalTo(TOKEN)));
  }

  @Test
  void connectSubmission_tokenSyncroRefuses_toldAndNothingStored() throws Exception {
    syncro.stubFor(get(urlPathEqualTo("/api/v1/me")).willReturn(aResponse().withStatus(401)
        .withHeader("Content-Type", "application/json").withBody("{\"error\":\"Unauthorized\"}")));
    assertThat(requests.post(SignedRequests.connectSubmission(USER, TOKEN), SignedRequests.FORM).statusCode())
        .isEqualTo(200);
    LoggedRequest dm = awaitOne(slack, postRequestedFor(urlPathEqualTo("/api/chat.postMessage")));
    assertThat(URLDecoder.decode(dm.getBodyAsString(), StandardCharsets.UTF_8))
        .contains("Syncro refused that token (wrong, expired or revoked?). Nothing was stored");
    assertThat(users.find(USER)).isEmpty();
  }

  @Test
  void connectSubmission_blankOrGarbled_flaggedOnTheFieldWithoutCallingSyncro() throws Exception {
    HttpResponse<String> blank = requests.post(SignedRequests.connectSubmission(USER, "  "), SignedRequests.FORM);
    assertThat(blank.statusCode()).isEqualTo(200);
    JsonNode errors = JSON.readTree(blank.body());
    assertThat(errors.path("response_action").asText()).isEqualTo("errors");
    assertThat(errors.path("errors").path("syncro_token").asText()).isEqualTo("Paste your Syncro API token.");
    HttpResponse<String> spaces = requests.post(SignedRequests.connectSubmission(USER, "abc def"), SignedRequests.FORM);
    assertThat(JSON.readTree(spaces.body()).path("errors").path("syncro_token").asText()).contains("no spaces");
    assertThat(syncro.getAllServeEvents()).isEmpty();
  }

  @Test
  void disconnect_removesTheStoredToken() throws Exception {
    connectUser();
    assertThat(command("disconnect").ackJson().path("text").asText()).startsWith("Disconnected");
    assertThat(users.find(USER)).isEmpty();
    assertThat(command("disconnect").ackJson().path("text").asText()).startsWith("You had no Syncro token connected");
  }
}
