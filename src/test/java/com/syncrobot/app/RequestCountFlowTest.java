package com.syncrobot.app;

import static com.syncrobot.app.WriteFlowHarness.JANE;
import static com.syncrobot.app.WriteFlowHarness.actionTs;
import static com.syncrobot.app.WriteFlowHarness.newPath;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.syncrobot.playground.sandbox.WriteFault;
import com.syncrobot.playground.sandbox.model.SandboxInvoice;
import com.syncrobot.playground.sandbox.model.SandboxState;
import com.syncrobot.playground.sandbox.model.SandboxTicket;
import com.syncrobot.write.PlanState;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * How many Syncro requests each writing command makes, counted on the sandbox's request log for the
 * whole job (command, form, preview, Confirm, result): the same reads a technician would make by hand,
 * plus only those a rule needs (R2's "what was there before", R10's prepaid proof).
 */
final class RequestCountFlowTest {
  @RegisterExtension
  static final WriteFlowHarness bot = WriteFlowHarness.builder().sandbox().connectToSandbox(JANE, 1735, "Dana Tech")
      .build();
  final BillStubs modal = new BillStubs(bot);
  /** Tickets a test of this class wrote to: every test takes a fresh one. */
  private static final Set<Long> used = new HashSet<>();

  private SandboxTicket openTicket(boolean prepaid) {
    SandboxState s = bot.sandbox().state();
    SandboxTicket t = s.tickets().stream()
        .filter(x -> !used.contains(x.id()))
        .filter(x -> !List.of("Resolved", "Invoiced", "Closed").contains(x.status()))
        .filter(x -> {
          BigDecimal p = s.prepayHours(x.customerId()).orElse(null);
          return prepaid ? p != null && p.compareTo(new BigDecimal("3")) >= 0 : p == null || p.signum() == 0;
        })
        .filter(x -> s.lineItemsOf(x.id()).stream().allMatch(li -> li.invoiceId() != null))
        .findFirst().orElseThrow(() -> new AssertionError("no suitable seeded ticket"));
    used.add(t.id());
    return t;
  }

  /** The requests logged since the last clear, once the bot has gone quiet, as "METHOD /path". */
  private static List<String> requests() throws InterruptedException {
    int n = -1;
    while (true) {
      Thread.sleep(300);
      int now = bot.sandbox().requestLog().size();
      if (now == n) {
        break;
      }
      n = now;
    }
    return bot.sandbox().requestLog().entries().stream().map(e -> e.method() + " " + e.path()).toList();
  }

  /** Bills {@code minutes} of {@code labour} on {@code t} and confirms it; returns the plan id. */
  private String bill(SandboxTicket t, String minutes, String labour, String work) throws Exception {
    BillStubs.Opened o = modal.open(Long.toString(t.number()));
    assertThat(modal.submit(o.form(), BillStubs.Form.of(minutes, labour, work)).body()).isEmpty();
    JsonNode preview = bot.awaitPost(o.command().responsePath(), "Details");
    String id = WriteFlowHarness.planId(preview);
    String done = newPath();
    bot.click(JANE, "plan_confirm", id, done, actionTs());
    bot.awaitState(id, PlanState.DONE);
    bot.awaitPost(done, "Done.");
    return id;
  }

  @Test
  void bill_remote_eightRequests_asByHand() throws Exception {
    SandboxTicket t = openTicket(false);
    bot.sandbox().requestLog().clear();
    bill(t, "45", "remote", "Cleaned up the mail rules");
    long id = t.id();
    // number → id and the form; the preview's ticket detail (comments and lines there before, R2) and the
    // customer's prepaid hours, read once, fresh (R5; its invoice list gives the invoices there before);
    // comment → line → invoice → read back its total → Invoiced (R9); the result is the PUT's answer
    assertThat(requests()).containsExactly(
        "GET /tickets", "GET /tickets/" + id, "GET /customers/" + t.customerId(),
        "POST /tickets/" + id + "/comment", "POST /tickets/" + id + "/add_line_item", "POST /invoices",
        "GET /invoices/" + onlyInvoice(t).id(), "PUT /tickets/" + id);
  }

  @Test
  void bill_prepaidEmergency_nineRequests_theNinthProvesTheBlockPaid_R5_R10() throws Exception {
    SandboxTicket t = openTicket(true);
    bot.sandbox().requestLog().clear();
    bill(t, "120", "emergency", "Restored the server overnight");
    long id = t.id();
    // as the remote bill, plus one: the invoice reads $0.00, and only the customer's prepaid hours read
    // again show the block paid for it (R10); the ticket's lines are not needed once the block moved
    assertThat(requests()).containsExactly(
        "GET /tickets", "GET /tickets/" + id, "GET /customers/" + t.customerId(),
        "POST /tickets/" + id + "/comment", "POST /tickets/" + id + "/add_line_item", "POST /invoices",
        "GET /invoices/" + onlyInvoice(t).id(), "GET /customers/" + t.customerId(), "PUT /tickets/" + id);
    assertThat(onlyInvoice(t).total()).isEqualByComparingTo("0");
  }

  @Test
  void billInvoiceAnswerLost_theNewInvoiceFoundBesideTheOnesTheCustomerHadBefore_noSecondInvoice_R2()
      throws Exception {
    SandboxTicket t = openTicket(false);
    bill(t, "45", "remote", "First visit");
    long first = onlyInvoice(t).id();
    bot.sandbox().requestLog().clear();
    // comment and line go through; the invoice is made, and its answer is lost
    bot.sandbox().faults().nextWrite(WriteFault.PASS, WriteFault.PASS, WriteFault.DROP_AFTER_COMMIT);
    bill(t, "30", "remote", "Second visit");
    List<SandboxInvoice> invoices = bot.sandbox().state().invoicesOf(t.id());
    assertThat(invoices).hasSize(2);
    SandboxInvoice second = invoices.stream().filter(i -> i.id() != first).findFirst().orElseThrow();
    assertThat(second.total()).isEqualByComparingTo("75.00");
    assertThat(requests()).containsOnlyOnce("POST /invoices")
        .contains("GET /invoices", "GET /invoices/" + second.id())
        .doesNotContain("GET /invoices/" + first);
    assertThat(bot.sandbox().state().ticket(t.id()).orElseThrow().status()).isEqualTo("Invoiced");
  }

  private static SandboxInvoice onlyInvoice(SandboxTicket t) {
    List<SandboxInvoice> invoices = bot.sandbox().state().invoicesOf(t.id());
    assertThat(invoices).hasSize(1);
    return invoices.get(0);
  }

  @Test
  void comment_threeRequests_close_four() throws Exception {
    SandboxTicket t = openTicket(false);
    bot.sandbox().requestLog().clear();
    bot.slack.resetRequests();
    WriteFlowHarness.Sent c = bot.command(JANE, "comment " + t.number());
    JsonNode view = bot.lastOpenedView();
    assertThat(bot.submit(JANE, view, "Update", "Called the customer.", "internal", false, "VC1").body()).isEmpty();
    JsonNode preview = bot.awaitPost(c.responsePath(), "Details");
    String id = WriteFlowHarness.planId(preview);
    bot.click(JANE, "plan_confirm", id, newPath(), actionTs());
    bot.awaitState(id, PlanState.DONE);
    long tid = t.id();
    // number → id; the ticket's comments there before (R2); the comment
    assertThat(requests()).containsExactly("GET /tickets", "GET /tickets/" + tid + "/comments",
        "POST /tickets/" + tid + "/comment");

    bot.sandbox().requestLog().clear();
    bot.slack.resetRequests();
    c = bot.command(JANE, "close " + t.number());
    view = bot.lastOpenedView();
    assertThat(bot.submit(JANE, view, "Resolution", "Replaced the fuser.", "internal", false, "VC2").body()).isEmpty();
    preview = bot.awaitPost(c.responsePath(), "Details");
    id = WriteFlowHarness.planId(preview);
    String path = newPath();
    bot.click(JANE, "plan_confirm", id, path, actionTs());
    bot.awaitState(id, PlanState.DONE);
    JsonNode done = bot.awaitPost(path, "Done.");
    // as the comment, then Resolved; the status the result shows is Syncro's answer to the PUT
    assertThat(requests()).containsExactly("GET /tickets", "GET /tickets/" + tid + "/comments",
        "POST /tickets/" + tid + "/comment", "PUT /tickets/" + tid);
    assertThat(WriteFlowHarness.text(done)).contains("Status now (as Syncro answered):* Resolved");
  }

  @Test
  void statusChange_accountListsNumberChange_noReadBack_create_listsCustomerTicketComment() throws Exception {
    SandboxTicket t = openTicket(false);
    bot.sandbox().requestLog().clear();
    bot.slack.resetRequests();
    WriteFlowHarness.Sent c = bot.command(JANE, "update " + t.number() + " Waiting on Customer");
    JsonNode form = modal.lastUpdatedView();
    String values = "{\"status\":{\"value\":{\"type\":\"static_select\",\"selected_option\":{\"value\":"
        + "\"Waiting on Customer\",\"text\":{\"type\":\"plain_text\",\"text\":\"W\"}}}},"
        + "\"priority\":{\"value\":{\"type\":\"static_select\",\"selected_option\":null}}}";
    assertThat(bot.submitView(JANE, form, "VU1", "2.x", values).body()).isEmpty();
    JsonNode preview = bot.awaitPost(c.responsePath(), "Details");
    String id = WriteFlowHarness.planId(preview);
    String path = newPath();
    bot.click(JANE, "plan_confirm", id, path, actionTs());
    bot.awaitState(id, PlanState.DONE);
    JsonNode done = bot.awaitPost(path, "Done.");
    // the account's statuses (cached for 10 minutes), number → id, the change; the result is the PUT's answer
    assertThat(requests()).containsExactly("GET /tickets/settings", "GET /settings", "GET /tickets",
        "PUT /tickets/" + t.id());
    assertThat(WriteFlowHarness.text(done)).contains("Status now (as Syncro answered):* Waiting on Customer");

    bot.sandbox().requestLog().clear();
    bot.slack.resetRequests();
    c = bot.command(JANE, "create Kestrel Architecture");
    form = modal.lastUpdatedView();
    String customer = form.findValue("initial_option").path("value").asText();
    CreateFlows.Values v = new CreateFlows.Values()
        .external("customer", "create_customer", customer, "Kestrel Architecture")
        .text("subject", "create_subject", "Label printer offline")
        .select("issue_type", "create_issue_type", "Hardware", "Hardware")
        .text("description", "create_description", "The label printer shows offline.");
    assertThat(bot.submitView(JANE, form, "VK1", "3.x", v.json()).body()).isEmpty();
    preview = bot.awaitPost(c.responsePath(), "Details");
    id = WriteFlowHarness.planId(preview);
    path = newPath();
    bot.click(JANE, "plan_confirm", id, path, actionTs());
    bot.awaitState(id, PlanState.DONE);
    bot.awaitPost(path, "Done.");
    SandboxTicket made = bot.sandbox().state().tickets().stream()
        .filter(x -> x.subject().equals("Label printer offline")).findFirst().orElseThrow();
    // the account's lists (cached for 10 minutes: the statuses were read for the other form's cache),
    // the customer search and the customer with its contacts, the ticket, its Initial Issue comment (R14)
    assertThat(requests()).containsExactly("GET /tickets/settings", "GET /settings", "GET /users",
        "GET /appointment_types", "GET /customers", "GET /customers/" + customer, "POST /tickets",
        "POST /tickets/" + made.id() + "/comment");
  }
}
