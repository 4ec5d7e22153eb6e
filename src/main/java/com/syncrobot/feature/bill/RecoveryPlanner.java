package com.syncrobot.feature.bill;

import com.syncrobot.slack.SafeLog;
import com.syncrobot.slack.UserMessages;
import com.syncrobot.slack.blocks.Mrkdwn;
import com.syncrobot.slack.blocks.Reply;
import com.syncrobot.slack.plan.PlanPreview;
import com.syncrobot.slack.plan.PlanRequests;
import com.syncrobot.slack.plan.PreviewData;
import com.syncrobot.slack.plan.TicketSteps;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.syncrobot.billing.InvoiceVerdict;
import com.syncrobot.billing.Money;
import com.syncrobot.billing.Quantity;
import com.syncrobot.billing.Rate;
import com.syncrobot.billing.RateTable;
import com.syncrobot.store.RateStore;
import com.syncrobot.syncro.Customer;
import com.syncrobot.syncro.Invoice;
import com.syncrobot.syncro.SyncroApi;
import com.syncrobot.syncro.SyncroException;
import com.syncrobot.syncro.SyncroNotFoundException;
import com.syncrobot.syncro.SyncroWrite;
import com.syncrobot.syncro.Ticket;
import com.syncrobot.write.Assertion;
import com.syncrobot.write.Check;
import com.syncrobot.write.Plan;
import com.syncrobot.write.PlanState;
import com.syncrobot.write.PlanStore;
import com.syncrobot.write.Step;
import com.syncrobot.write.StepState;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.JdbiException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The R10 repair of a billing that stopped on a $0.00 invoice of lines sent without a price, as a plan
 * of its own that the technician previews and confirms like any other (R1): {@code update_line_item}
 * with the rate table's {@code price_retail} for each unpriced line, {@code DELETE} the bad invoice and
 * read it back gone (Syncro answers 200 even when a delete failed), a new invoice, its total read back,
 * status Invoiced. Everything is read fresh and judged again first, and the repair itself starts by
 * reading the invoice again, so one confirmed late stops before deleting an invoice fixed by hand; a
 * prepaid customer's legitimate $0.00 never gets here. At most one repair exists per billing: its id
 * derives from the billing's.
 * Thread-safe.
 */
public final class RecoveryPlanner {
  private static final Logger log = LoggerFactory.getLogger(RecoveryPlanner.class);
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  static final String KIND = "bill_recovery";

  private final PlanStore store;
  private final Function<String, Optional<SyncroApi>> apis;
  private final RateStore rates;
  private final Clock clock;
  private final Duration ttl;

  public RecoveryPlanner(PlanStore store, Function<String, Optional<SyncroApi>> apis, RateStore rates, Clock clock,
      Duration ttl) {
    this.store = store;
    this.apis = apis;
    this.rates = rates;
    this.clock = clock;
    this.ttl = ttl;
  }

  static String repairId(Plan billing) {
    return billing.id() + "-r10";
  }

  /**
   * Returns the repair's preview for a billing in NEEDS_RECOVERY, making and storing the repair plan
   * the first time; or a message saying why there is none. Never throws.
   */
  public Reply offer(Plan billing) {
    try {
      Optional<Plan> existing = store.find(repairId(billing));
      if (existing.isPresent()) {
        return PlanPreview.render(existing.get(), null);
      }
      Plan plan = make(billing);
      try {
        store.create(plan);
      } catch (JdbiException e) {
        // made at the same moment by the automatic offer and a click: show the one that was stored
        return store.find(plan.id()).map(p -> PlanPreview.render(p, null)).orElseThrow(() -> e);
      }
      log.info("offered repair {} for billing {}", plan.id(), billing.id());
      return PlanPreview.render(plan, null);
    } catch (PlanRequests.Refusal r) {
      return Reply.of(r.getMessage());
    } catch (SyncroException e) {
      log.info("preparing the repair of {} failed: {}", billing.id(), SafeLog.describe(e));
      return Reply.of("Could not prepare the repair of the $0.00 invoice: " + UserMessages.forSyncro(e,
          "Syncro no longer has that invoice or ticket.") + " Press *Prepare the repair* to try again.");
    } catch (RuntimeException e) {
      log.error("preparing the repair of {} failed: {}", billing.id(), SafeLog.describe(e));
      return Reply.of(UserMessages.INTERNAL);
    }
  }

  private Plan make(Plan billing) {
    if (billing.state() != PlanState.NEEDS_RECOVERY || billing.ticket() == null) {
      throw new PlanRequests.Refusal("That billing does not need a repair.");
    }
    Step read = billing.steps().stream()
        .filter(s -> s.assertion() instanceof Assertion.InvoiceTotal && s.state() == StepState.FAILED)
        .findFirst().orElseThrow(() -> new PlanRequests.Refusal("That billing has no failed invoice check."));
    Assertion.InvoiceTotal assertion = (Assertion.InvoiceTotal) read.assertion();
    long invoiceId = invoiceId(billing, assertion);
    SyncroApi api = apis.apply(billing.slackUserId()).orElseThrow(() -> new PlanRequests.Refusal(
        UserMessages.NOT_CONNECTED));
    Ticket ticket = api.ticket(billing.ticket().id());
    if (ticket.customerId() == null) {
      throw new PlanRequests.Refusal("Ticket #" + ticket.number().value() + " has no customer any more; repair the"
          + " invoice in Syncro's web UI.");
    }
    Invoice invoice;
    try {
      invoice = api.invoice(invoiceId);
    } catch (SyncroNotFoundException e) {
      throw new PlanRequests.Refusal("The $0.00 invoice (id " + invoiceId + ") is no longer in Syncro; nothing to"
          + " repair. Check the ticket before billing again.");
    }
    Customer customer = api.customer(ticket.customerId());
    BigDecimal prepayAfter = assertion.prepayBefore() == null ? null
        : (customer.prepayHours() == null ? BigDecimal.ZERO : customer.prepayHours());
    // Judged again on fresh data: someone may have fixed it by hand since
    InvoiceVerdict verdict = InvoiceVerdict.judge(assertion.expectedTotal(), invoice, ticket.lineItems(),
        assertion.prepayBefore(), prepayAfter, assertion.quantity());
    if (!(verdict instanceof InvoiceVerdict.ZeroNeedsRecovery zero)) {
      throw new PlanRequests.Refusal("No repair offered: " + Mrkdwn.escape(verdict.explanation()));
    }
    RateTable table = rates.current();
    List<PreviewData.Field> shown = new ArrayList<>();
    List<Fix> fixes = new ArrayList<>();
    Long ours = billing.steps().stream().filter(s -> s.check() instanceof Check.LineItemExists)
        .map(Step::resultId).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    // The billing counted its own line at its price but other unpriced lines at 0: once priced they add to it
    BigDecimal expected = assertion.expectedTotal().amount();
    for (InvoiceVerdict.UnpricedLine line : zero.linesToFix()) {
      Optional<Rate> rate = line.productId() == null ? Optional.empty() : table.byProductId(line.productId());
      if (rate.isEmpty()) {
        throw new PlanRequests.Refusal("Line item " + line.lineItemId() + " (" + Mrkdwn.escape(line.name()) + ") has"
            + " product " + line.productId() + ", which is not in the rate table, so the bot cannot price it. Set its"
            + " price in Syncro's web UI, then delete and recreate the invoice there.");
      }
      fixes.add(new Fix(line.lineItemId(), rate.get().priceRetail().amount()));
      if (ours == null || line.lineItemId() != ours) {
        BigDecimal quantity = ticket.lineItems().stream().filter(li -> li.id() == line.lineItemId())
            .map(li -> li.quantity()).findFirst().orElse(BigDecimal.ZERO);
        expected = expected.add(rate.get().priceRetail().times(new Quantity(quantity.signum() > 0
            ? quantity : BigDecimal.ONE)).amount());
      }
      shown.add(new PreviewData.Field("Line item " + line.lineItemId() + " — " + line.name(),
          "price $" + rate.get().priceRetail() + " (the rate table's price for " + rate.get().productName() + ")"));
    }
    Money newTotal = new Money(expected);
    String name = invoice.number() == null ? "id " + invoice.id() : invoice.number();
    List<String> notes = List.of(
        "Invoice " + name + " came out $0.00 because lines had no price. This repair prices the line(s), deletes"
            + " invoice " + name + " (and reads it back to be sure it is gone), creates a new invoice and checks its"
            + " total is $" + newTotal + " before setting the ticket to Invoiced.",
        "The line items stay on the ticket; only the $0.00 invoice is replaced.");
    PreviewData original = PreviewData.fromJson(billing.previewJson(), "/syncro bill " + ticket.number().value());
    PreviewData data = new PreviewData(original.rerun(), null, shown, notes, original.billing());
    List<Long> knownInvoices = api.invoicesForTicket(ticket.id()).stream().map(Invoice::id).toList();

    Plan.Builder b = Plan.builder()
        .id(repairId(billing))
        .kind(KIND)
        .owner(billing.slackUserId(), billing.syncroUserId(), billing.syncroUserName())
        .channel(billing.channelId())
        .ticket(TicketSteps.ref(ticket))
        .title("Repair the $0.00 invoice " + name + " on #" + ticket.number().value())
        .previewJson(data.toJson())
        .responseUrl(billing.responseUrl());
    // A repair confirmed late must not delete an invoice someone has fixed by hand meanwhile
    b.read("Check invoice " + name + " is still $0.00", new Assertion.InvoiceStillZero(invoiceId));
    for (Fix fix : fixes) {
      ObjectNode body = NODES.objectNode();
      body.put("ticket_line_item_id", fix.lineItemId());
      body.put("price_retail", fix.price());
      b.step("Set the price $" + fix.price().toPlainString() + " on line item " + fix.lineItemId(),
          SyncroWrite.put("/tickets/" + ticket.id().value() + "/update_line_item", body, "/ticket_line_item/id"),
          new Check.LineItemPriced(ticket.id(), fix.lineItemId(), fix.price()));
    }
    b.step("Delete the $0.00 invoice " + name, SyncroWrite.delete("/invoices/" + invoiceId),
        new Check.InvoiceDeleted(invoiceId));
    b.read("Check invoice " + name + " is gone", new Assertion.InvoiceGone(invoiceId));
    int invoiceStep = fixes.size() + 3;
    BillPlanner.invoiceSteps(b, ticket, customer, newTotal, assertion.quantity(), knownInvoices, invoiceStep);
    return b.build(clock.instant(), ttl);
  }

  /** Returns the id of the invoice the failed check read: the result of the step its placeholder names. */
  private static long invoiceId(Plan billing, Assertion.InvoiceTotal assertion) {
    String ref = assertion.invoice();
    if (!ref.startsWith("{{")) {
      return Long.parseLong(ref);
    }
    int step = Integer.parseInt(ref.replaceAll("\\D", ""));
    @Nullable Long id = billing.step(step).resultId();
    if (id == null) {
      throw new PlanRequests.Refusal("The billing has no invoice id to repair.");
    }
    return id;
  }

  /** One unpriced line and the rate table's price for it. */
  private record Fix(long lineItemId, BigDecimal price) {}
}
