package com.syncrobot.app;

import static com.syncrobot.app.WriteFlowHarness.JANE;
import static com.syncrobot.app.WriteFlowHarness.actionTs;
import static com.syncrobot.app.WriteFlowHarness.newPath;
import static com.syncrobot.app.WriteFlowHarness.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.syncrobot.playground.sandbox.model.SandboxInvoice;
import com.syncrobot.playground.sandbox.model.SandboxLineItem;
import com.syncrobot.playground.sandbox.model.SandboxState;
import com.syncrobot.playground.sandbox.model.SandboxTicket;
import com.syncrobot.write.PlanState;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code /syncro bill} against the stateful Syncro sandbox instead of canned answers: what ends up in
 * "Syncro" (line, invoice, prepaid hours, status, timers) is read from the sandbox's own state, so the
 * preview's figures are compared with what Syncro holds afterwards (the "done when").
 */
final class BillSandboxTest {
  @RegisterExtension
  static final WriteFlowHarness bot = WriteFlowHarness.builder().sandbox().connectToSandbox(JANE, 1735, "Dana Tech")
      .build();
  final BillStubs modal = new BillStubs(bot);

  /** An open ticket of a customer whose prepay_hours is {@code prepaid ? > 0 : none}. */
  private SandboxTicket openTicket(boolean prepaid) {
    SandboxState s = bot.sandbox().state();
    return s.tickets().stream()
        .filter(t -> !List.of("Resolved", "Invoiced", "Closed").contains(t.status()))
        .filter(t -> {
          BigDecimal p = s.prepayHours(t.customerId()).orElse(null);
          return prepaid ? p != null && p.compareTo(new BigDecimal("3")) >= 0 : p == null || p.signum() == 0;
        })
        .filter(t -> s.lineItemsOf(t.id()).stream().allMatch(li -> li.invoiceId() != null))
        .findFirst().orElseThrow(() -> new AssertionError("no suitable seeded ticket"));
  }

  private WriteFlowHarness.Preview bill(SandboxTicket t, BillStubs.Form form) throws Exception {
    BillStubs.Opened o = modal.open(Long.toString(t.number()));
    assertThat(modal.submit(o.form(), form).body()).isEmpty();
    JsonNode preview = bot.awaitPost(o.command().responsePath(), "Details");
    return new WriteFlowHarness.Preview(WriteFlowHarness.planId(preview), preview, o.command().responsePath());
  }

  @Test
  void remote45_syncroHoldsTheLineAndAnInvoiceOfThePreviewsTotal_ticketInvoiced_R7_R9() throws Exception {
    SandboxTicket t = openTicket(false);
    WriteFlowHarness.Preview p = bill(t, BillStubs.Form.of("45", "remote", "Cleaned up the mail rules"));
    assertThat(text(p.message())).contains("0.75 × Labor - Remote Business at $150.00 = $112.50");

    bot.click(JANE, "plan_confirm", p.planId(), newPath(), actionTs());
    bot.awaitState(p.planId(), PlanState.DONE);

    SandboxState s = bot.sandbox().state();
    List<SandboxLineItem> lines = s.lineItemsOf(t.id()).stream()
        .filter(li -> Long.valueOf(1190473).equals(li.productId()) && li.description().contains("mail rules"))
        .toList();
    assertThat(lines).singleElement().satisfies(li -> {
      assertThat(li.quantity()).isEqualByComparingTo("0.75");
      assertThat(li.priceRetail()).isEqualByComparingTo("150.00");
      assertThat(li.taxable()).isFalse();
    });
    List<SandboxInvoice> invoices = s.invoicesOf(t.id());
    assertThat(invoices).hasSize(1);
    assertThat(invoices.get(0).total()).isEqualByComparingTo("112.50");
    assertThat(s.ticket(t.id()).orElseThrow().status()).isEqualTo("Invoiced");
    assertThat(s.commentsOf(t.id())).anySatisfy(c -> assertThat(c.body()).contains("Cleaned up the mail rules"));
  }

  @Test
  void emergencyForPrepaidCustomer_onsiteAtOneAndAHalf_invoiceZero_blockDebited_acceptedAsSuccess_R5_R10()
      throws Exception {
    SandboxTicket t = openTicket(true);
    BigDecimal before = bot.sandbox().state().prepayHours(t.customerId()).orElseThrow();
    WriteFlowHarness.Preview p = bill(t, BillStubs.Form.of("120", "emergency", "Restored the server overnight"));
    assertThat(text(p.message())).contains("3 × Labor - Onsite Business at $175.00 = $525.00");

    bot.click(JANE, "plan_confirm", p.planId(), newPath(), actionTs());
    bot.awaitState(p.planId(), PlanState.DONE);

    SandboxState s = bot.sandbox().state();
    assertThat(s.prepayHours(t.customerId()).orElseThrow())
        .isEqualByComparingTo(before.subtract(new BigDecimal("3")));
    assertThat(s.invoicesOf(t.id())).singleElement().satisfies(i -> assertThat(i.total()).isEqualByComparingTo("0"));
    assertThat(s.ticket(t.id()).orElseThrow().status()).isEqualTo("Invoiced");
    assertThat(s.lineItemsOf(t.id()).stream().filter(li -> Long.valueOf(26184).equals(li.productId()))).isEmpty();
  }

  @Test
  void logTimeThenChargeIt_timerRecordedAndCharged_onceEach_R12() throws Exception {
    SandboxTicket t = openTicket(false);
    int timersBefore = (int) bot.sandbox().state().timers().stream().filter(x -> x.ticketId() == t.id()).count();
    WriteFlowHarness.Preview p = bill(t,
        BillStubs.Form.of("30", "remote", "Phone call about the VPN").with("timer_only"));
    bot.click(JANE, "plan_confirm", p.planId(), newPath(), actionTs());
    bot.awaitState(p.planId(), PlanState.DONE);
    long timerId = bot.plans.find(p.planId()).orElseThrow().step(0).resultId();
    assertThat(bot.sandbox().state().timers().stream().filter(x -> x.ticketId() == t.id())).hasSize(timersBefore + 1);

    BillStubs.Opened o = modal.open(t.number() + " timers");
    assertThat(o.form().toString()).contains("Timer " + timerId + " · 30 min");
    assertThat(modal.submitTimers(o.form(), timerId).body()).isEmpty();
    String charge = WriteFlowHarness.planId(bot.awaitPost(o.command().responsePath(), "Details"));
    bot.click(JANE, "plan_confirm", charge, newPath(), actionTs());
    bot.awaitState(charge, PlanState.DONE);
    assertThat(bot.sandbox().state().timers().stream().filter(x -> x.id() == timerId)).singleElement()
        .satisfies(x -> assertThat(x.recorded()).isTrue());
  }
}
