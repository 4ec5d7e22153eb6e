package com.syncrobot.draft;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.syncrobot.billing.BillingCalculator;
import com.syncrobot.billing.BillingPlan;
import com.syncrobot.billing.DraftedTexts;
import com.syncrobot.billing.LabourType;
import com.syncrobot.billing.Minutes;
import com.syncrobot.billing.Money;
import com.syncrobot.billing.Rate;
import com.syncrobot.billing.RateTable;
import com.syncrobot.billing.ReviewChecklist;
import com.syncrobot.billing.ReviewResult;
import com.syncrobot.billing.Unit;
import com.syncrobot.billing.Visibility;
import com.syncrobot.syncro.TicketNumber;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Drafting with Ollama played by WireMock, and every way it falls back to the notes (R13). */
@WireMockTest
final class DraftingTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TAGS = "{\"models\":[{\"name\":\"llama3:8b\",\"model\":\"llama3:8b\"},"
      + "{\"name\":\"qwen3:14b\",\"model\":\"qwen3:14b\"}]}";
  private static final String NOTES = "Replaced the print driver on FRONT-PC\nTest page printed fine";
  private static final BillingContext CONTEXT = new BillingContext(new TicketNumber(32203), "Printer offline",
      "Acme Dental", "Jane Tech", NOTES, LabourType.REMOTE,
      "0.75 × Labor - Remote Business (1190473) @ 150.00 = 112.50");

  private final AtomicLong nanos = new AtomicLong();
  private WireMock wm;
  private String base;

  @BeforeEach
  void setUp(WireMockRuntimeInfo info) {
    wm = info.getWireMock();
    base = info.getHttpBaseUrl();
  }

  private OllamaClient.Builder client(String... urls) {
    return OllamaClient.builder()
        .urls(java.util.Arrays.stream(urls).map(URI::create).toList())
        .ticker(nanos::get)
        // R13's own 2–3 s: a cold WireMock can take longer than a shorter probe allows.
        .probeTimeout(Duration.ofMillis(2_500))
        .chatTimeout(Duration.ofSeconds(5));
  }

  private static String chatReply(String contentJson) {
    return JSON.createObjectNode().set("message",
        JSON.createObjectNode().put("role", "assistant").put("content", contentJson)).toString();
  }

  private void modelAnswers(String contentJson) {
    wm.register(get(urlEqualTo("/api/tags")).willReturn(okJson(TAGS)));
    wm.register(post(urlEqualTo("/api/chat")).willReturn(okJson(chatReply(contentJson))));
  }

  private static final String GOOD = """
      {"comment_subject": "Resolution",
       "comment_body": "We replaced the print driver on FRONT-PC.<br>A test page printed fine.",
       "line_item_description": "Remote support: replaced the print driver on FRONT-PC",
       "preview": "Print driver replaced; printing works."}""";

  @Test
  void goodJson_textsComeFromTheModel_andTheRequestIsTheR13Shape_R13() throws Exception {
    modelAnswers(GOOD);

    DraftedTexts t = new BillingDrafter(client(base).build()).draft(CONTEXT);

    assertThat(t.byModel()).isTrue();
    assertThat(t.commentSubject()).isEqualTo("Resolution");
    assertThat(t.commentBody()).isEqualTo("We replaced the print driver on FRONT-PC.<br>A test page printed fine.");
    assertThat(t.lineItemDescription()).isEqualTo("Remote support: replaced the print driver on FRONT-PC");
    assertThat(t.preview()).isEqualTo("Print driver replaced; printing works.");
    assertThat(t.note()).isEqualTo("drafted by the language model (qwen3:14b); the review checklist ran on it");

    wm.verifyThat(postRequestedFor(urlEqualTo("/api/chat"))
        .withHeader("Content-Type", WireMock.containing("application/json"))
        .withRequestBody(equalToJson("""
            {"model": "qwen3:14b", "stream": false, "think": false, "format": "json",
             "messages": [{"role": "system", "content": "${json-unit.any-string}"},
                          {"role": "user", "content": "${json-unit.any-string}"}]}""")));
    JsonNode sent = JSON.readTree(wm.find(postRequestedFor(urlEqualTo("/api/chat"))).get(0).getBodyAsString());
    assertThat(sent.path("messages").get(0).path("content").asText())
        .contains("you never choose product, quantity or price").contains("never <ul>, <ol> or <li>");
    assertThat(sent.path("messages").get(1).path("content").asText())
        .contains("Ticket #32203: Printer offline").contains("Customer: Acme Dental").contains("Technician: Jane Tech")
        .contains("context only): 0.75 × Labor - Remote Business (1190473) @ 150.00 = 112.50")
        .contains("Replaced the print driver on FRONT-PC\nTest page printed fine");
  }

  @Test
  void modelSuggestsPriceAndWritesAList_planIsUntouchedAndListCorrected_R13() {
    // The model oversteps: a list in the body and its own idea of quantity and price.
    modelAnswers("""
        {"comment_subject": "Resolution", "comment_body": "Done:<ul><li>Driver replaced</li><li>Test page</li></ul>",
         "line_item_description": "Remote support", "preview": "Done.", "quantity": 2, "price_retail": 99.0,
         "product_id": 26184}""");
    RateTable rates = RateTable.of(List.of(
        new Rate(LabourType.REMOTE, 1190473, "Labor - Remote Business", Money.parse("150.00"), Unit.HOUR),
        new Rate(LabourType.ONSITE, 26118, "Labor - Onsite Business", Money.parse("175.00"), Unit.HOUR),
        new Rate(LabourType.EMERGENCY, 26184, "Labor - Emergency or After Hours Business", Money.parse("262.50"),
            Unit.HOUR),
        new Rate(LabourType.PROJECT, 9269129, "Labor - Prepaid Project Labor", Money.ZERO, Unit.HOUR),
        new Rate(LabourType.INTERNAL, 9269124, "Labor - Internal Labor", Money.ZERO, Unit.HOUR),
        new Rate(LabourType.TRAVEL, 26117, "Fee - Travel Time", Money.parse("40.00"), Unit.TRIP),
        new Rate(LabourType.WEBSITE, 68055, "Labor - Website Labor", Money.parse("150.00"), Unit.HOUR)));
    BillingPlan plan = BillingCalculator.plan(LabourType.REMOTE, new Minutes(45), null, rates, "Remote labour");

    DraftedTexts t = new BillingDrafter(client(base).build()).draft(CONTEXT);
    ReviewResult r = ReviewChecklist.review(t, plan, rates, Visibility.PUBLIC_EMAIL);

    assertThat(r.texts().commentBody()).isEqualTo("Done:<br>• Driver replaced<br>• Test page");
    assertThat(r.corrections()).contains("turned the bullet list in the body into • lines, which Syncro shows");
    assertThat(r.plan().line().toRequestBody().toString()).isEqualTo("{\"product_id\":1190473,"
        + "\"name\":\"Labor - Remote Business\",\"description\":\"Remote support\",\"quantity\":0.75,"
        + "\"price_retail\":150.00,\"taxable\":false}");
  }

  @Test
  void contentIsNotJson_fallsBackToTheNotes_andSaysSo_R13() {
    modelAnswers("Sure! Here is your comment: we fixed the printer.");

    DraftedTexts t = new BillingDrafter(client(base).build()).draft(CONTEXT);

    assertThat(t.byModel()).isFalse();
    assertThat(t.commentSubject()).isEqualTo("Resolution");
    assertThat(t.commentBody()).isEqualTo("Replaced the print driver on FRONT-PC<br>Test page printed fine");
    assertThat(t.lineItemDescription()).isEqualTo("Remote labour: Replaced the print driver on FRONT-PC");
    assertThat(t.note()).isEqualTo("drafted without the language model (the model's answer was not a JSON object):"
        + " the text is the technician's notes");
  }

  @Test
  void brokenJsonAndNonJsonReply_fallBack_R13() {
    modelAnswers("{\"comment_subject\": \"Resolution\", \"comment_body\": ");
    assertThat(new BillingDrafter(client(base).build()).draft(CONTEXT).note())
        .contains("drafted without the language model (the model's answer was not");

    wm.register(post(urlEqualTo("/api/chat")).willReturn(aResponse().withStatus(200).withBody("<html>proxy</html>")));
    assertThat(new BillingDrafter(client(base).build()).draft(CONTEXT).note())
        .contains("sent a reply that is not JSON");
  }

  @Test
  void missingFields_fallBackNamingThem_R13() {
    modelAnswers("{\"comment_subject\": \"Resolution\", \"comment_body\": \"Done\", \"preview\": \"  \"}");

    DraftedTexts t = new BillingDrafter(client(base).build()).draft(CONTEXT);

    assertThat(t.byModel()).isFalse();
    assertThat(t.note()).startsWith("drafted without the language model (the model's answer lacked"
        + " line_item_description, preview)");
  }

  @Test
  void chatSlowerThanItsTimeout_fallsBackWithANote_R13() {
    wm.register(get(urlEqualTo("/api/tags")).willReturn(okJson(TAGS)));
    wm.register(post(urlEqualTo("/api/chat")).willReturn(okJson(chatReply(GOOD)).withFixedDelay(3_000)));

    DraftedTexts t = new BillingDrafter(client(base).chatTimeout(Duration.ofMillis(300)).build()).draft(CONTEXT);

    assertThat(t.byModel()).isFalse();
    assertThat(t.note()).contains("did not answer within 0.3 s").contains("drafted without the language model");
    assertThat(t.commentBody()).isEqualTo("Replaced the print driver on FRONT-PC<br>Test page printed fine");
  }

  @Test
  void chatAnswersHttpError_fallsBack() {
    wm.register(get(urlEqualTo("/api/tags")).willReturn(okJson(TAGS)));
    wm.register(post(urlEqualTo("/api/chat")).willReturn(aResponse().withStatus(500)));

    assertThat(new BillingDrafter(client(base).build()).draft(CONTEXT).note()).contains("answered HTTP 500");
  }

  @Test
  void probeSlowerThanItsTimeout_noChatIsSent_R13() {
    wm.register(get(urlEqualTo("/api/tags")).willReturn(okJson(TAGS).withFixedDelay(3_000)));

    DraftedTexts t = new BillingDrafter(client(base).probeTimeout(Duration.ofMillis(200)).build()).draft(CONTEXT);

    assertThat(t.note()).contains("no Ollama endpoint answered GET /api/tags with qwen3:14b within 0.2 s");
    wm.verifyThat(exactly(0), postRequestedFor(urlEqualTo("/api/chat")));
  }

  @Test
  void probe_isCachedUntilTheTickerPassesTheTtl_R13() {
    modelAnswers(GOOD);
    BillingDrafter drafter = new BillingDrafter(client(base).probeCacheTtl(Duration.ofMinutes(5)).build());

    drafter.draft(CONTEXT);
    nanos.addAndGet(Duration.ofMinutes(4).toNanos());
    drafter.draft(CONTEXT);
    wm.verifyThat(exactly(1), getRequestedFor(urlEqualTo("/api/tags")));

    nanos.addAndGet(Duration.ofMinutes(2).toNanos());
    drafter.draft(CONTEXT);
    wm.verifyThat(exactly(2), getRequestedFor(urlEqualTo("/api/tags")));
    wm.verifyThat(exactly(3), postRequestedFor(urlEqualTo("/api/chat")));
  }

  @Test
  void noEndpointAnswer_isCachedToo_soADeadModelCostsOneProbe_R13() {
    wm.register(get(urlEqualTo("/api/tags")).willReturn(aResponse().withStatus(502)));
    BillingDrafter drafter = new BillingDrafter(client(base).build());

    assertThat(drafter.draft(CONTEXT).byModel()).isFalse();
    assertThat(drafter.draft(CONTEXT).byModel()).isFalse();

    wm.verifyThat(exactly(1), getRequestedFor(urlEqualTo("/api/tags")));
  }

  @Test
  void endpointWithoutTheModel_isNotUsed_R13() {
    wm.register(get(urlEqualTo("/api/tags")).willReturn(okJson("{\"models\":[{\"name\":\"llama3:8b\"}]}")));

    DraftedTexts t = new BillingDrafter(client(base).build()).draft(CONTEXT);

    assertThat(t.byModel()).isFalse();
    wm.verifyThat(exactly(0), postRequestedFor(urlEqualTo("/api/chat")));
  }

  @Test
  void firstAnsweringEndpointWins_aDeadOneIsSkipped_R13() throws IOException {
    modelAnswers(GOOD);
    String dead = "http://127.0.0.1:" + freePort();

    OllamaClient client = client(dead, base + "/").build();

    assertThat(client.endpoint()).map(OllamaClient::shown).contains(base);
    assertThat(new BillingDrafter(client).draft(CONTEXT).byModel()).isTrue();
  }

  @Test
  void noEndpointConfigured_fallsBackWithoutAnyCall_R13() {
    DraftedTexts t = new BillingDrafter(OllamaClient.builder().build()).draft(CONTEXT);

    assertThat(t.byModel()).isFalse();
    assertThat(t.note()).isEqualTo(
        "drafted without the language model (no Ollama endpoint is configured): the text is the technician's notes");
    assertThat(t.preview()).isEqualTo("Resolution for #32203: Replaced the print driver on FRONT-PC");
    assertThat(wm.getServeEvents()).isEmpty();
  }

  @Test
  void fallbackBody_escapesHtmlInTheNotes() {
    BillingContext c = new BillingContext(new TicketNumber(1), "s", "c", "t", "Moved C:\\<user> & co\nok",
        LabourType.ONSITE, "line");

    DraftedTexts t = new BillingDrafter(OllamaClient.builder().build()).draft(c);

    assertThat(t.commentBody()).isEqualTo("Moved C:\\&lt;user&gt; &amp; co<br>ok");
    assertThat(t.lineItemDescription()).isEqualTo("Onsite labour: Moved C:\\<user> & co");
  }

  @Test
  void commentDrafter_usesTheModelOrFallsBack_R13() {
    CommentContext c = new CommentContext(new TicketNumber(32203), "Printer offline", "Acme Dental", "Jane Tech",
        "waiting on toner\ncustomer orders it", Visibility.PUBLIC);
    wm.register(get(urlEqualTo("/api/tags")).willReturn(okJson(TAGS)));
    wm.register(post(urlEqualTo("/api/chat"))
        .withRequestBody(
            WireMock.matchingJsonPath("$.messages[1].content", WireMock.containing("the customer reads it")))
        .willReturn(okJson(chatReply(
            "{\"comment_subject\": \"Waiting on toner\", \"comment_body\": \"We are waiting for toner.\"}"))));

    DraftedComment byModel = new CommentDrafter(client(base).build()).draft(c);
    DraftedComment fallback = new CommentDrafter(OllamaClient.builder().build()).draft(c);

    assertThat(byModel.subject()).isEqualTo("Waiting on toner");
    assertThat(byModel.body()).isEqualTo("We are waiting for toner.");
    assertThat(byModel.byModel()).isTrue();
    assertThat(fallback.subject()).isEqualTo("Update");
    assertThat(fallback.body()).isEqualTo("waiting on toner<br>customer orders it");
    assertThat(fallback.note()).startsWith("drafted without the language model (no Ollama endpoint is configured)");
    wm.verifyThat(postRequestedFor(urlEqualTo("/api/chat")).withRequestBody(
        WireMock.matchingJsonPath("$.model", equalTo("qwen3:14b"))));
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
