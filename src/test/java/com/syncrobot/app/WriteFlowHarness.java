package com.syncrobot.app;

import com.syncrobot.digest.DigestSettings;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.syncrobot.store.ConnectedUserStore;
import com.syncrobot.store.Database;
import com.syncrobot.store.TokenCipher;
import com.syncrobot.syncro.RequestBudget;
import com.syncrobot.syncro.SyncroClient;
import com.syncrobot.syncro.SyncroToken;
import com.syncrobot.write.Plan;
import com.syncrobot.write.PlanState;
import com.syncrobot.write.PlanStore;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import javax.crypto.SecretKey;

/**
 * A running {@link BotServer} for the write flows, driven by signed requests whose timestamps come
 * from a clock the test can move (the preview expiry and the signature check share it), with
 * Slack's Web API, response_url and Syncro on WireMock and the store in a real SQLite file.
 */
final class WriteFlowHarness implements AutoCloseable {
  static final String SIGNING_SECRET = "test-signing-secret-7d1f";
  static final String TOKEN = "T0123456789abcdef-0123456789abcdef0123456789abcdef";
  static final String BOT_TOKEN = "xoxb-test-bot-token";
  static final String JANE = "U0JANE";
  static final String BOB = "U0BOB";
  static final long TICKET_ID = 9001;
  static final long NUMBER = 32203;
  static final String API = "/api/v1";
  static final String COMMENT = API + "/tickets/" + TICKET_ID + "/comment";
  static final String COMMENTS = API + "/tickets/" + TICKET_ID + "/comments";
  static final String TICKET = API + "/tickets/" + TICKET_ID;
  static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger seq = new AtomicInteger();

  /**
   * The settle window: a write whose answer was lost is called absent only once the clock moved past it
   * (tests move it); the re-checks meanwhile come a fraction of it apart, in real time.
   */
  static final Duration SETTLE = Duration.ofSeconds(1);

  /** A clock that tests move by hand. */
  static final class MovableClock extends Clock {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

    void advance(Duration d) {
      now.updateAndGet(t -> t.plus(d));
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  }

  final WireMockExtension slack;
  /** Syncro on WireMock; null when the bot talks to the sandbox instead. */
  final WireMockExtension syncro;
  final String syncroApi;
  final Path dbFile;
  final SecretKey key;
  final MovableClock clock = new MovableClock();
  Database db;
  ConnectedUserStore users;
  BotServer server;
  PlanStore plans;
  /** The drafting model the bot uses; null means the production one built from the (empty) OLLAMA_URLS. */
  private final com.syncrobot.draft.@org.jspecify.annotations.Nullable OllamaClient ollama;
  /** The Syncro client's request budget; null means the process's shared one. */
  private @org.jspecify.annotations.Nullable RequestBudget budget;

  WriteFlowHarness(WireMockExtension slack, WireMockExtension syncro, Path dir, SecretKey key) {
    this(slack, syncro, dir, key, null);
  }

  WriteFlowHarness(WireMockExtension slack, WireMockExtension syncro, Path dir, SecretKey key,
      com.syncrobot.draft.@org.jspecify.annotations.Nullable OllamaClient ollama) {
    this(slack, syncro, syncro.baseUrl() + API, dir, key, ollama);
  }

  /** A bot whose Syncro is a real server at {@code syncroApiUrl} (the sandbox), not WireMock. */
  WriteFlowHarness(WireMockExtension slack, String syncroApiUrl, Path dir, SecretKey key) {
    this(slack, null, syncroApiUrl, dir, key, null);
  }

  /** A bot whose Syncro client takes its permits from {@code budget} instead of the process's own. */
  WriteFlowHarness(WireMockExtension slack, String syncroApiUrl, Path dir, SecretKey key, RequestBudget budget) {
    this.budget = budget;
    this.slack = slack;
    this.syncro = null;
    this.syncroApi = syncroApiUrl;
    this.dbFile = dir.resolve("bot.db");
    this.key = key;
    this.ollama = null;
    stubSlack();
    start();
  }

  private WriteFlowHarness(WireMockExtension slack, @org.jspecify.annotations.Nullable WireMockExtension syncro,
      String syncroApiUrl, Path dir, SecretKey key,
      com.syncrobot.draft.@org.jspecify.annotations.Nullable OllamaClient ollama) {
    this.slack = slack;
    this.syncro = syncro;
    this.syncroApi = syncroApiUrl;
    this.dbFile = dir.resolve("bot.db");
    this.key = key;
    this.ollama = ollama;
    stubSlack();
    start();
  }

  void start() {
    db = Database.open("jdbc:sqlite:" + dbFile);
    users = new ConnectedUserStore(db, new TokenCipher(key), clock);
    plans = new PlanStore(db.jdbi());
    SyncroClient.Builder b = SyncroClient.builder()
        .baseUrl(syncroApi)
        .readTimeout(Duration.ofSeconds(2))
        .sleeper(d -> { });
    SyncroClient client = (budget == null ? b : b.budget(budget)).build();
    BotConfig config = new BotConfig(BOT_TOKEN, SIGNING_SECRET, null, slack.baseUrl() + "/api/", 0,
        syncroApi, "jdbc:sqlite:unused", null, dbFile.resolveSibling("secret.key"),
        Duration.ofMinutes(30), "CAUDIT", logDir(), List.of(), DigestSettings.defaults(), SETTLE,
        com.syncrobot.write.PlanExecutor.DEFAULT_RUNNER_LEASE);
    server = ollama == null ? BotServer.start(config, "127.0.0.1", db, client, users, clock)
        : BotServer.start(config, "127.0.0.1", db, client, users, clock, ollama);
  }

  Path logDir() {
    return dbFile.resolveSibling("session-logs");
  }

  /** Stops the bot as a crash would leave it between requests: nothing more is sent. */
  void stop() {
    server.stop();
    db.close();
  }

  @Override
  public void close() {
    stop();
  }

  void stubSlack() {
    slack.stubFor(post(urlPathEqualTo("/api/auth.test")).willReturn(okJson(
        "{\"ok\":true,\"url\":\"https://acme.slack.com/\",\"team\":\"Acme\",\"user\":\"syncrobot\","
            + "\"team_id\":\"T0001\",\"user_id\":\"UBOT\",\"bot_id\":\"B0001\"}")));
    slack.stubFor(post(urlPathMatching("/response/.*")).willReturn(aResponse().withStatus(200).withBody("ok")));
    slack.stubFor(post(urlPathEqualTo("/api/views.open")).willReturn(okJson("{\"ok\":true,\"view\":{\"id\":\"V1\"}}")));
    slack.stubFor(post(urlPathEqualTo("/api/views.update"))
        .willReturn(okJson("{\"ok\":true,\"view\":{\"id\":\"V1\"}}")));
    slack.stubFor(post(urlPathEqualTo("/api/chat.postMessage"))
        .willReturn(okJson("{\"ok\":true,\"channel\":\"D1\",\"ts\":\"1.2\"}")));
  }

  void connect(String user, String name) {
    users.connect(user, 1735, name, new SyncroToken(TOKEN));
  }

  // ---- Syncro ---------------------------------------------------------------------------------

  void ticketExists(String status) {
    syncro.stubFor(get(urlPathEqualTo(API + "/tickets")).withQueryParam("number", equalTo(Long.toString(NUMBER)))
        .willReturn(okJson("{\"tickets\":[" + ticketJson(status) + "],\"meta\":{\"total_pages\":1,\"page\":1}}")));
    syncro.stubFor(get(urlPathEqualTo(TICKET)).willReturn(okJson("{\"ticket\":" + ticketJson(status) + "}")));
    comments();
  }

  static String ticketJson(String status) {
    return "{\"id\":" + TICKET_ID + ",\"number\":" + NUMBER + ",\"subject\":\"Printer offline\",\"status\":\""
        + status + "\",\"priority\":\"2 Normal\",\"problem_type\":\"Hardware\",\"customer_id\":77,"
        + "\"customer_business_then_name\":\"Acme Dental\",\"created_at\":\"2026-03-01T09:00:00.000Z\","
        + "\"updated_at\":\"2026-03-02T15:00:00.000Z\",\"user_id\":1735,\"comments\":[],\"line_items\":[]}";
  }

  void commentPost(ResponseDefinitionBuilder response) {
    syncro.stubFor(post(urlPathEqualTo(COMMENT)).willReturn(response));
  }

  void commentPostCreates(long id) {
    commentPost(okJson("{\"comment\":{\"id\":" + id + ",\"subject\":\"Update\"}}"));
  }

  void statusPut(ResponseDefinitionBuilder response) {
    syncro.stubFor(put(urlPathEqualTo(TICKET)).willReturn(response));
  }

  /** The ticket's comments on one page; each is {id, subject, body}. */
  void comments(String... idSubjectBody) {
    StringBuilder items = new StringBuilder();
    for (int i = 0; i < idSubjectBody.length; i += 3) {
      if (items.length() > 0) {
        items.append(',');
      }
      items.append("{\"id\":").append(idSubjectBody[i]).append(",\"subject\":")
          .append(SignedRequests.jsonString(idSubjectBody[i + 1])).append(",\"body\":")
          .append(SignedRequests.jsonString(idSubjectBody[i + 2]))
          .append(",\"hidden\":true,\"tech\":\"Jane Tech\",\"created_at\":\"").append(clock.instant()).append("\"}");
    }
    syncro.stubFor(get(urlPathEqualTo(COMMENTS))
        .willReturn(okJson("{\"comments\":[" + items + "],\"meta\":{\"total_pages\":1,\"page\":1}}")));
  }

  int count(com.github.tomakehurst.wiremock.matching.RequestPatternBuilder p) {
    return syncro.findAll(p).size();
  }

  // ---- Slack requests -------------------------------------------------------------------------

  HttpResponse<String> signed(String body, String contentType) {
    long ts = clock.instant().getEpochSecond();
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return new SignedRequests(server.port(), SIGNING_SECRET)
        .post(bytes, contentType, Long.toString(ts), SignedRequests.sign(SIGNING_SECRET, ts, bytes));
  }

  /** A /syncro command; the reply path is its response_url on the fake Slack. */
  record Sent(HttpResponse<String> ack, String responsePath, String responseUrl) {}

  Sent command(String user, String text) {
    String path = "/response/" + seq.incrementAndGet();
    String url = slack.baseUrl() + path;
    return new Sent(signed(SignedRequests.command(user, text, url), SignedRequests.FORM), path, url);
  }

  /** The view the bot opened most recently with views.open. */
  JsonNode lastOpenedView() throws Exception {
    List<LoggedRequest> opened = await(() -> slack.findAll(postRequestedFor(urlPathEqualTo("/api/views.open"))),
        l -> !l.isEmpty(), "views.open");
    return JSON.readTree(formField(opened.get(opened.size() - 1).getBodyAsString(), "view"));
  }

  static String formField(String form, String name) {
    for (String pair : form.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
        return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    throw new AssertionError("no form field " + name + " in " + form);
  }

  /** Submits the write modal {@code view} with these fields; returns the ack. */
  HttpResponse<String> submit(String user, JsonNode view, String subject, String body, String audience,
      boolean draft, String viewId) {
    String values = "{\"subject\":{\"value\":{\"type\":\"plain_text_input\",\"value\":" + SignedRequests.jsonString(
        subject) + "}},\"body\":{\"value\":{\"type\":\"plain_text_input\",\"value\":" + SignedRequests.jsonString(body)
        + "}},\"audience\":{\"value\":{\"type\":\"radio_buttons\",\"selected_option\":{\"value\":\"" + audience
        + "\",\"text\":{\"type\":\"plain_text\",\"text\":\"x\"}}}},\"draft\":{\"value\":{\"type\":\"checkboxes\","
        + "\"selected_options\":[" + (draft ? "{\"value\":\"draft\",\"text\":{\"type\":\"plain_text\",\"text\":\"d\"}}"
        : "") + "]}}}";
    String json = "{\"type\":\"view_submission\",\"team\":{\"id\":\"T0001\",\"domain\":\"acme\"},"
        + "\"user\":{\"id\":\"" + user + "\",\"username\":\"u\",\"name\":\"u\",\"team_id\":\"T0001\"},"
        + "\"api_app_id\":\"A0001\",\"token\":\"legacy-verification-token\",\"trigger_id\":\"1.2.3\","
        + "\"view\":{\"id\":\"" + viewId + "\",\"team_id\":\"T0001\",\"type\":\"modal\",\"callback_id\":"
        + SignedRequests.jsonString(view.path("callback_id").asText()) + ",\"private_metadata\":"
        + SignedRequests.jsonString(view.path("private_metadata").asText()) + ",\"hash\":\"1.abc\",\"state\":{\"values\":"
        + values + "}},\"response_urls\":[]}";
    return signed(SignedRequests.form(Map.of("payload", json)), SignedRequests.FORM);
  }

  /** Clicks a button of the plan message; the click carries its own response_url. */
  HttpResponse<String> click(String user, String actionId, String value, String responsePath, String actionTs) {
    String json = "{\"type\":\"block_actions\",\"team\":{\"id\":\"T0001\",\"domain\":\"acme\"},"
        + "\"user\":{\"id\":\"" + user + "\",\"username\":\"u\",\"name\":\"u\",\"team_id\":\"T0001\"},"
        + "\"api_app_id\":\"A0001\",\"token\":\"legacy-verification-token\",\"trigger_id\":\"9.8.7\","
        + "\"container\":{\"type\":\"message\",\"message_ts\":\"1700000000.000100\",\"channel_id\":\"C0001\","
        + "\"is_ephemeral\":true},\"channel\":{\"id\":\"C0001\",\"name\":\"tickets\"},"
        + "\"response_url\":" + SignedRequests.jsonString(slack.baseUrl() + responsePath) + ","
        + "\"actions\":[{\"action_id\":\"" + actionId + "\",\"block_id\":\"plan_actions\",\"text\":{\"type\":"
        + "\"plain_text\",\"text\":\"b\"},\"value\":" + SignedRequests.jsonString(value) + ",\"type\":\"button\","
        + "\"action_ts\":\"" + actionTs + "\"}]}";
    return signed(SignedRequests.form(Map.of("payload", json)), SignedRequests.FORM);
  }

  static String newPath() {
    return "/response/click-" + seq.incrementAndGet();
  }

  static String actionTs() {
    return "1700000000." + String.format("%06d", seq.incrementAndGet());
  }

  /** Every JSON message posted to {@code path} so far, oldest first. */
  List<JsonNode> posts(String path) {
    return slack.findAll(postRequestedFor(urlPathEqualTo(path))).stream().map(r -> {
      try {
        return JSON.readTree(r.getBodyAsString());
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  /** Waits (bounded) until a message posted to {@code path} contains {@code text}; returns it. */
  JsonNode awaitPost(String path, String text) {
    List<JsonNode> found = await(() -> posts(path).stream().filter(j -> text(j).contains(text)).toList(),
        l -> !l.isEmpty(), "a post to " + path + " containing " + text + "; got " + posts(path));
    return found.get(found.size() - 1);
  }

  /** All visible text of a message: top-level text, sections, context and button labels. */
  static String text(JsonNode message) {
    StringBuilder sb = new StringBuilder(message.path("text").asText()).append('\n');
    for (JsonNode b : message.path("blocks")) {
      sb.append(b.path("text").path("text").asText()).append('\n');
      for (JsonNode e : b.path("elements")) {
        sb.append(e.path("text").isObject() ? e.path("text").path("text").asText() : e.path("text").asText())
            .append('\n');
      }
    }
    return sb.toString();
  }

  /** The plan id carried by the preview's Confirm button. */
  static String planId(JsonNode preview) {
    for (JsonNode b : preview.path("blocks")) {
      for (JsonNode e : b.path("elements")) {
        if ("plan_confirm".equals(e.path("action_id").asText())) {
          return e.path("value").asText();
        }
      }
    }
    throw new AssertionError("no Confirm button in " + preview);
  }

  static List<String> actionIds(JsonNode message) {
    return java.util.stream.StreamSupport.stream(message.path("blocks").spliterator(), false)
        .flatMap(b -> java.util.stream.StreamSupport.stream(b.path("elements").spliterator(), false))
        .map(e -> e.path("action_id").asText())
        .filter(s -> !s.isEmpty())
        .toList();
  }

  Plan awaitPlan(String planId, Predicate<Plan> condition) {
    return await(() -> plans.find(planId).orElseThrow(), condition, "plan " + planId + " condition");
  }

  Plan awaitState(String planId, PlanState state) {
    return await(() -> plans.find(planId).orElseThrow(), p -> p.state() == state,
        "plan " + planId + " in " + state + "; now " + plans.find(planId).map(Plan::state).orElse(null));
  }

  interface Probe<T> {
    T get() throws Exception;
  }

  /**
   * How long a flow may take before a wait fails: generous, since on a loaded 2-core CI machine one step
   * was seen to take 15 s; a wait that succeeds returns as soon as its condition holds.
   */
  static final Duration AWAIT = Duration.ofSeconds(30);

  static <T> T await(Probe<T> probe, Predicate<T> done, String what) {
    long deadline = System.nanoTime() + AWAIT.toNanos();
    while (true) {
      T value;
      try {
        value = probe.get();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      if (done.test(value)) {
        return value;
      }
      if (System.nanoTime() > deadline) {
        fail("timed out waiting for " + what);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail("interrupted");
      }
    }
  }

  /** Runs the comment command and modal; returns the preview posted through the command's response_url. */
  Preview preview(String kind, String subject, String body, String audience) throws Exception {
    slack.resetRequests();
    Sent c = command(JANE, kind + " " + NUMBER);
    if (c.ack().statusCode() != 200) {
      throw new AssertionError("command ack " + c.ack().statusCode());
    }
    JsonNode view = lastOpenedView();
    HttpResponse<String> ack = submit(JANE, view, subject, body, audience, false, "V" + seq.incrementAndGet());
    if (ack.statusCode() != 200 || !ack.body().isEmpty()) {
      throw new AssertionError("submission ack " + ack.statusCode() + " " + ack.body());
    }
    JsonNode preview = awaitPost(c.responsePath(), "Details");
    assertWords(readable(preview));
    return new Preview(planId(preview), preview, c.responsePath());
  }

  /** Every string a person can read in a message or view: all text values at any depth (labels, hints, options). */
  static String readable(JsonNode node) {
    StringBuilder sb = new StringBuilder();
    node.fields().forEachRemaining(e -> {
      if (e.getValue().isTextual() && e.getKey().equals("text")) {
        sb.append(e.getValue().asText()).append('\n');
      } else if (e.getValue().isContainerNode()) {
        sb.append(readable(e.getValue()));
      }
    });
    if (node.isArray()) {
      node.forEach(n -> sb.append(readable(n)));
    }
    return sb.toString();
  }

  /**
   * Fails when text a technician reads holds a business-rule id (R5, R8…) or an API field name: those
   * belong in logs, the audit line and the docs, and behind Details in the exact requests.
   */
  static void assertWords(String shown) {
    org.assertj.core.api.Assertions.assertThat(shown).as("what a technician reads")
        .doesNotContainPattern("\\bR[0-9]{1,2}\\b")
        .doesNotContain("price_retail", "taxable", "prepay_hours", "do_not_email", "hidden", "product_id",
            "Syncro id", "(UTC)", "you chose your own words");
  }

  record Preview(String planId, JsonNode message, String commandPath) {}
}
