package com.syncrobot.write;

import com.syncrobot.store.Dialect;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.syncrobot.billing.Money;
import com.syncrobot.billing.Quantity;
import com.syncrobot.syncro.CustomerId;
import com.syncrobot.syncro.TicketId;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Read steps: {@code GET /invoices/{{step:N}}} asserts the total (R9) and never writes; a $0.00 invoice
 * of unpriced lines stops the plan for the R10 repair, a prepaid $0.00 goes on, anything else fails
 * with expected vs actual; an unanswered read is read again, and a restart re-reads rather than verifies.
 */
@ParameterizedClass
@EnumSource(Dialect.class)
final class ReadStepTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final TicketId TICKET = new TicketId(Plans.TICKET_ID);
  private static final long INVOICE = 67447;

  @AutoClose
  private final Fixture f;

  ReadStepTest(Dialect dialect) {
    this.f = new Fixture(wm, dialect);
  }
  private BillingStubs billing;

  @BeforeEach
  void setUp() {
    billing = new BillingStubs(wm);
    billing.invoicePostAnswers(okJson("{\"invoice\":{\"id\":" + INVOICE + ",\"number\":\"67447\"}}"));
    f.syncro.statusPutAnswers(okJson(SyncroStubs.ticketJson("Invoiced")));
  }

  /** Invoice → check its total → status Invoiced, as the bill plan ends. */
  private Plan invoicePlan(String expected, String quantity, @Nullable BigDecimal prepayBefore) {
    return f.stored(Plans.base(Plans.OWNER).kind("bill")
        .step("Create invoice", BillingStubs.invoiceWrite(), new Check.InvoiceForTicket(TICKET, List.of()))
        .read("Check the invoice total", new Assertion.InvoiceTotal("{{step:0}}", TICKET,
            new CustomerId(BillingStubs.CUSTOMER_ID), Money.parse(expected), new Quantity(new BigDecimal(quantity)),
            prepayBefore))
        .step("Set status Invoiced", Plans.statusWrite("Invoiced"), Check.TicketFieldsAre.status(TICKET, "Invoiced"))
        .build(Fixture.T0, Plans.TTL));
  }

  @Test
  void totalMatches_readStepDone_statusSetOnce_readNeverWrites_R9() {
    billing.invoiceShows(INVOICE, "112.5");
    Plan plan = invoicePlan("112.50", "0.75", null);

    f.engine(Runnable::run).confirm(plan.id(), Plans.OWNER);

    Plan after = f.plan(plan.id());
    assertThat(after.state()).isEqualTo(PlanState.DONE);
    Step read = after.step(1);
    assertThat(read.isRead()).isTrue();
    assertThat(read.resultId()).isEqualTo(INVOICE);
    assertThat(read.verification()).contains("total 112.50 is what was billed");
    assertThat(read.resultBody()).contains("\"number\":\"67447\"", "\"verdict\":\"MATCHES\"");
    assertThat(billing.invoiceReads(INVOICE)).isEqualTo(1);
    assertThat(f.syncro.statusPuts()).isEqualTo(1);
    // the audit shows the read with its resolved path
    assertThat(f.store.audit(new AuditQuery(null, null, null))).anySatisfy(e -> {
      assertThat(e.method()).isEqualTo("GET");
      assertThat(e.path()).isEqualTo("/invoices/" + INVOICE);
    });
  }

  @Test
  void zeroInvoiceOfUnpricedLine_plansStopsNeedsRecovery_statusNotSent_R10() {
    billing.invoiceShows(INVOICE, "0.0");
    billing.ticketWith(BillingStubs.line(301, 26184, "2.0", "null", "Emergency", "null"), "");
    Plan plan = invoicePlan("525.00", "2", null);

    f.engine(Runnable::run).confirm(plan.id(), Plans.OWNER);

    Plan after = f.plan(plan.id());
    assertThat(after.state()).isEqualTo(PlanState.NEEDS_RECOVERY);
    assertThat(after.finishedAt()).isNotNull();
    assertThat(after.step(1).state()).isEqualTo(StepState.FAILED);
    assertThat(after.step(1).resultBody()).contains("ZERO_NEEDS_RECOVERY");
    assertThat(after.note()).contains("went in without a price", "301", "Nothing after it was sent");
    assertThat(after.step(2).state()).isEqualTo(StepState.PENDING);
    assertThat(f.syncro.statusPuts()).isZero();
    // a repaired plan is a new plan: confirming this one again does nothing
    assertThat(f.engine(Runnable::run).confirm(plan.id(), Plans.OWNER)).isEqualTo(ConfirmResult.ALREADY_DONE);
  }

  @Test
  void prepaidZeroInvoice_blockDroppedByQuantity_success_goesOn_R10() {
    billing.invoiceShows(INVOICE, "0.0");
    billing.ticketWith(BillingStubs.line(301, 26118, "3.0", "175.0", "Emergency", "null"), "");
    billing.customerPrepay("\"7.0\"");
    Plan plan = invoicePlan("525.00", "3", new BigDecimal("10.0"));

    f.engine(Runnable::run).confirm(plan.id(), Plans.OWNER);

    Plan after = f.plan(plan.id());
    assertThat(after.state()).isEqualTo(PlanState.DONE);
    assertThat(after.step(1).resultBody()).contains("PREPAID_ZERO_OK");
    assertThat(f.syncro.statusPuts()).isEqualTo(1);
  }

  @Test
  void otherTotal_failedWithExpectedAndActual_statusNotSent_R9() {
    billing.invoiceShows(INVOICE, "500.0");
    Plan plan = invoicePlan("525.00", "2", null);

    f.engine(Runnable::run).confirm(plan.id(), Plans.OWNER);

    Plan after = f.plan(plan.id());
    assertThat(after.state()).isEqualTo(PlanState.FAILED);
    assertThat(after.note()).contains("total is 500.0, expected 525.00", "under by 25.0");
    assertThat(f.syncro.statusPuts()).isZero();
  }

  @Test
  void readUnanswered_waitsAndReadsAgain_invoicePostedOnce_R2() {
    billing.invoiceAnswers(INVOICE, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
    Plan plan = invoicePlan("112.50", "0.75", null);
    PlanExecutor engine = f.engine(Runnable::run);

    engine.confirm(plan.id(), Plans.OWNER);
    Plan waiting = f.plan(plan.id());
    assertThat(waiting.state()).isEqualTo(PlanState.WAITING);
    assertThat(waiting.step(1).state()).isEqualTo(StepState.PENDING);
    assertThat(waiting.note()).contains("reads again in 1 min");

    billing.invoiceShows(INVOICE, "112.50");
    assertThat(f.scheduler.runDue()).isEqualTo(1);

    Plan after = f.plan(plan.id());
    assertThat(after.state()).isEqualTo(PlanState.DONE);
    assertThat(billing.invoicePosts()).isEqualTo(1);
    assertThat(f.syncro.statusPuts()).isEqualTo(1);
  }

  @Test
  void restartWhileReading_readAgainNotVerified_earlierWriteNotRepeated_R2() {
    billing.invoiceShows(INVOICE, "112.50");
    Plan plan = invoicePlan("112.50", "0.75", null);
    // the first bot dies as it starts to read: the invoice's answer is recorded first, the read is not marked
    PlanExecutor first = f.engine(f.store, Runnable::run, p -> {
      if (p.step(0).state() == StepState.DONE) {
        throw new RestartTest.Killed();
      }
    });
    assertThatThrownBy(() -> first.confirm(plan.id(), Plans.OWNER)).isInstanceOf(RestartTest.Killed.class);
    assertThat(f.plan(plan.id()).step(0).state()).isEqualTo(StepState.DONE);
    assertThat(f.plan(plan.id()).step(1).state()).isEqualTo(StepState.PENDING);
    // as a bot before reads went unmarked recorded a read under way, and died holding the plan
    assertThat(f.store.claim(plan.id(), "runner-dead")).isTrue();
    assertThat(f.store.markReading(f.plan(plan.id()).step(1), "runner-dead", "/invoices/" + INVOICE, Fixture.T0))
        .isTrue();

    // a runner that never beat is gone: the restarted bot takes the plan over at its first heartbeat
    f.engine(f.newStore(), Runnable::run, PlanListener.none()).resume();

    Plan after = f.plan(plan.id());
    assertThat(after.state()).isEqualTo(PlanState.DONE);
    assertThat(after.step(1).verification()).startsWith("asserted: ");
    assertThat(billing.invoicePosts()).isEqualTo(1);
    assertThat(f.syncro.statusPuts()).isEqualTo(1);
  }

  @Test
  void invoiceGone_404holds_stillThereFails_deleteBelievedOnlyAfterTheRead_R10() {
    billing.invoiceDeleteAnswers(INVOICE, okJson("{}"));
    billing.invoiceShows(INVOICE, "0.0");
    Plan plan = f.stored(Plans.base(Plans.OWNER).kind("bill_recovery")
        .step("Delete the $0.00 invoice", com.syncrobot.syncro.SyncroWrite.delete("/invoices/" + INVOICE),
            new Check.InvoiceDeleted(INVOICE))
        .read("Check the invoice is gone", new Assertion.InvoiceGone(INVOICE))
        .step("Create invoice", BillingStubs.invoiceWrite(), new Check.InvoiceForTicket(TICKET, List.of(INVOICE)))
        .build(Fixture.T0, Plans.TTL));

    f.engine(Runnable::run).confirm(plan.id(), Plans.OWNER);

    Plan after = f.plan(plan.id());
    assertThat(after.state()).isEqualTo(PlanState.FAILED);
    assertThat(after.note()).contains("still there after the DELETE");
    assertThat(billing.invoicePosts()).isZero();
  }

  @Test
  void assertionsAndNewChecks_roundTripThroughTheStore() {
    Plan plan = f.stored(Plans.base(Plans.OWNER).kind("bill")
        .step("Add line", BillingStubs.addLineWrite(), new Check.LineItemExists(TICKET, 1190473,
            new BigDecimal("0.75"), "Replaced the toner", List.of(3L, 1L)))
        .step("Create invoice", BillingStubs.invoiceWrite(), new Check.InvoiceForTicket(TICKET, List.of(500L)))
        .read("Check total", new Assertion.InvoiceTotal("{{step:1}}", TICKET, new CustomerId(77), Money.parse("112.50"),
            new Quantity(new BigDecimal("0.75")), new BigDecimal("4.5")))
        .read("Gone", new Assertion.InvoiceGone(12))
        .build(Fixture.T0, Plans.TTL));
    Plan read = f.newStore().find(plan.id()).orElseThrow();
    // (JSON bodies compare by text: an int read back equals the long it was built as only as text)
    assertThat(read.steps().toString()).isEqualTo(plan.steps().toString());
    assertThat(read.step(2).assertion()).isEqualTo(plan.step(2).assertion());
    assertThat(read.step(0).request().body().get("price_retail").decimalValue()).isEqualByComparingTo("150.00");
    assertThat(PlanJson.writeNode(read.step(0).request().body())).contains("\"price_retail\":150.00");
    assertThat(((Check.LineItemExists) read.step(0).check()).knownBefore()).containsExactly(1L, 3L);
    assertThat(read.step(2).path()).isEqualTo("/invoices/{{step:1}}");
    assertThat(read.step(2).method()).isEqualTo("GET");
  }

  @Test
  void readStep_placeholderMustNameAnEarlierStep_andInvoiceRefIsValidated() {
    assertThatThrownBy(() -> Plans.base(Plans.OWNER)
        .read("Check total", new Assertion.InvoiceTotal("{{step:0}}", TICKET, null, Money.parse("1.00"),
            new Quantity(BigDecimal.ONE), null))
        .build(Fixture.T0, Plans.TTL)).hasMessageContaining("not an earlier step");
    assertThatThrownBy(() -> new Assertion.InvoiceTotal("../tickets", TICKET, null, Money.parse("1.00"),
        new Quantity(BigDecimal.ONE), null)).hasMessageContaining("an id or {{step:N}}");
  }

  @Test
  void waitBetweenReads_usesTheBackoff() {
    billing.invoiceAnswers(INVOICE, aResponse().withStatus(503));
    Plan plan = invoicePlan("112.50", "0.75", null);
    f.engine(Runnable::run).confirm(plan.id(), Plans.OWNER);
    assertThat(f.scheduler.delays()).containsExactly(Duration.ofMinutes(1));
    assertThat(f.plan(plan.id()).state()).isEqualTo(PlanState.WAITING);
  }
}
