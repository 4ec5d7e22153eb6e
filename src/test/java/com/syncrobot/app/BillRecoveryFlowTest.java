package com.syncrobot.app;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static com.syncrobot.app.BillStubs.INVOICES;
import static com.syncrobot.app.BillStubs.UPDATE_LINE;
import static com.syncrobot.app.WriteFlowHarness.JANE;
import static com.syncrobot.app.WriteFlowHarness.TICKET;
import static com.syncrobot.app.WriteFlowHarness.actionIds;
import static com.syncrobot.app.WriteFlowHarness.actionTs;
import static com.syncrobot.app.WriteFlowHarness.newPath;
import static com.syncrobot.app.WriteFlowHarness.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.syncrobot.write.Assertion;
import com.syncrobot.write.Plan;
import com.syncrobot.write.PlanState;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * R10 end to end: a billing whose lines went in without a price comes out as a $0.00 invoice; the bot
 * stops before "Invoiced", says why, and offers the repair as a plan of its own through the same
 * preview and Confirm: price each line, delete the invoice and read it back gone, invoice again, check
 * the total, Invoiced.
 */
final class BillRecoveryFlowTest {
  @RegisterExtension
  static final WriteFlowHarness bot = WriteFlowHarness.builder().syncroOnWireMock().connect(JANE, "Jane Tech").build();
  final BillStubs billing = new BillStubs(bot);

  /** GET /invoices/{id} shows $0.00 until a DELETE of it arrives, and 404 after. */
  private void zeroInvoiceUntilDeleted(long id) {
    String path = INVOICES + "/" + id;
    bot.syncro.stubFor(get(urlPathEqualTo(path)).inScenario("invoice").whenScenarioStateIs(STARTED)
        .willReturn(okJson("{\"invoice\":{\"id\":" + id + ",\"number\":\"" + id + "\",\"ticket_id\":9001,"
            + "\"total\":\"0.0\",\"line_items\":[]}}")));
    bot.syncro.stubFor(delete(urlPathEqualTo(path)).inScenario("invoice").whenScenarioStateIs(STARTED)
        .willSetStateTo("deleted").willReturn(okJson("{\"message\":\"ok\"}")));
    bot.syncro.stubFor(get(urlPathEqualTo(path)).inScenario("invoice").whenScenarioStateIs("deleted")
        .willReturn(notFound().withHeader("Content-Type", "application/json").withBody("{\"message\":\"Not found\"}")));
  }

  @Test
  void zeroInvoice_stopsBeforeInvoiced_repairConfirmed_eachLinePricedOnce_deleteVerified_oneNewInvoice_R10()
      throws Exception {
    billing.happyPath("null", "0.0");
    // an older uninvoiced line without a price is on the ticket already
    String older = BillStubs.line(300, 26117, "Fee - Travel Time", "1.0", "null", "Trip");
    billing.ticket("In Progress", older, "");
    zeroInvoiceUntilDeleted(67447);
    WriteFlowHarness.Preview p = billing.preview(BillStubs.Form.of("120", "emergency", "Server down at night"));
    assertThat(text(p.message())).contains("2 × Labor - Emergency or After Hours Business at $262.50 = $525.00",
        "1 × Fee - Travel Time @ no price");
    // Syncro dropped the price of the line as it went in (R10's bug): the ticket now shows both lines unpriced
    billing.ticket("In Progress", older + "," + BillStubs.line(301, 26184, "Labor - Emergency or After Hours Business",
        "2.0", "null", "Emergency labour: Server down at night"), "");
    billing.invoicesListed(67447);

    String click = newPath();
    bot.click(JANE, "plan_confirm", p.planId(), click, actionTs());
    Plan stopped = bot.awaitState(p.planId(), PlanState.NEEDS_RECOVERY);
    assertThat(stopped.note()).contains("is $0.00 instead of 525.00");
    JsonNode told = bot.awaitPost(click, "Invoice came out $0.00 because lines had no price");
    assertThat(actionIds(told)).containsExactly("plan_recover", "plan_show_request");
    assertThat(bot.syncro.findAll(putRequestedFor(urlPathEqualTo(TICKET)))).isEmpty();

    JsonNode repair = bot.awaitPost(click, "Repair the $0.00 invoice 67447 on #32203");
    String repairId = WriteFlowHarness.planId(repair);
    assertThat(repairId).isEqualTo(p.planId() + "-r10");
    // the top sentence names every write; the guard reads are said in words (their steps are under Details)
    assertThat(text(repair)).contains("set the price $40.00 on line item 300", "set the price $262.50 on line item 301",
        "delete the $0.00 invoice 67447", "then set status Invoiced", "reads it back to be sure it is gone",
        "checks its total is $565.00");
    // nothing of the repair is sent before its own Confirm (R1)
    assertThat(bot.syncro.findAll(putRequestedFor(urlPathEqualTo(UPDATE_LINE)))).isEmpty();
    assertThat(bot.syncro.findAll(deleteRequestedFor(urlPathEqualTo(INVOICES + "/67447")))).isEmpty();

    billing.updateLineAnswers(301, "262.5");
    billing.invoiceCreates(67448);
    billing.invoiceShows(67448, "565.00");
    String repairClick = newPath();
    bot.click(JANE, "plan_confirm", repairId, repairClick, actionTs());
    Plan repaired = bot.awaitState(repairId, PlanState.DONE);

    List<LoggedRequest> priced = bot.syncro.findAll(putRequestedFor(urlPathEqualTo(UPDATE_LINE)));
    assertThat(priced).extracting(LoggedRequest::getBodyAsString).containsExactlyInAnyOrder(
        "{\"ticket_line_item_id\":300,\"price_retail\":40.00}",
        "{\"ticket_line_item_id\":301,\"price_retail\":262.50}");
    assertThat(bot.syncro.findAll(deleteRequestedFor(urlPathEqualTo(INVOICES + "/67447")))).hasSize(1);
    // the delete is believed only after a GET answered 404
    assertThat(repaired.steps().stream().filter(s -> s.assertion() instanceof Assertion.InvoiceGone).findFirst()
        .orElseThrow().verification()).contains("answers 404");
    assertThat(bot.syncro.findAll(postRequestedFor(urlPathEqualTo(INVOICES)))).hasSize(2);
    assertThat(bot.syncro.findAll(getRequestedFor(urlPathEqualTo(INVOICES + "/67448")))).hasSize(1);
    assertThat(bot.syncro.findAll(putRequestedFor(urlPathEqualTo(TICKET)))).hasSize(1);
    assertThat(text(bot.awaitPost(repairClick, "Done.")))
        .contains("67448|67448> · *Total* $565.00", "is now Invoiced");
    assertThat(WriteFlowHarness.await(billing::channelPosts, l -> !l.isEmpty(), "summary"))
        .singleElement().asString().startsWith("<@" + JANE + "> billed 2 h emergency on <")
        .contains("/tickets/" + WriteFlowHarness.TICKET_ID + "|#32203>, invoice <", "/invoices/67448|67448> $565.00");

    // "Prepare the repair" again shows the same repair: there is never a second one
    bot.click(JANE, "plan_recover", p.planId(), newPath(), actionTs());
    int repairs = bot.db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM plans WHERE kind = 'bill_recovery'")
        .mapTo(Integer.class).one());
    assertThat(repairs).isEqualTo(1);
  }

  @Test
  void repairConfirmedAfterAHandFix_guardReadStops_noPriceChangeNoDeleteNoSecondInvoice_R10() throws Exception {
    billing.happyPath("null", "0.0");
    WriteFlowHarness.Preview p = billing.preview(BillStubs.Form.of("45", "remote", "Swapped the toner"));
    billing.ticket("In Progress", BillStubs.line(301, 1190473, "Labor - Remote Business", "0.75", "null",
        "Remote labour: Swapped the toner"), "");
    String click = newPath();
    bot.click(JANE, "plan_confirm", p.planId(), click, actionTs());
    bot.awaitState(p.planId(), PlanState.NEEDS_RECOVERY);
    String repairId = WriteFlowHarness.planId(bot.awaitPost(click, "Repair the $0.00 invoice 67447"));
    // a technician fixed the invoice in the web UI before the repair was confirmed
    billing.invoiceShows(67447, "112.50");
    bot.click(JANE, "plan_confirm", repairId, newPath(), actionTs());
    Plan failed = bot.awaitState(repairId, PlanState.FAILED);
    assertThat(failed.note()).contains("invoice 67447 now totals 112.50, not $0.00", "stops before changing anything");
    assertThat(bot.syncro.findAll(putRequestedFor(urlPathEqualTo(UPDATE_LINE)))).isEmpty();
    assertThat(bot.syncro.findAll(deleteRequestedFor(urlPathEqualTo(INVOICES + "/67447")))).isEmpty();
    assertThat(bot.syncro.findAll(postRequestedFor(urlPathEqualTo(INVOICES)))).hasSize(1);
    assertThat(bot.syncro.findAll(putRequestedFor(urlPathEqualTo(TICKET)))).isEmpty();
  }
}
