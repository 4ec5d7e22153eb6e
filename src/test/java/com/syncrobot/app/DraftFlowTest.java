package com.syncrobot.app;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.syncrobot.app.BillStubs.ADD_LINE;
import static com.syncrobot.app.WriteFlowHarness.COMMENT;
import static com.syncrobot.app.WriteFlowHarness.JANE;
import static com.syncrobot.app.WriteFlowHarness.JSON;
import static com.syncrobot.app.WriteFlowHarness.actionTs;
import static com.syncrobot.app.WriteFlowHarness.newPath;
import static com.syncrobot.app.WriteFlowHarness.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.syncrobot.draft.OllamaClient;
import com.syncrobot.write.PlanState;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * R13 end to end: the bill modal and {@code /syncro comment}'s "Draft it for me" with Ollama on
 * WireMock. The model writes only the texts; product, quantity and price stay the rate table's; the
 * review checklist corrects what the model got wrong; any failure falls back to the technician's words
 * and says so.
 */
final class DraftFlowTest {
  @RegisterExtension
  static WireMockExtension slack = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @RegisterExtension
  static WireMockExtension syncro = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @RegisterExtension
  static WireMockExtension ollama = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String TAGS = "{\"models\":[{\"name\":\"qwen3:14b\",\"model\":\"qwen3:14b\"}]}";
  private static final String NOTES = "Swapped the toner\nTested printing";

  @TempDir
  Path dir;

  WriteFlowHarness bot;
  BillStubs billing;
  final AtomicLong nanos = new AtomicLong();

  @BeforeEach
  void start() throws Exception {
    OllamaClient model = OllamaClient.builder()
        .urls(List.of(URI.create(ollama.baseUrl())))
        .ticker(nanos::get)
        .probeTimeout(Duration.ofMillis(2_500))
        .chatTimeout(Duration.ofSeconds(1))
        .build();
    bot = WriteFlowHarness.builder(slack).syncro(syncro).ollama(model).start(dir);
    bot.connect(JANE, "Jane Tech");
    billing = new BillStubs(bot);
    billing.happyPath("null", "112.50");
    bot.comments(); // a comment plan reads the ticket's comments, so that none of them passes for the new one
    ollama.stubFor(get(urlEqualTo("/api/tags")).willReturn(okJson(TAGS)));
  }

  @AfterEach
  void stop() {
    bot.close();
  }

  private static String chat(String content) {
    return JSON.createObjectNode().set("message", JSON.createObjectNode().put("role", "assistant")
        .put("content", content)).toString();
  }

  private void modelSays(String content) {
    ollama.stubFor(post(urlEqualTo("/api/chat")).willReturn(okJson(chat(content))));
  }

  private WriteFlowHarness.Preview draftedBill() throws Exception {
    return billing.preview(BillStubs.Form.of("45", "remote", NOTES).with("invoice", "draft"));
  }

  private JsonNode confirmAndAwait(WriteFlowHarness.Preview p) throws Exception {
    bot.click(JANE, "plan_confirm", p.planId(), newPath(), actionTs());
    bot.awaitState(p.planId(), PlanState.DONE);
    return JSON.readTree(billing.onlyBody(ADD_LINE));
  }

  @Test
  void goodJson_modelWritesTheTexts_priceQuantityProductStayTheTables_R13() throws Exception {
    modelSays("{\"comment_subject\":\"Printer fixed\",\"comment_body\":\"We replaced the toner cartridge.<br>A test"
        + " page printed fine.\",\"line_item_description\":\"Remote support: replaced the toner cartridge\","
        + "\"preview\":\"Toner replaced; 2 hours at $999 would be wrong\"}");
    JsonNode form = billing.open("32203").form();
    assertThat(form.toString()).contains("Draft the texts with the language model");

    WriteFlowHarness.Preview p = draftedBill();
    assertThat(text(p.message())).contains("drafted by the language model (qwen3:14b)",
        "Remote support: replaced the toner cartridge", "We replaced the toner cartridge.",
        "0.75 × Labor - Remote Business at $150.00 = $112.50");
    JsonNode chat = JSON.readTree(ollama.findAll(postRequestedFor(urlEqualTo("/api/chat"))).get(0).getBodyAsString());
    assertThat(chat.path("model").asText()).isEqualTo("qwen3:14b");
    assertThat(chat.path("stream").asBoolean(true)).isFalse();
    assertThat(chat.path("think").asBoolean(true)).isFalse();
    assertThat(chat.path("messages").get(1).path("content").asText()).contains("Swapped the toner",
        "0.75 × Labor - Remote Business (1190473) @ 150.00 = 112.50");

    JsonNode line = confirmAndAwait(p);
    assertThat(line.path("description").asText()).isEqualTo("Remote support: replaced the toner cartridge");
    assertThat(line.path("product_id").asLong()).isEqualTo(1190473);
    assertThat(line.path("quantity").decimalValue()).isEqualByComparingTo("0.75");
    assertThat(line.path("price_retail").decimalValue()).isEqualByComparingTo("150.00");
    JsonNode comment = JSON.readTree(billing.onlyBody(COMMENT));
    assertThat(comment.path("subject").asText()).isEqualTo("Printer fixed");
    assertThat(comment.path("body").asText())
        .isEqualTo("We replaced the toner cartridge.<br>A test page printed fine.");
  }

  @Test
  void badJson_fallsBackToTheTechniciansWords_andSaysSo_R13() throws Exception {
    modelSays("Sure! Here is the comment: {comment_subject: Resolution");
    WriteFlowHarness.Preview p = draftedBill();
    assertThat(text(p.message())).contains("drafted without the language model (the model's answer was not");
    JsonNode line = confirmAndAwait(p);
    assertThat(line.path("description").asText()).isEqualTo("Remote labour: Swapped the toner");
    assertThat(JSON.readTree(billing.onlyBody(COMMENT)).path("body").asText())
        .isEqualTo("Swapped the toner<br>Tested printing");
  }

  @Test
  void chatTimesOut_fallsBackWithANote_R13() throws Exception {
    ollama.stubFor(post(urlEqualTo("/api/chat")).willReturn(okJson(chat("{}")).withFixedDelay(3_000)));
    WriteFlowHarness.Preview p = draftedBill();
    assertThat(text(p.message())).contains("drafted without the language model", "did not answer within 1 s");
    assertThat(confirmAndAwait(p).path("description").asText()).isEqualTo("Remote labour: Swapped the toner");
  }

  @Test
  void listInTheDraft_correctedToBrLines_andTheCorrectionShown_R8_R13() throws Exception {
    modelSays("{\"comment_subject\":\"Resolution\",\"comment_body\":\"We fixed it:<ul><li>new toner</li>"
        + "<li>test page</li></ul>\",\"line_item_description\":\"Remote support: toner\",\"preview\":\"Toner.\"}");
    WriteFlowHarness.Preview p = draftedBill();
    assertThat(text(p.message()))
        .contains("Corrected before this preview:* turned the bullet list in the body into • lines");
    confirmAndAwait(p);
    assertThat(JSON.readTree(billing.onlyBody(COMMENT)).path("body").asText())
        .isEqualTo("We fixed it:<br>• new toner<br>• test page");
  }

  /** A model answer with a link, a script and a bare ampersand in the comment body. */
  private static final String HTML_BODY = "<p>We fixed it &amp; tested.</p>Pay at <a href=\\\"http://evil.example\\\">"
      + "your bank</a>.<script>alert(1)</script> R&D<br>Bye";

  @Test
  void htmlInTheDraftedBill_reducedToTextAndBr_linkTargetShown_R8_R13() throws Exception {
    modelSays("{\"comment_subject\":\"Resolution\",\"comment_body\":\"" + HTML_BODY + "\",\"line_item_description\":"
        + "\"Remote support: toner\",\"preview\":\"Toner.\"}");
    WriteFlowHarness.Preview p = draftedBill();
    assertThat(text(p.message())).contains("removed the HTML tags from the body",
        "We fixed it &amp; tested.\n> Pay at your bank (http://evil.example). R&amp;D\n> Bye")
        .doesNotContain("alert(1)");
    confirmAndAwait(p);
    assertThat(JSON.readTree(billing.onlyBody(COMMENT)).path("body").asText())
        .isEqualTo("We fixed it &amp; tested.<br>Pay at your bank (http://evil.example). R&amp;D<br>Bye");
  }

  @Test
  void htmlInTheDraftedComment_reducedToTextAndBr_R8_R13() throws Exception {
    modelSays("{\"comment_subject\":\"Update\",\"comment_body\":\"" + HTML_BODY + "\"}");
    bot.commentPostCreates(601);
    slack.resetRequests();
    WriteFlowHarness.Sent c = bot.command(JANE, "comment 32203");
    JsonNode view = bot.lastOpenedView();
    bot.submit(JANE, view, "Update", "fixed, tested", "public", true, "V-draft-html");
    JsonNode preview = bot.awaitPost(c.responsePath(), "Details");
    assertThat(text(preview)).contains("Pay at your bank (http://evil.example). R&amp;D").doesNotContain("alert(1)");
    String planId = WriteFlowHarness.planId(preview);
    bot.click(JANE, "plan_confirm", planId, newPath(), actionTs());
    bot.awaitState(planId, PlanState.DONE);
    assertThat(JSON.readTree(billing.onlyBody(COMMENT)).path("body").asText())
        .isEqualTo("We fixed it &amp; tested.<br>Pay at your bank (http://evil.example). R&amp;D<br>Bye");
  }

  @Test
  void commentDraftItForMe_usesTheModelsBody_reviewed_R13() throws Exception {
    modelSays("{\"comment_subject\":\"Update\",\"comment_body\":\"We are waiting for the new drum.<br>Next visit"
        + " Monday.\"}");
    bot.commentPostCreates(600);
    slack.resetRequests();
    WriteFlowHarness.Sent c = bot.command(JANE, "comment 32203");
    JsonNode view = bot.lastOpenedView();
    bot.submit(JANE, view, "Update", "waiting drum, back monday", "internal", true, "V-draft");
    JsonNode preview = bot.awaitPost(c.responsePath(), "Details");
    assertThat(text(preview)).contains("Drafted by the language model (qwen3:14b)", "We are waiting for the new drum.");
    String planId = WriteFlowHarness.planId(preview);
    bot.click(JANE, "plan_confirm", planId, newPath(), actionTs());
    bot.awaitState(planId, PlanState.DONE);
    assertThat(JSON.readTree(billing.onlyBody(COMMENT)).path("body").asText())
        .isEqualTo("We are waiting for the new drum.<br>Next visit Monday.");
    assertThat(syncro.findAll(postRequestedFor(urlPathEqualTo(ADD_LINE)))).isEmpty();
  }
}
