package com.syncrobot.write;

import com.syncrobot.store.Dialect;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.syncrobot.syncro.SyncroApi;
import com.syncrobot.syncro.SyncroToken;
import com.syncrobot.syncro.TicketId;
import com.syncrobot.testkit.Fixtures;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The billing checks that decide a lost answer by reading Syncro: a new line item among the ticket's
 * line items, a new invoice among the ticket's invoices, a deleted invoice, a priced line, a timer
 * (R2). Never a second POST.
 */
@ParameterizedClass
@EnumSource(Dialect.class)
final class BillingChecksTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final TicketId TICKET = new TicketId(Plans.TICKET_ID);

  @AutoClose
  private final Fixture f;
  private BillingStubs billing;
  private final PlanExecutor engine;

  BillingChecksTest(Dialect dialect) {
    this.f = new Fixture(wm, dialect);
    this.engine = f.engine(Runnable::run);
  }

  @BeforeEach
  void setUp() {
    billing = new BillingStubs(wm);
  }

  private static Check.LineItemExists lineCheck(List<Long> known) {
    return new Check.LineItemExists(TICKET, 1190473, new BigDecimal("0.75"), "Replaced the toner", known);
  }

  private Plan linePlan(List<Long> known) {
    return f.stored(Plans.base(Plans.OWNER).kind("bill")
        .step("Add line item", BillingStubs.addLineWrite(), lineCheck(known)).build(Fixture.T0, Plans.TTL));
  }

  @Test
  void addLineItemReset_newLineFound_notTheIdenticalOneThatWasThereBefore_noSecondPost_R2() {
    billing.addLineAnswers(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
    // 300 was on the ticket before the plan (identical, billed earlier); 301 is the one just created.
    billing.ticketWith(BillingStubs.line(300, 1190473, "0.75", "150.0", "Replaced the toner", "null") + ","
        + BillingStubs.line(301, 1190473, "0.75", "150.0", "Replaced the toner", "null"), "");
    Plan plan = linePlan(List.of(300L));

    engine.confirm(plan.id(), Plans.OWNER);

    Plan after = f.plan(plan.id());
    assertThat(after.state()).isEqualTo(PlanState.DONE);
    assertThat(after.step(0).resultId()).isEqualTo(301L);
    assertThat(after.step(0).verification()).contains("line item 301", "is new");
    assertThat(billing.addLinePosts()).isEqualTo(1);
  }

  @Test
  void addLineItemReset_onlyTheEarlierIdenticalLine_absent_waitsForOwner_noResend_R2() {
    billing.addLineAnswers(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
    billing.ticketWith(BillingStubs.line(300, 1190473, "0.75", "150.0", "Replaced the toner", "null") + ","
    // same product and description but another quantity, and an invoiced twin: neither counts
        + BillingStubs.line(302, 1190473, "1.0", "150.0", "Replaced the toner", "null") + ","
        + BillingStubs.line(303, 1190473, "0.75", "150.0", "Replaced the toner", "66"), "");
    Plan plan = linePlan(List.of(300L));

    engine.confirm(plan.id(), Plans.OWNER);
    f.settle();

    Plan after = f.plan(plan.id());
    assertThat(after.state()).isEqualTo(PlanState.NEEDS_DECISION);
    assertThat(after.step(0).state()).isEqualTo(StepState.ABSENT);
    assertThat(after.step(0).verification()).contains("1 identical line(s) were there before and do not count");
    assertThat(billing.addLinePosts()).isEqualTo(1);
  }

  @Test
  void invoicePostReset_newInvoiceListedForTicket_doneWithItsId_noSecondInvoice_R2() {
    billing.invoicePostAnswers(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
    billing.invoicesForTicket(500, 67447);
    Plan plan = f.stored(Plans.base(Plans.OWNER).kind("bill").step("Create invoice", BillingStubs.invoiceWrite(),
        new Check.InvoiceForTicket(TICKET, List.of(500L))).build(Fixture.T0, Plans.TTL));

    engine.confirm(plan.id(), Plans.OWNER);

    Plan after = f.plan(plan.id());
    assertThat(after.state()).isEqualTo(PlanState.DONE);
    assertThat(after.step(0).resultId()).isEqualTo(67447L);
    assertThat(billing.invoicePosts()).isEqualTo(1);
  }

  @Test
  void invoicePostReset_onlyKnownInvoices_absent_oneResendOnOwnersWord_R2() {
    billing.invoicePostAnswers(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
    billing.invoicesForTicket(500);
    Plan plan = f.stored(Plans.base(Plans.OWNER).kind("bill").step("Create invoice", BillingStubs.invoiceWrite(),
        new Check.InvoiceForTicket(TICKET, List.of(500L))).build(Fixture.T0, Plans.TTL));
    engine.confirm(plan.id(), Plans.OWNER);
    f.settle();
    assertThat(f.plan(plan.id()).state()).isEqualTo(PlanState.NEEDS_DECISION);
    assertThat(billing.invoicePosts()).isEqualTo(1);

    billing.invoicePostAnswers(okJson("{\"invoice\":{\"id\":67448,\"number\":\"67448\"}}"));
    assertThat(engine.resend(plan.id(), 0, Plans.OWNER)).isEqualTo(DecisionResult.ACCEPTED);
    assertThat(engine.resend(plan.id(), 0, Plans.OWNER)).isEqualTo(DecisionResult.NOT_APPLICABLE);

    assertThat(f.plan(plan.id()).step(0).resultId()).isEqualTo(67448L);
    assertThat(billing.invoicePosts()).isEqualTo(2);
  }

  @Test
  void invoiceDeleted_found404_absentWhileStillThere() {
    CheckVerifier verifier = new CheckVerifier(Duration.ofMinutes(10));
    SyncroApi api = f.client.as(new SyncroToken(Fixtures.SYNCRO_TOKEN));
    billing.invoiceGone(67447);
    assertThat(verifier.verify(api, new Check.InvoiceDeleted(67447), Fixture.T0)).isInstanceOf(Verdict.Found.class);
    billing.invoiceShows(67447, "0.0");
    assertThat(verifier.verify(api, new Check.InvoiceDeleted(67447), Fixture.T0)).isInstanceOf(Verdict.Absent.class);
  }

  @Test
  void lineItemPriced_comparesPriceRetailAsDecimal() {
    CheckVerifier verifier = new CheckVerifier(Duration.ofMinutes(10));
    SyncroApi api = f.client.as(new SyncroToken(Fixtures.SYNCRO_TOKEN));
    billing.ticketWith(BillingStubs.line(301, 26184, "2.0", "262.5", "Emergency", "null"), "");
    assertThat(verifier.verify(api, new Check.LineItemPriced(TICKET, 301, new BigDecimal("262.50")), Fixture.T0))
        .isInstanceOf(Verdict.Found.class);
    billing.ticketWith(BillingStubs.line(301, 26184, "2.0", "null", "Emergency", "null"), "");
    assertThat(verifier.verify(api, new Check.LineItemPriced(TICKET, 301, new BigDecimal("262.50")), Fixture.T0))
        .isInstanceOf(Verdict.Absent.class);
  }

  @Test
  void timerExists_newTimerWithSameNotes_found_knownOneIgnored_R12() {
    CheckVerifier verifier = new CheckVerifier(Duration.ofMinutes(10));
    SyncroApi api = f.client.as(new SyncroToken(Fixtures.SYNCRO_TOKEN));
    String old = "{\"id\":40,\"notes\":\"Replaced the toner\",\"product_id\":1190473,\"active_duration\":2700,"
        + "\"recorded\":false}";
    String fresh = "{\"id\":41,\"notes\":\"Replaced the toner\",\"product_id\":1190473,\"active_duration\":2700,"
        + "\"recorded\":false}";
    Check.TimerExists check = new Check.TimerExists(TICKET, List.of(40L), 45, 1190473L, "Replaced the toner");
    billing.ticketWith("", old);
    assertThat(verifier.verify(api, check, Fixture.T0)).isInstanceOf(Verdict.Absent.class);
    billing.ticketWith("", old + "," + fresh);
    assertThat(verifier.verify(api, check, Fixture.T0)).isEqualTo(new Verdict.Found(41,
        "timer entry 41 on ticket 9001 is new and has the same notes"));
  }

  @Test
  void timerCharged_recordedTrue_found_R12() {
    CheckVerifier verifier = new CheckVerifier(Duration.ofMinutes(10));
    SyncroApi api = f.client.as(new SyncroToken(Fixtures.SYNCRO_TOKEN));
    billing.ticketWith("", "{\"id\":41,\"recorded\":false}");
    assertThat(verifier.verify(api, new Check.TimerCharged(TICKET, 41), Fixture.T0)).isInstanceOf(Verdict.Absent.class);
    billing.ticketWith("", "{\"id\":41,\"recorded\":true,\"ticket_line_item_id\":900}");
    assertThat(verifier.verify(api, new Check.TimerCharged(TICKET, 41), Fixture.T0).how()).contains("line item 900");
  }
}
