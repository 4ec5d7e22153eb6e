package com.syncrobot.app;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.syncrobot.app.BillStubs.ADD_LINE;
import static com.syncrobot.app.BillStubs.INVOICES;
import static com.syncrobot.app.WriteFlowHarness.COMMENT;
import static com.syncrobot.app.WriteFlowHarness.JANE;
import static com.syncrobot.app.WriteFlowHarness.JSON;
import static com.syncrobot.app.WriteFlowHarness.TICKET;
import static com.syncrobot.app.WriteFlowHarness.actionTs;
import static com.syncrobot.app.WriteFlowHarness.newPath;
import static com.syncrobot.app.WriteFlowHarness.text;
import static com.syncrobot.testkit.Fixtures.SYNCRO_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.syncrobot.testkit.Forms;
import com.syncrobot.write.Assertion;
import com.syncrobot.write.Plan;
import com.syncrobot.write.PlanState;
import com.syncrobot.write.Step;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 4 end to end: {@code /syncro bill} through real signed requests to a running {@link BotServer},
 * a real SQLite file, and Slack and Syncro on WireMock. Every money figure in the preview is the one
 * Syncro receives and the one the invoice is checked against (R5–R10); no double click, lost answer or
 * restart makes a second comment, line or invoice (R2).
 */
final class BillFlowTest {
  @RegisterExtension
  static final WriteFlowHarness bot = WriteFlowHarness.builder().syncroOnWireMock().connect(JANE, "Jane Tech").build();
  final BillStubs billing = new BillStubs(bot);

  @AfterEach
  void stopAndCheckSecrets_R11() {
    bot.close();
    for (ServeEvent e : bot.slack.getAllServeEvents()) {
      assertThat(e.getRequest().getBodyAsString()).doesNotContain(SYNCRO_TOKEN).doesNotContain("api_key");
    }
  }

  private void confirm(String planId, String path) {
    HttpResponse<String> ack = bot.click(JANE, "plan_confirm", planId, path, actionTs());
    assertThat(ack.statusCode()).isEqualTo(200);
  }

  private int count(String method, String path) {
    return switch (method) {
      case "POST" -> bot.syncro.findAll(postRequestedFor(urlPathEqualTo(path))).size();
      case "PUT" -> bot.syncro.findAll(putRequestedFor(urlPathEqualTo(path))).size();
      case "DELETE" -> bot.syncro.findAll(deleteRequestedFor(urlPathEqualTo(path))).size();
      default -> bot.syncro.findAll(getRequestedFor(urlPathEqualTo(path))).size();
    };
  }

  private static Step invoiceCheck(Plan plan) {
    return plan.steps().stream().filter(s -> s.assertion() instanceof Assertion.InvoiceTotal).findFirst()
        .orElseThrow();
  }

  // ---- the brief's examples ---------------------------------------------------------------------

  static Stream<Arguments> briefExamples() {
    return Stream.of(
        // minutes, labour, prepay_hours, exact add_line_item JSON, line summary, total, public summary
        Arguments.of("45", "remote", "null",
            "{\"product_id\":1190473,\"name\":\"Labor - Remote Business\",\"description\":\"Remote labour: Swapped the"
                + " toner\",\"quantity\":0.75,\"price_retail\":150.00,\"taxable\":false}",
            "0.75 × Labor - Remote Business at $150.00 = $112.50", "112.50", "billed 0.75 h remote on #32203"),
        Arguments.of("120", "emergency", "\"0.0\"",
            "{\"product_id\":26184,\"name\":\"Labor - Emergency or After Hours Business\",\"description\":"
                + "\"Emergency labour: Swapped the toner\",\"quantity\":2,\"price_retail\":262.50,\"taxable\":false}",
            "2 × Labor - Emergency or After Hours Business at $262.50 = $525.00", "525.00",
            "billed 2 h emergency on #32203"),
        Arguments.of("120", "emergency", "\"10.0\"",
            "{\"product_id\":26118,\"name\":\"Labor - Onsite Business\",\"description\":\"Emergency labour: Swapped the"
                + " toner\",\"quantity\":3,\"price_retail\":175.00,\"taxable\":false}",
            "3 × Labor - Onsite Business at $175.00 = $525.00", "525.00", "billed 2 h emergency on #32203"),
        Arguments.of("30", "project", "null",
            "{\"product_id\":9269129,\"name\":\"Labor - Prepaid Project Labor\",\"description\":\"Project labour:"
                + " Swapped the toner\",\"quantity\":0.5,\"price_retail\":0.00,\"taxable\":false}",
            "0.5 × Labor - Prepaid Project Labor at $0.00 = $0.00", "0.00", "billed 0.5 h project on #32203"),
        Arguments.of("50", "travel", "null",
            "{\"product_id\":26117,\"name\":\"Fee - Travel Time\",\"description\":\"Travel labour: Swapped the"
                + " toner\",\"quantity\":1,\"price_retail\":40.00,\"taxable\":false}",
            "1 × Fee - Travel Time at $40.00 = $40.00", "40.00", "billed 1 trip travel on #32203"));
  }

  @ParameterizedTest
  @MethodSource("briefExamples")
  void bill_briefExample_exactLineItemJson_previewTotalIsTheInvoiceTotalChecked_R5_R6_R7_R9(String minutes,
      String labour, String prepay, String lineJson, String line, String total, String summary) throws Exception {
    billing.happyPath(prepay, total);
    WriteFlowHarness.Preview p = billing.preview(BillStubs.Form.of(minutes, labour, "Swapped the toner\nTested it"));

    String shown = text(p.message());
    // the five-second read: ticket, customer, what is written, the money in dollars and whose token, in one sentence
    assertThat(shown).contains(
        "On *#32203* Printer offline for *Acme Dental*: bill *" + line + "*, then invoice it for *$"
            + total + "* and set the ticket to Invoiced. Sent as *Jane Tech* with your Syncro token.",
        "Internal note — only technicians see it", "Swapped the toner", "All 10 checks passed");
    // once, not four times; the rule, the checks and the product id are behind Details
    assertThat(shown.split(java.util.regex.Pattern.quote(line), -1)).hasSize(2);
    assertThat(shown).doesNotContain("Review checklist", "✓ price", "language model", "own words", "Rule applied");
    bot.slack.resetRequests();
    bot.click(JANE, "plan_show_request", p.planId(), newPath(), actionTs());
    assertThat(WriteFlowHarness.readable(bot.lastOpenedView())).contains("*Why this product and price:*", "✓ price",
        "✓ total", "*Text on the invoice line*");
    // R1: stored, nothing sent yet
    assertThat(count("POST", COMMENT) + count("POST", ADD_LINE) + count("POST", INVOICES)).isZero();
    // the total the invoice will be checked against is exactly the preview's
    Plan planned = bot.plans.find(p.planId()).orElseThrow();
    Assertion.InvoiceTotal check = (Assertion.InvoiceTotal) invoiceCheck(planned).assertion();
    assertThat(check.expectedTotal().toString()).isEqualTo(total);

    String click = newPath();
    confirm(p.planId(), click);
    Plan done = bot.awaitState(p.planId(), PlanState.DONE);

    assertThat(billing.onlyBody(ADD_LINE)).isEqualTo(lineJson);
    assertThat(JSON.readTree(billing.onlyBody(COMMENT))).isEqualTo(JSON.readTree("{\"subject\":\"Resolution\","
        + "\"body\":\"Swapped the toner<br>Tested it\",\"hidden\":true,\"do_not_email\":true,\"tech\":\"Jane Tech\"}"));
    assertThat(billing.onlyBody(INVOICES))
        .isEqualTo("{\"ticket_id\":9001,\"customer_id\":77,\"category\":\"Standard\"}");
    assertThat(count("GET", INVOICES + "/67447")).isEqualTo(1);
    assertThat(count("PUT", TICKET)).isEqualTo(1);
    bot.syncro.verify(putRequestedFor(urlPathEqualTo(TICKET))
        .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.equalToJson("{\"status\":\"Invoiced\"}")));
    assertThat(invoiceCheck(done).resultId()).isEqualTo(67447L);

    JsonNode result = bot.awaitPost(click, "Done.");
    assertThat(text(result)).contains(
        "*Invoice* <" + bot.syncro.baseUrl() + "/invoices/67447|67447> · *Total* $" + total,
        "*Ticket* <" + bot.syncro.baseUrl() + "/tickets/9001|#32203> is now Invoiced");
    // the invoice number and ticket number, not Syncro's internal ids of the steps
    assertThat(text(result)).doesNotContain("Syncro id", "9001)");
    List<String> posted = WriteFlowHarness.await(billing::channelPosts, l -> !l.isEmpty(), "public summary");
    // who billed, with the ticket and the invoice linked to Syncro
    assertThat(posted).containsExactly("<@" + JANE + "> " + summary.replace("#32203", "<" + bot.syncro.baseUrl()
        + "/tickets/9001|#32203>") + ", invoice <" + bot.syncro.baseUrl() + "/invoices/67447|67447> $" + total);
    assertThat(posted.get(0)).doesNotContain("toner");
  }

  @Test
  void bill_withoutInvoice_commentAndLineOnly_R9() throws Exception {
    billing.happyPath("null", "0");
    WriteFlowHarness.Preview p = billing.preview(BillStubs.Form.of("45", "remote", "Swapped the toner").with());
    assertThat(text(p.message())).contains("no invoice yet (the line stays on the ticket)");
    confirm(p.planId(), newPath());
    Plan done = bot.awaitState(p.planId(), PlanState.DONE);
    assertThat(done.steps()).hasSize(2);
    assertThat(count("POST", ADD_LINE)).isEqualTo(1);
    assertThat(count("POST", INVOICES) + count("PUT", TICKET)).isZero();
    assertThat(WriteFlowHarness.await(billing::channelPosts, l -> !l.isEmpty(), "summary"))
        .containsExactly("<@" + JANE + "> billed 0.75 h remote on <" + bot.syncro.baseUrl() + "/tickets/9001|#32203>"
            + " (not invoiced yet)");
  }

  @Test
  void bill_uninvoicedLinesOnTicket_listedAndAddedToTheInvoiceTotal() throws Exception {
    billing.happyPath("null", "152.50");
    billing.ticket("In Progress", BillStubs.line(200, 26117, "Fee - Travel Time", "1.0", "40.0", "Trip"), "");
    WriteFlowHarness.Preview p = billing.preview(BillStubs.Form.of("45", "remote", "Swapped the toner"));
    assertThat(text(p.message()))
        .contains("$112.50*, then invoice it with the 1 earlier uninvoiced line for *$152.50*");
    // R1: the exact requests are one click away, the read step included, with no token
    bot.slack.resetRequests();
    bot.click(JANE, "plan_show_request", p.planId(), newPath(), actionTs());
    String request = bot.lastOpenedView().toString();
    assertThat(request)
        .contains("1 × Fee - Travel Time @ $40.0", "POST /tickets/9001/add_line_item", "\\\"price_retail\\\" : 150.00",
            "GET /invoices/{{step:2}}", "PUT /tickets/9001")
        .doesNotContain("api_key");
    confirm(p.planId(), newPath());
    bot.awaitState(p.planId(), PlanState.DONE);
  }

  @Test
  void prepaidZeroInvoice_blockDroppedByQuantity_acceptedWithoutRepair_R10() throws Exception {
    billing.happyPath("\"10.0\"", "0.0");
    WriteFlowHarness.Preview p = billing.preview(BillStubs.Form.of("120", "emergency", "Server down at night"));
    assertThat(text(p.message())).contains("bill *3 × Labor - Onsite Business at $175.00 = $525.00*");
    billing.customer("\"7.0\"");
    String click = newPath();
    confirm(p.planId(), click);
    Plan done = bot.awaitState(p.planId(), PlanState.DONE);
    assertThat(invoiceCheck(done).resultBody()).contains("PREPAID_ZERO_OK");
    assertThat(text(bot.awaitPost(click, "Done.")))
        .contains("*Total* $0.00 — $0.00 because the customer's prepaid block paid for it");
    assertThat(count("PUT", BillStubs.UPDATE_LINE) + count("DELETE", INVOICES + "/67447")).isZero();
    assertThat(count("PUT", TICKET)).isEqualTo(1);
  }

  // ---- unknown outcomes ---------------------------------------------------------------------------

  @Test
  void invoicePostConnectionReset_foundThroughInvoicesOfTheTicket_noSecondInvoice_R2() throws Exception {
    billing.happyPath("null", "112.50");
    billing.invoicePost(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
    billing.invoicesListed(500);
    WriteFlowHarness.Preview p = billing.preview(BillStubs.Form.of("45", "remote", "Swapped the toner"));
    // the invoice did land: the ticket's invoices now list one that was not there at planning
    billing.invoicesListed(500, 67447);
    confirm(p.planId(), newPath());
    Plan done = bot.awaitState(p.planId(), PlanState.DONE);
    assertThat(done.step(2).resultId()).isEqualTo(67447L);
    assertThat(done.step(2).verification()).contains("GET /invoices?ticket_id=9001 lists invoice 67447");
    assertThat(count("POST", INVOICES)).isEqualTo(1);
    assertThat(count("PUT", TICKET)).isEqualTo(1);
  }

  @Test
  void addLineConnectionReset_foundAmongTheTicketsLineItems_noSecondLine_R2() throws Exception {
    billing.happyPath("null", "112.50");
    billing.addLine(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
    WriteFlowHarness.Preview p = billing.preview(BillStubs.Form.of("45", "remote", "Swapped the toner"));
    billing.ticket("In Progress", BillStubs.line(301, 1190473, "Labor - Remote Business", "0.75", "150.0",
        "Remote labour: Swapped the toner"), "");
    confirm(p.planId(), newPath());
    Plan done = bot.awaitState(p.planId(), PlanState.DONE);
    assertThat(done.step(1).resultId()).isEqualTo(301L);
    assertThat(count("POST", ADD_LINE)).isEqualTo(1);
    assertThat(count("POST", INVOICES)).isEqualTo(1);
  }

  // ---- double clicks and restarts -------------------------------------------------------------------

  @Test
  void doubleConfirm_twoConcurrentClicks_oneCommentOneLineOneInvoice_R2() throws Exception {
    billing.happyPath("null", "112.50");
    WriteFlowHarness.Preview p = billing.preview(BillStubs.Form.of("45", "remote", "Swapped the toner"));
    CountDownLatch go = new CountDownLatch(1);
    CompletableFuture<HttpResponse<String>> a = CompletableFuture.supplyAsync(() -> {
      awaitLatch(go);
      return bot.click(JANE, "plan_confirm", p.planId(), newPath(), actionTs());
    });
    CompletableFuture<HttpResponse<String>> b = CompletableFuture.supplyAsync(() -> {
      awaitLatch(go);
      return bot.click(JANE, "plan_confirm", p.planId(), newPath(), actionTs());
    });
    go.countDown();
    assertThat(a.get().statusCode()).isEqualTo(200);
    assertThat(b.get().statusCode()).isEqualTo(200);
    bot.awaitState(p.planId(), PlanState.DONE);
    assertThat(count("POST", COMMENT)).isEqualTo(1);
    assertThat(count("POST", ADD_LINE)).isEqualTo(1);
    assertThat(count("POST", INVOICES)).isEqualTo(1);
    assertThat(count("PUT", TICKET)).isEqualTo(1);
  }

  @Test
  void restartMidBilling_resumesAtTheInvoice_noSecondCommentOrLine_R2() throws Exception {
    billing.happyPath("null", "112.50");
    // Syncro rate-limits the invoice (not processed): the plan waits; then the bot stops
    billing.invoicePost(aResponse().withStatus(429));
    WriteFlowHarness.Preview p = billing.preview(BillStubs.Form.of("45", "remote", "Swapped the toner"));
    confirm(p.planId(), newPath());
    Plan waiting = bot.awaitState(p.planId(), PlanState.WAITING);
    assertThat(waiting.step(1).resultId()).isEqualTo(301L);
    bot.stop();

    bot.syncro.resetRequests();
    billing.invoiceCreates(67447);
    bot.start();
    bot.awaitState(p.planId(), PlanState.DONE);
    assertThat(count("POST", COMMENT)).isZero();
    assertThat(count("POST", ADD_LINE)).isZero();
    assertThat(count("POST", INVOICES)).isEqualTo(1);
    assertThat(count("PUT", TICKET)).isEqualTo(1);
  }

  // ---- bad input and bad states -------------------------------------------------------------------

  @Test
  void badModalInput_fieldErrorsWithSpecificMessages_nothingStoredOrSent_R4() throws Exception {
    billing.happyPath("null", "112.50");
    JsonNode form = billing.open("32203").form();
    Map<String, String> cases = Map.of(
        "0", "0 minutes is nothing to bill",
        "-5", "-5 minutes is negative",
        "1.5", "'1.5' is not whole minutes",
        "abc", "'abc' is not a number of minutes",
        "99999", "99999 minutes is more than a day",
        " ", "Minutes are required");
    for (Map.Entry<String, String> c : cases.entrySet()) {
      Map<String, String> errors = errors(billing.submit(form, BillStubs.Form.of(c.getKey(), "remote", "Work")));
      assertThat(errors).containsOnlyKeys("minutes");
      assertThat(errors.get("minutes")).contains(c.getValue());
    }
    Map<String, String> none = errors(billing.submit(form, BillStubs.Form.of("45", null, "")));
    assertThat(none.get("labour")).contains("Labour type is required: choose one of remote, onsite, emergency");
    assertThat(none.get("work")).contains("Write what you did");
    assertThat(errors(billing.submit(form, BillStubs.Form.of("45", "remote", "password: hunter2")))
        .get("work")).contains("a password");
    int plans = bot.db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM plans").mapTo(Integer.class).one());
    assertThat(plans).isZero();
    assertThat(bot.syncro.findAll(postRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.anyUrl())))
        .isEmpty();
  }

  @Test
  void form_noLabourPreselected_sevenTypesWithProductAndRate_internalDefault_invoiceChecked_R4() throws Exception {
    billing.happyPath("\"4.5\"", "0");
    JsonNode form = billing.open("32203").form();
    String all = form.toString();
    assertThat(form.path("callback_id").asText()).isEqualTo("syncro_bill");
    // the prepaid hours are not in the form: the preview reads them fresh, once (R5)
    assertThat(all).contains("#32203", "Printer offline", "Acme Dental", "In Progress",
        "Emergency — $262.50 per hour", "Labor - Emergency or After Hours Business",
        "Travel — $40.00 per trip",
        "Log time only (timer entry, no charge)");
    JsonNode labour = block(form, "labour").path("element");
    assertThat(labour.path("options")).hasSize(7);
    assertThat(labour.has("initial_option")).isFalse();
    assertThat(block(form, "visibility").path("element").path("initial_option").path("value").asText())
        .isEqualTo("internal");
    // one choice, one control: invoice now, the line only, or log time only, as one radio starting on "Invoice now"
    JsonNode action = block(form, "action").path("element");
    assertThat(action.path("type").asText()).isEqualTo("radio_buttons");
    assertThat(action.path("options").findValuesAsText("value")).containsExactly("invoice", "line_only", "timer_only");
    assertThat(action.path("initial_option").path("value").asText()).isEqualTo("invoice");
    assertThat(all).doesNotContain("checkboxes");
    // no model configured: no drafting option
    assertThat(all).doesNotContain("language model");
    // the loading modal was opened first with the trigger_id
    List<com.github.tomakehurst.wiremock.verification.LoggedRequest> opened = bot.slack
        .findAll(postRequestedFor(urlPathEqualTo("/api/views.open")));
    assertThat(opened).hasSize(1);
    assertThat(Forms.field(opened.get(0).getBodyAsString(), "view")).contains("Loading ticket #32203");
  }

  @Test
  void bill_withoutNumber_badNumber_notConnected_specificMessages_noModal() throws Exception {
    assertThat(JSON.readTree(bot.command(JANE, "bill").ack().body()).path("text").asText())
        .contains("Which ticket?", "/syncro bill 32203");
    assertThat(JSON.readTree(bot.command(JANE, "bill abc").ack().body()).path("text").asText())
        .contains("`abc` is not a ticket number");
    bot.users.remove(JANE);
    assertThat(JSON.readTree(bot.command(JANE, "bill 32203").ack().body()).path("text").asText())
        .contains("/syncro connect");
    assertThat(bot.slack.findAll(postRequestedFor(urlPathEqualTo("/api/views.open")))).isEmpty();
    assertThat(bot.syncro.getAllServeEvents()).isEmpty();
  }

  @Test
  void bill_ticketNotFound_modalAndReplySaySo_R26() throws Exception {
    bot.syncro.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/api/v1/tickets"))
        .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson(
            "{\"tickets\":[],\"meta\":{\"total_pages\":1,\"page\":1}}")));
    BillStubs.Opened o = billing.open("32203");
    assertThat(o.form().toString()).contains("Ticket #32203 does not exist in Syncro.");
    bot.awaitPost(o.command().responsePath(), "does not exist");
  }

  @Test
  void bill_onInvoicedTicket_warnsInFormAndPreview() throws Exception {
    billing.happyPath("null", "112.50");
    billing.ticket("Invoiced", "", "");
    assertThat(billing.open("32203").form().toString())
        .contains("#32203 is already Invoiced — billing again adds a new invoice.");
    WriteFlowHarness.Preview p = billing.preview(BillStubs.Form.of("45", "remote", "More work"));
    assertThat(text(p.message())).contains("Warning: #32203 is already Invoiced — billing again adds a new invoice.");
  }

  // ---- timers (R12) --------------------------------------------------------------------------------

  @Test
  void logTimeOnly_timerEntryWithStartNowMinusMinutes_nothingBilled_R12() throws Exception {
    billing.happyPath("null", "0");
    bot.syncro.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo(BillStubs.TIMER_ENTRY))
        .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson("{\"id\":41,\"ticket_id\":9001}")));
    WriteFlowHarness.Preview p = billing.preview(BillStubs.Form.of("45", "remote", "Swapped the toner")
        .with("timer_only"));
    assertThat(text(p.message())).contains("Log 45 min on #32203 (no charge)", "nothing is billed");
    java.time.Instant now = bot.clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    confirm(p.planId(), newPath());
    bot.awaitState(p.planId(), PlanState.DONE);
    assertThat(JSON.readTree(billing.onlyBody(BillStubs.TIMER_ENTRY))).isEqualTo(JSON.readTree("{\"start_at\":\""
        + now.minusSeconds(45 * 60) + "\",\"end_at\":\"" + now + "\",\"duration_minutes\":45,\"product_id\":1190473,"
        + "\"notes\":\"Swapped the toner\",\"user_id\":1735}"));
    assertThat(count("POST", COMMENT) + count("POST", ADD_LINE) + count("POST", INVOICES)).isZero();
  }

  @Test
  void billTimers_listsUnchargedOnly_chargesTheChosenOneOnce_afterPreview_R12() throws Exception {
    billing.happyPath("null", "0");
    billing.ticket("In Progress", "", "{\"id\":40,\"recorded\":true,\"notes\":\"old\",\"active_duration\":600},"
        + "{\"id\":41,\"recorded\":false,\"notes\":\"Printer visit\",\"active_duration\":2700,"
        + "\"start_time\":\"2026-03-02T14:00:00Z\"},{\"id\":42,\"recorded\":false,\"notes\":\"Call\"}");
    bot.syncro.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo(BillStubs.CHARGE_TIMER))
        .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson("{\"id\":41,\"recorded\":true}")));
    BillStubs.Opened o = billing.open("32203 timers");
    String form = o.form().toString();
    assertThat(form).contains("syncro_bill_timers", "Timer 41 · 45 min · Mar 2 14:00 UTC", "Printer visit",
        "Timer 42").doesNotContain("Timer 40");
    assertThat(billing.submitTimers(o.form(), 41).body()).isEmpty();
    JsonNode preview = bot.awaitPost(o.command().responsePath(), "Details");
    assertThat(text(preview)).contains("Charge 1 timer(s) on #32203", "check the line's price");
    assertThat(count("POST", BillStubs.CHARGE_TIMER)).isZero();
    confirm(WriteFlowHarness.planId(preview), newPath());
    bot.awaitState(WriteFlowHarness.planId(preview), PlanState.DONE);
    assertThat(billing.onlyBody(BillStubs.CHARGE_TIMER)).isEqualTo("{\"timer_entry_id\":41}");
  }

  @Test
  void help_listsBill() throws Exception {
    assertThat(JSON.readTree(bot.command(JANE, "help").ack().body()).path("text").asText())
        .contains("/syncro bill 32203", "timers");
  }

  // ---- helpers ----------------------------------------------------------------------------------

  private static JsonNode block(JsonNode view, String blockId) {
    for (JsonNode b : view.path("blocks")) {
      if (blockId.equals(b.path("block_id").asText())) {
        return b;
      }
    }
    throw new AssertionError("no block " + blockId);
  }

  private static Map<String, String> errors(HttpResponse<String> ack) throws Exception {
    JsonNode n = JSON.readTree(ack.body());
    assertThat(n.path("response_action").asText()).as(ack.body()).isEqualTo("errors");
    Map<String, String> out = new HashMap<>();
    n.path("errors").properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }

  private static void awaitLatch(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
