package com.syncrobot.app;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.syncrobot.app.WriteFlowHarness.JANE;
import static com.syncrobot.app.WriteFlowHarness.actionIds;
import static com.syncrobot.app.WriteFlowHarness.actionTs;
import static com.syncrobot.app.WriteFlowHarness.newPath;
import static com.syncrobot.app.WriteFlowHarness.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.syncrobot.playground.sandbox.WriteFault;
import com.syncrobot.playground.sandbox.model.SandboxInvoice;
import com.syncrobot.playground.sandbox.model.SandboxState;
import com.syncrobot.playground.sandbox.model.SandboxTicket;
import com.syncrobot.write.Plan;
import com.syncrobot.write.PlanState;
import com.syncrobot.write.Step;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A billing (and a close) that Syncro refused part-way, against the stateful sandbox: the comment and
 * the line went in, the invoice was refused with 422. Finishing it makes exactly the rest; running
 * {@code /syncro bill} again names the unfinished billing first with finishing as the main action; and
 * billing new work anyway is a separate, differently worded choice that invoices both lines.
 */
final class FinishBillFlowTest {
  private static final String WORK = "Cleaned up the mail rules";
  private static final String LINE = "0.75 × Labor - Remote Business at $150.00 = $112.50";

  @RegisterExtension
  static final WriteFlowHarness bot = WriteFlowHarness.builder().sandbox().connectToSandbox(JANE, 1735, "Dana Tech")
      .build();
  final BillStubs modal = new BillStubs(bot);

  private SandboxTicket openTicket() {
    SandboxState s = bot.sandbox().state();
    return s.tickets().stream()
        .filter(t -> !List.of("Resolved", "Invoiced", "Closed").contains(t.status()))
        .filter(t -> {
          BigDecimal p = s.prepayHours(t.customerId()).orElse(null);
          return p == null || p.signum() == 0;
        })
        .filter(t -> s.lineItemsOf(t.id()).stream().allMatch(li -> li.invoiceId() != null))
        .findFirst().orElseThrow(() -> new AssertionError("no suitable seeded ticket"));
  }

  /** Bills 45 min remote; Syncro takes the comment and the line, then refuses the invoice with 422. */
  private Plan billRefusedAtInvoice(SandboxTicket t, String confirmPath) throws Exception {
    BillStubs.Opened o = modal.open(Long.toString(t.number()));
    assertThat(modal.submit(o.form(), BillStubs.Form.of("45", "remote", WORK)).body()).isEmpty();
    String planId = WriteFlowHarness.planId(bot.awaitPost(o.command().responsePath(), "Details"));
    bot.sandbox().faults().nextWrite(WriteFault.PASS, WriteFault.PASS, WriteFault.REFUSED_422);
    bot.click(JANE, "plan_confirm", planId, confirmPath, actionTs());
    Plan failed = bot.awaitState(planId, PlanState.FAILED);
    assertThat(bot.sandbox().state().invoicesOf(t.id())).isEmpty();
    return failed;
  }

  private long count(SandboxTicket t, String what) {
    SandboxState s = bot.sandbox().state();
    return switch (what) {
      case "comments" -> s.commentsOf(t.id()).stream().filter(c -> c.body().contains(WORK)).count();
      case "lines" -> s.lineItemsOf(t.id()).stream().filter(li -> li.description().contains("mail rules")).count();
      default -> throw new IllegalArgumentException(what);
    };
  }

  private void assertBilledOnce(SandboxTicket t, String total) {
    assertThat(count(t, "comments")).isEqualTo(1);
    assertThat(count(t, "lines")).isEqualTo(1);
    List<SandboxInvoice> invoices = bot.sandbox().state().invoicesOf(t.id());
    assertThat(invoices).singleElement().satisfies(i -> assertThat(i.total()).isEqualByComparingTo(total));
    assertThat(bot.sandbox().state().ticket(t.id()).orElseThrow().status()).isEqualTo("Invoiced");
  }

  @Test
  void invoiceRefusedAfterCommentAndLine_finish_oneCommentOneLineOneInvoice_ticketInvoiced() throws Exception {
    SandboxTicket t = openTicket();
    String confirmPath = newPath();
    Plan failed = billRefusedAtInvoice(t, confirmPath);

    JsonNode result = bot.awaitPost(confirmPath, "Finish the remaining steps");
    assertThat(text(result)).contains("Stopped part-way", LINE, "Post resolution comment", "“Create invoice”",
        "nothing above is sent again");
    assertThat(actionIds(result)).contains("create_finish");

    String finishPath = newPath();
    bot.click(JANE, "create_finish", failed.id(), finishPath, actionTs());
    JsonNode followUp = bot.awaitPost(finishPath, "Details");
    assertThat(text(followUp)).contains("Finish #" + t.number(), "Already in Syncro from the first try", LINE);
    String followUpId = WriteFlowHarness.planId(followUp);
    assertThat(bot.plans.find(followUpId).orElseThrow().steps()).extracting(Step::label)
        .containsExactly("Create invoice", "Check the invoice total is $112.50", "Set status Invoiced");

    bot.click(JANE, "plan_confirm", followUpId, newPath(), actionTs());
    Plan done = bot.awaitState(followUpId, PlanState.DONE);
    assertBilledOnce(t, "112.50");
    // the invoice check read the new invoice, not a stale reference
    long invoiceId = bot.sandbox().state().invoicesOf(t.id()).get(0).id();
    assertThat(done.step(1).resultBody()).contains(Long.toString(invoiceId));
  }

  @Test
  void billAgainOnTheTicket_namesTheUnfinishedBillFirst_finishIsTheMainAction() throws Exception {
    SandboxTicket t = openTicket();
    Plan failed = billRefusedAtInvoice(t, newPath());

    BillStubs.Opened o = modal.open(Long.toString(t.number()));
    JsonNode form = o.form();
    assertThat(form.path("callback_id").asText()).isEqualTo("syncro_bill_unfinished");
    assertThat(form.path("blocks").get(0).path("text").path("text").asText())
        .contains("An earlier bill of #" + t.number() + " is unfinished", LINE, "“Create invoice”");
    assertThat(form.path("submit").path("text").asText()).isEqualTo("Finish remaining steps");
    assertThat(form.toString()).contains("Bill new work anyway").doesNotContain("Minutes worked");

    assertThat(submitAsIs(form).body()).isEmpty();
    JsonNode followUp = bot.awaitPost(o.command().responsePath(), "Details");
    assertThat(text(followUp)).contains("Finish #" + t.number(), LINE);
    String followUpId = WriteFlowHarness.planId(followUp);
    assertThat(hasFollowUp(bot.plans.find(failed.id()).orElseThrow())).isTrue();
    assertThat(bot.plans.find(failed.id()).orElseThrow().previewJson()).contains(followUpId);

    bot.click(JANE, "plan_confirm", followUpId, newPath(), actionTs());
    bot.awaitState(followUpId, PlanState.DONE);
    assertBilledOnce(t, "112.50");

    // finished: the next /syncro bill opens the usual form
    assertThat(modal.open(Long.toString(t.number())).form().path("callback_id").asText()).isEqualTo("syncro_bill");
  }

  @Test
  void billNewWorkAnyway_isASeparateChoice_andInvoicesBothLines() throws Exception {
    SandboxTicket t = openTicket();
    Plan failed = billRefusedAtInvoice(t, newPath());

    BillStubs.Opened o = modal.open(Long.toString(t.number()));
    int updates = viewUpdates();
    clickInModal(o.form(), "bill_new_anyway", failed.id());
    WriteFlowHarness.await(this::viewUpdates, n -> n > updates, "the usual form");
    JsonNode form = modal.lastUpdatedView();
    assertThat(form.path("callback_id").asText()).isEqualTo("syncro_bill");
    assertThat(form.path("blocks").get(0).path("text").path("text").asText())
        .contains("Billing new work", LINE, "invoiced together with this one");

    assertThat(modal.submit(form, BillStubs.Form.of("30", "remote", "Replaced the toner")).body()).isEmpty();
    JsonNode preview = bot.awaitPost(o.command().responsePath(), "Details");
    JsonNode first = preview.path("blocks").get(0);
    assertThat(first.path("type").asText()).isEqualTo("section");
    assertThat(first.path("text").path("text").asText())
        .contains("An earlier bill of #" + t.number() + " is unfinished", LINE, "both together ($187.50)");
    JsonNode buttons = buttons(preview);
    assertThat(buttons.get(0).path("action_id").asText()).isEqualTo("create_finish");
    assertThat(buttons.get(0).path("value").asText()).isEqualTo(failed.id());
    assertThat(buttons.get(0).path("style").asText()).isEqualTo("primary");
    assertThat(buttons.get(1).path("action_id").asText()).isEqualTo("plan_confirm");
    assertThat(buttons.get(1).path("text").path("text").asText()).isEqualTo("Bill new work anyway");
    assertThat(buttons.get(1).has("style")).isFalse();

    String planId = WriteFlowHarness.planId(preview);
    bot.click(JANE, "plan_confirm", planId, newPath(), actionTs());
    bot.awaitState(planId, PlanState.DONE);
    SandboxState s = bot.sandbox().state();
    assertThat(s.invoicesOf(t.id())).singleElement()
        .satisfies(i -> assertThat(i.total()).isEqualByComparingTo("187.50"));
    assertThat(s.lineItemsOf(t.id()).stream().filter(li -> li.invoiceId() == null)).isEmpty();
    assertThat(count(t, "lines")).isEqualTo(1);
    assertThat(s.ticket(t.id()).orElseThrow().status()).isEqualTo("Invoiced");

    // the earlier line went onto that invoice: its old Finish button prepares nothing now
    String late = newPath();
    bot.click(JANE, "create_finish", failed.id(), late, actionTs());
    assertThat(text(bot.awaitPost(late, "no longer uninvoiced"))).contains("Nothing was prepared");
    assertThat(hasFollowUp(bot.plans.find(failed.id()).orElseThrow())).isFalse();
  }

  @Test
  void closeRefusedAtTheStatus_finish_oneCommentAndResolved() throws Exception {
    SandboxTicket t = openTicket();
    bot.slack.resetRequests();
    WriteFlowHarness.Sent c = bot.command(JANE, "close " + t.number());
    JsonNode view = bot.lastOpenedView();
    assertThat(bot.submit(JANE, view, "Resolved", "Swapped the fuser unit", "internal", false, "VC1").body())
        .isEmpty();
    String planId = WriteFlowHarness.planId(bot.awaitPost(c.responsePath(), "Details"));
    bot.sandbox().faults().nextWrite(WriteFault.PASS, WriteFault.REFUSED_422);
    String confirmPath = newPath();
    bot.click(JANE, "plan_confirm", planId, confirmPath, actionTs());
    bot.awaitState(planId, PlanState.FAILED);
    assertThat(text(bot.awaitPost(confirmPath, "Finish the remaining steps"))).contains("Stopped part-way");

    String finishPath = newPath();
    bot.click(JANE, "create_finish", planId, finishPath, actionTs());
    String followUpId = WriteFlowHarness.planId(bot.awaitPost(finishPath, "Details"));
    assertThat(bot.plans.find(followUpId).orElseThrow().steps()).singleElement()
        .satisfies(s -> assertThat(s.method()).isEqualTo("PUT"));
    bot.click(JANE, "plan_confirm", followUpId, newPath(), actionTs());
    bot.awaitState(followUpId, PlanState.DONE);
    SandboxState s = bot.sandbox().state();
    assertThat(s.commentsOf(t.id()).stream().filter(x -> x.body().contains("Swapped the fuser unit"))).hasSize(1);
    assertThat(s.ticket(t.id()).orElseThrow().status()).isEqualTo("Resolved");
  }

  // ---- Slack payloads this test needs beyond the harness ------------------------------------------

  private int viewUpdates() {
    return bot.slack.findAll(postRequestedFor(urlPathEqualTo("/api/views.update"))).size();
  }

  private HttpResponse<String> submitAsIs(JsonNode view) {
    String json = "{\"type\":\"view_submission\",\"team\":{\"id\":\"T0001\",\"domain\":\"acme\"},"
        + "\"user\":{\"id\":\"" + JANE + "\",\"username\":\"u\",\"name\":\"u\",\"team_id\":\"T0001\"},"
        + "\"api_app_id\":\"A0001\",\"token\":\"x\",\"trigger_id\":\"1.2.3\",\"view\":{\"id\":\"VF1\",\"team_id\":"
        + "\"T0001\",\"type\":\"modal\",\"callback_id\":" + SignedRequests.jsonString(view.path("callback_id").asText())
        + ",\"private_metadata\":" + SignedRequests.jsonString(view.path("private_metadata").asText())
        + ",\"hash\":\"1.h\",\"state\":{\"values\":{}}},\"response_urls\":[]}";
    return bot.signed(SignedRequests.form(Map.of("payload", json)), SignedRequests.FORM);
  }

  /** A button click inside the modal {@code view}: the payload carries the view, not a response_url. */
  private void clickInModal(JsonNode view, String actionId, String value) {
    String json = "{\"type\":\"block_actions\",\"team\":{\"id\":\"T0001\",\"domain\":\"acme\"},"
        + "\"user\":{\"id\":\"" + JANE + "\",\"username\":\"u\",\"name\":\"u\",\"team_id\":\"T0001\"},"
        + "\"api_app_id\":\"A0001\",\"token\":\"x\",\"trigger_id\":\"9.8.7\","
        + "\"container\":{\"type\":\"view\",\"view_id\":\"V1\"},\"view\":{\"id\":\"V1\",\"team_id\":\"T0001\","
        + "\"type\":\"modal\",\"callback_id\":" + SignedRequests.jsonString(view.path("callback_id").asText())
        + ",\"private_metadata\":" + SignedRequests.jsonString(view.path("private_metadata").asText())
        + ",\"hash\":\"1.h\",\"state\":{\"values\":{}}},\"actions\":[{\"action_id\":\"" + actionId
        + "\",\"block_id\":\"bill_unfinished\",\"text\":{\"type\":\"plain_text\",\"text\":\"b\"},\"value\":"
        + SignedRequests.jsonString(value) + ",\"type\":\"button\",\"action_ts\":\"" + actionTs() + "\"}]}";
    HttpResponse<String> ack = bot.signed(SignedRequests.form(Map.of("payload", json)), SignedRequests.FORM);
    assertThat(ack.statusCode()).isEqualTo(200);
  }

  /** Whether a follow-up was recorded on the plan (its id kept in the plan's preview data). */
  private static boolean hasFollowUp(Plan plan) {
    return plan.previewJson() != null && plan.previewJson().contains("\"followUp\":\"");
  }

  private static JsonNode buttons(JsonNode message) {
    for (JsonNode b : message.path("blocks")) {
      if ("actions".equals(b.path("type").asText())) {
        return b.path("elements");
      }
    }
    throw new AssertionError("no buttons in " + message);
  }
}
