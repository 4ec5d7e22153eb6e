package com.syncrobot.write;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.syncrobot.billing.Money;
import com.syncrobot.billing.Quantity;
import com.syncrobot.syncro.CustomerId;
import com.syncrobot.syncro.SyncroWrite;
import com.syncrobot.syncro.TicketId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A billing that stopped part-way is carried into a follow-up with its read check (R9), or refused. */
final class FollowUpTest {
  private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
  private static final TicketId TICKET = new TicketId(Plans.TICKET_ID);

  /** comment → line → invoice → read its total → Invoiced, with the steps in {@code states} and ids. */
  private static Plan billing(PlanState state, StepState... states) {
    Plan fresh = Plans.base(Plans.OWNER).kind("bill").title("Bill #32203")
        .step("Post resolution comment", Plans.commentWrite(), Plans.commentCheck())
        .step("Add line item", SyncroWrite.post("/tickets/9001/add_line_item",
            JsonNodeFactory.instance.objectNode().put("product_id", 1190473), "/id"),
            new Check.LineItemExists(TICKET, 1190473, new BigDecimal("0.75"), "Mail rules", List.of()))
        .step("Create invoice", SyncroWrite.post("/invoices", JsonNodeFactory.instance.objectNode()
            .put("ticket_id", Plans.TICKET_ID), "/invoice/id"), new Check.InvoiceForTicket(TICKET, List.of(40L)))
        .read("Check the invoice total is $112.50", new Assertion.InvoiceTotal("{{step:2}}", TICKET,
            new CustomerId(77), Money.parse("112.50"), new Quantity(new BigDecimal("0.75")), null))
        .step("Set status Invoiced", Plans.statusWrite("Invoiced"), new Check.TicketFieldsAre(TICKET,
            Map.of("status", "Invoiced")))
        .build(T0, Plans.TTL);
    long[] ids = {555, 301, 67447, 0, 0};
    List<Step> steps = new ArrayList<>();
    for (Step s : fresh.steps()) {
      StepState st = states[s.index()];
      Long id = st == StepState.DONE && ids[s.index()] > 0 ? ids[s.index()] : null;
      steps.add(new Step(s.planId(), s.index(), s.label(), s.request(), s.check(), st, 1, null, null, null, id, null,
          null, null, null, s.assertion()));
    }
    return new Plan(fresh.id(), fresh.kind(), fresh.slackUserId(), fresh.syncroUserId(), fresh.syncroUserName(),
        fresh.channelId(), fresh.ticket(), fresh.title(), state, fresh.createdAt(), fresh.expiresAt(), T0, T0, null,
        null, null, steps);
  }

  @Test
  void invoiceRefused_followUpCarriesInvoiceCheckAndStatus_checkReadsTheNewInvoice() {
    Plan failed = billing(PlanState.FAILED, StepState.DONE, StepState.DONE, StepState.FAILED, StepState.PENDING,
        StepState.PENDING);
    assertThat(FollowUp.refusal(failed)).isEmpty();

    Plan followUp = FollowUp.remaining(failed, Plans.base(Plans.OWNER).kind("bill-finish").title("Finish"))
        .build(T0, Plans.TTL);

    assertThat(followUp.steps()).extracting(Step::label)
        .containsExactly("Create invoice", "Check the invoice total is $112.50", "Set status Invoiced");
    Assertion.InvoiceTotal check = (Assertion.InvoiceTotal) followUp.step(1).assertion();
    assertThat(check.invoice()).isEqualTo("{{step:0}}");
    assertThat(check.expectedTotal()).isEqualTo(Money.parse("112.50"));
    assertThat(followUp.step(0).check()).isEqualTo(new Check.InvoiceForTicket(TICKET, List.of(40L)));
  }

  @Test
  void statusRefusedAfterTheInvoice_carriedCheckReadsTheInvoiceThatWasMade() {
    Plan failed = billing(PlanState.FAILED, StepState.DONE, StepState.DONE, StepState.DONE, StepState.PENDING,
        StepState.FAILED);

    Plan followUp = FollowUp.remaining(failed, Plans.base(Plans.OWNER).kind("bill-finish").title("Finish"))
        .build(T0, Plans.TTL);

    assertThat(followUp.steps()).extracting(Step::label)
        .containsExactly("Check the invoice total is $112.50", "Set status Invoiced");
    assertThat(((Assertion.InvoiceTotal) followUp.step(0).assertion()).invoice()).isEqualTo("67447");
  }

  @Test
  void invoiceCheckFailed_noFollowUp_lookInSyncroFirst() {
    Plan failed = billing(PlanState.FAILED, StepState.DONE, StepState.DONE, StepState.DONE, StepState.FAILED,
        StepState.PENDING);

    assertThat(FollowUp.refusal(failed)).hasValueSatisfying(r -> assertThat(r)
        .contains("found Syncro different from the plan", "look in Syncro first"));
  }
}
