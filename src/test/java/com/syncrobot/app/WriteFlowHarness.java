package com.syncrobot.app;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.syncrobot.testkit.Fixtures.BOT_TOKEN;
import static com.syncrobot.testkit.Fixtures.SIGNING_SECRET;
import static com.syncrobot.testkit.Fixtures.SYNCRO_TOKEN;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.syncrobot.digest.DigestSettings;
import com.syncrobot.playground.sandbox.SyncroSandbox;
import com.syncrobot.store.ConnectedUserStore;
import com.syncrobot.store.Database;
import com.syncrobot.store.TokenCipher;
import com.syncrobot.syncro.RequestBudget;
import com.syncrobot.syncro.SyncroClient;
import com.syncrobot.syncro.SyncroToken;
import com.syncrobot.testkit.Clocks;
import com.syncrobot.testkit.Fixtures;
import com.syncrobot.testkit.Forms;
import com.syncrobot.testkit.JsonFixtures;
import com.syncrobot.testkit.TempFolders;
import com.syncrobot.write.Plan;
import com.syncrobot.write.PlanState;
import com.syncrobot.write.PlanStore;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javax.crypto.SecretKey;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.threeten.extra.MutableClock;

/**
 * A running {@link BotServer} for the write flows, driven by signed requests whose timestamps come
 * from a clock the test can move (the preview expiry and the signature check share it), with
 * Slack's Web API, response_url and Syncro on WireMock (or Syncro in the sandbox) and the store in a
 * real SQLite file. Most tests hold one in a static {@code @RegisterExtension} field built with
 * {@link #builder()}, which gives every test a fresh bot; a test that wires the bot from its own
 * per-test state starts one with {@code builder(slack)...start(dir)} and closes it.
 */
final class WriteFlowHarness
    implements AutoCloseable, BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {
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
  /** How many views.open the fake Slack had logged when {@link #command} last sent one. */
  private volatile int opensBeforeCommand;

  /**
   * The settle window: a write whose answer was lost is called absent only once the clock moved past it
   * (tests move it); the re-checks meanwhile come a fraction of it apart, in real time.
   */
  static final Duration SETTLE = Duration.ofSeconds(1);

  final WireMockExtension slack;
  /** Syncro on WireMock; null when the bot talks to the sandbox instead. */
  final @Nullable WireMockExtension syncro;
  /** WireMock servers this harness made and runs (as a JUnit extension), not the test's own. */
  private final List<WireMockExtension> ownServers;
  private final boolean useSandbox;
  /** The drafting model the bot uses; null means the production one built from the (empty) OLLAMA_URLS. */
  private final com.syncrobot.draft.@Nullable OllamaClient ollama;
  /** The Syncro client's request budget; null means the process's shared one. */
  private final @Nullable RequestBudget budget;
  /** Who is connected before each test begins. */
  private final List<Consumer<WriteFlowHarness>> connections;

  // What one test's bot is made of; set anew for every test.
  /** The Syncro sandbox this harness started and stops; null when Syncro is on WireMock. */
  private @Nullable SyncroSandbox sandbox;
  private @Nullable Path tempDir;
  String syncroApi;
  Path dbFile;
  SecretKey key;
  MutableClock clock;
  Database db;
  ConnectedUserStore users;
  BotServer server;
  PlanStore plans;
  private boolean running;

  /**
   * A harness whose Slack (and, with {@link Builder#syncroOnWireMock()}, Syncro) runs on WireMock servers of
   * its own: {@link Builder#build()} it into a static {@code @RegisterExtension} field, and it starts a
   * fresh bot (store, clock, key) before every test and stops it after.
   */
  static Builder builder() {
    return new Builder(WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build(), true);
  }

  /** A harness on the test's own {@code slack}; say where Syncro is, then {@link Builder#start(Path)} it. */
  static Builder builder(WireMockExtension slack) {
    return new Builder(slack, false);
  }

  /** How the bot under test is wired; every flow test starts its bot through this. */
  static final class Builder {
    private final WireMockExtension slack;
    private final List<WireMockExtension> ownServers = new ArrayList<>();
    private @Nullable WireMockExtension syncro;
    private boolean sandbox;
    private com.syncrobot.draft.@Nullable OllamaClient ollama;
    private @Nullable RequestBudget budget;
    private final List<Consumer<WriteFlowHarness>> connections = new ArrayList<>();

    private Builder(WireMockExtension slack, boolean own) {
      this.slack = slack;
      if (own) {
        ownServers.add(slack);
      }
    }

    /** Syncro answers from {@code syncro}'s stubs. */
    Builder syncro(WireMockExtension syncro) {
      this.syncro = syncro;
      return this;
    }

    /** Syncro answers from the stubs of a WireMock server of the harness's own ({@link #syncro}). */
    Builder syncroOnWireMock() {
      syncro(WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build());
      ownServers.add(syncro);
      return this;
    }

    /** Syncro is a fresh {@link SyncroSandbox} on loopback (real time), started and stopped with the bot. */
    Builder sandbox() {
      this.sandbox = true;
      return this;
    }

    /** The bot drafts with {@code ollama} instead of the production model built from the (empty) OLLAMA_URLS. */
    Builder ollama(com.syncrobot.draft.OllamaClient ollama) {
      this.ollama = ollama;
      return this;
    }

    /** The Syncro client takes its permits from {@code budget} instead of the process's own. */
    Builder budget(RequestBudget budget) {
      this.budget = budget;
      return this;
    }

    /** Connects {@code user} as Syncro user 1735 (WireMock's Syncro) whenever the bot starts afresh. */
    Builder connect(String user, String name) {
      connections.add(h -> h.connect(user, name));
      return this;
    }

    /** Connects {@code user} as the sandbox's technician {@code tech} whenever the bot starts afresh. */
    Builder connectToSandbox(String user, long tech, String name) {
      connections.add(h -> h.connectToSandbox(user, tech, name));
      return this;
    }

    /** Starts the bot now with its store in {@code dir}; the test closes it. */
    WriteFlowHarness start(Path dir) throws IOException {
      WriteFlowHarness h = build();
      h.begin(dir);
      return h;
    }

    /** The harness as a JUnit extension that starts a fresh bot for each test (see {@link #builder()}). */
    WriteFlowHarness build() {
      if ((syncro == null) == !sandbox) {
        throw new IllegalStateException("say where Syncro is: syncro(wiremock), syncroOnWireMock() or sandbox()");
      }
      return new WriteFlowHarness(this);
    }
  }

  private WriteFlowHarness(Builder b) {
    this.slack = b.slack;
    this.syncro = b.syncro;
    this.ownServers = List.copyOf(b.ownServers);
    this.useSandbox = b.sandbox;
    this.ollama = b.ollama;
    this.budget = b.budget;
    this.connections = List.copyOf(b.connections);
  }

  /** Makes a new bot (sandbox, key, clock, store in {@code dir}), starts it and connects the builder's users. */
  private void begin(Path dir) throws IOException {
    this.sandbox = useSandbox ? SyncroSandbox.start("127.0.0.1", 0, Clock.systemUTC()) : null;
    this.syncroApi = syncro != null ? syncro.baseUrl() + API : sandbox.baseUrl();
    this.dbFile = dir.resolve("bot.db");
    this.key = Fixtures.newKey();
    this.clock = Clocks.now();
    stubSlack();
    start();
    connections.forEach(c -> c.accept(this));
  }

  /** One JUnit callback of a WireMock server; the harness passes each on to the servers it owns. */
  private interface ServerCallback {
    void call(WireMockExtension server) throws Exception;
  }

  private void eachServer(ServerCallback callback) throws Exception {
    for (WireMockExtension w : ownServers) {
      callback.call(w);
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    eachServer(w -> w.beforeAll(context));
  }

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    eachServer(w -> w.beforeEach(context));
    tempDir = TempFolders.create("flow-test");
    begin(tempDir);
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    close();
    if (tempDir != null) {
      TempFolders.delete(tempDir);
      tempDir = null;
    }
    eachServer(w -> w.afterEach(context));
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    eachServer(w -> w.afterAll(context));
  }

  /** The sandbox behind the bot; only for a harness built with {@link Builder#sandbox()}. */
  SyncroSandbox sandbox() {
    if (sandbox == null) {
      throw new IllegalStateException("this harness's Syncro is WireMock");
    }
    return sandbox;
  }

  void start() {
    running = true;
    db = Database.open("jdbc:sqlite:" + dbFile);
    users = new ConnectedUserStore(db, new TokenCipher(key), clock);
    plans = new PlanStore(db.jdbi());
    SyncroClient.Builder b = SyncroClient.builder()
        .baseUrl(syncroApi)
        .readTimeout(Duration.ofSeconds(2))
        .sleeper(d -> {});
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
    running = false;
    server.stop();
    db.close();
  }

  /** Stops the bot, if it runs, and the sandbox, if any; a second close does nothing. */
  @Override
  public void close() {
    if (running) {
      stop();
    }
    if (sandbox != null) {
      sandbox.stop();
      sandbox = null;
    }
  }

  void stubSlack() {
    slack.stubFor(post(urlPathEqualTo("/api/auth.test")).willReturn(okJson(JsonFixtures.load("slack/auth.test.json"))));
    slack.stubFor(post(urlPathMatching("/response/.*")).willReturn(aResponse().withStatus(200).withBody("ok")));
    slack.stubFor(post(urlPathEqualTo("/api/views.open")).willReturn(okJson("{\"ok\":true,\"view\":{\"id\":\"V1\"}}")));
    slack.stubFor(post(urlPathEqualTo("/api/views.update"))
        .willReturn(okJson("{\"ok\":true,\"view\":{\"id\":\"V1\"}}")));
    slack.stubFor(post(urlPathEqualTo("/api/chat.postMessage"))
        .willReturn(okJson("{\"ok\":true,\"channel\":\"D1\",\"ts\":\"1.2\"}")));
  }

  void connect(String user, String name) {
    users.connect(user, 1735, name, new SyncroToken(SYNCRO_TOKEN));
  }

  /** Connects {@code user} as the sandbox's technician {@code tech}, with that technician's seeded token. */
  void connectToSandbox(String user, long tech, String name) {
    users.connect(user, tech, name, new SyncroToken(sandbox().seedTokens().get(tech)));
  }

  // ---- Syncro ---------------------------------------------------------------------------------

  void ticketExists(String status) {
    syncro.stubFor(get(urlPathEqualTo(API + "/tickets")).withQueryParam("number", equalTo(Long.toString(NUMBER)))
        .willReturn(okJson("{\"tickets\":[" + ticketJson(status) + "],\"meta\":{\"total_pages\":1,\"page\":1}}")));
    syncro.stubFor(get(urlPathEqualTo(TICKET)).willReturn(okJson("{\"ticket\":" + ticketJson(status) + "}")));
    comments();
  }

  /** Ticket {@link #TICKET_ID} (number {@link #NUMBER}) of Acme Dental, in {@code status}. */
  static String ticketJson(String status) {
    return JsonFixtures.load("flows/ticket.json", Map.of("status", status));
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
    opensBeforeCommand = slack.findAll(postRequestedFor(urlPathEqualTo("/api/views.open"))).size();
    String path = "/response/" + seq.incrementAndGet();
    String url = slack.baseUrl() + path;
    return new Sent(signed(SignedRequests.command(user, text, url), SignedRequests.FORM), path, url);
  }

  /**
   * The view the bot opened most recently with views.open, once one was opened after the last {@link #command}
   * (a command opens its modal after its ack).
   */
  JsonNode lastOpenedView() throws Exception {
    int before = opensBeforeCommand;
    List<LoggedRequest> opened = await(() -> slack.findAll(postRequestedFor(urlPathEqualTo("/api/views.open"))),
        l -> l.size() > before, "views.open");
    return JSON.readTree(Forms.field(opened.get(opened.size() - 1).getBodyAsString(), "view"));
  }

  /** Submits the write modal {@code view} with these fields; returns the ack. */
  HttpResponse<String> submit(String user, JsonNode view, String subject, String body, String audience,
      boolean draft, String viewId) {
    String values = "{\"subject\":{\"value\":{\"type\":\"plain_text_input\",\"value\":" + SignedRequests.jsonString(
        subject) + "}},\"body\":{\"value\":{\"type\":\"plain_text_input\",\"value\":" + SignedRequests.jsonString(body)
        + "}},\"audience\":{\"value\":{\"type\":\"radio_buttons\",\"selected_option\":{\"value\":\"" + audience
        + "\",\"text\":{\"type\":\"plain_text\",\"text\":\"x\"}}}},\"draft\":{\"value\":{\"type\":\"checkboxes\","
        + "\"selected_options\":[" + (draft ? "{\"value\":\"draft\",\"text\":{\"type\":\"plain_text\",\"text\":\"d\"}}"
            : "")
        + "]}}}";
    return submitView(user, view, viewId, "1.abc", values);
  }

  /**
   * Submits the modal {@code view} (as the bot opened it) as {@code viewId} with {@code hash} and these state
   * values (JSON); the same view id and hash again is a redelivery.
   */
  HttpResponse<String> submitView(String user, JsonNode view, String viewId, String hash, String values) {
    return interaction(JsonFixtures.load("slack/view_submission.json",
        Map.of("user", user, "view", modalView(view, viewId, hash, values))));
  }

  /** The modal {@code view} as Slack sends it back with an interaction: as {@code viewId}, with these values. */
  static String modalView(JsonNode view, String viewId, String hash, String values) {
    return JsonFixtures.load("slack/modal_view.json", Map.of("id", viewId,
        "callback_id", SignedRequests.jsonString(view.path("callback_id").asText()),
        "private_metadata", SignedRequests.jsonString(view.path("private_metadata").asText()),
        "hash", hash, "values", values));
  }

  /** Posts an interaction {@code payload} (JSON) as Slack does: form-encoded and signed. */
  HttpResponse<String> interaction(String payload) {
    return signed(SignedRequests.form(Map.of("payload", payload)), SignedRequests.FORM);
  }

  /** Clicks a button of the plan message; the click carries its own response_url. */
  HttpResponse<String> click(String user, String actionId, String value, String responsePath, String actionTs) {
    return interaction(JsonFixtures.load("slack/block_actions_message.json", Map.of("user", user,
        "response_url", SignedRequests.jsonString(slack.baseUrl() + responsePath), "action_id", actionId,
        "value", SignedRequests.jsonString(value), "action_ts", actionTs)));
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
    node.properties().forEach(e -> {
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
