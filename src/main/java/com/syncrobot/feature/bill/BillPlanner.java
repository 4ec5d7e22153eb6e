package com.syncrobot.feature.bill;

import com.syncrobot.feature.comment.CommentModal;
import com.syncrobot.slack.plan.PlanRequests;
import com.syncrobot.slack.plan.PreviewData;
import com.syncrobot.slack.plan.TicketSteps;
import com.syncrobot.slack.plan.VisibilityText;

import com.syncrobot.billing.BillingCalculator;
import com.syncrobot.billing.BillingLine;
import com.syncrobot.billing.BillingPlan;
import com.syncrobot.billing.DraftedTexts;
import com.syncrobot.billing.LabourType;
import com.syncrobot.billing.Minutes;
import com.syncrobot.billing.Money;
import com.syncrobot.billing.Quantity;
import com.syncrobot.billing.RateTable;
import com.syncrobot.billing.ReviewChecklist;
import com.syncrobot.billing.ReviewResult;
import com.syncrobot.draft.BillingContext;
import com.syncrobot.draft.BillingDrafter;
import com.syncrobot.store.ConnectedUser;
import com.syncrobot.store.RateStore;
import com.syncrobot.syncro.Customer;
import com.syncrobot.syncro.Invoice;
import com.syncrobot.syncro.LineItem;
import com.syncrobot.syncro.SyncroApi;
import com.syncrobot.syncro.SyncroWrites;
import com.syncrobot.syncro.Ticket;
import com.syncrobot.syncro.TicketTimer;
import com.syncrobot.text.CommentHtml;
import com.syncrobot.write.Assertion;
import com.syncrobot.write.Check;
import com.syncrobot.write.Plan;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Builds the billing plans from a submitted modal, off Slack's thread (R4–R10, R12, R13): reads the
 * ticket detail and the customer's {@code prepay_hours} fresh (never cached, R5), computes the line
 * from the rate table, drafts the texts (the model, or the technician's words), runs the review
 * checklist, and lays out comment → line item → invoice → read-back of the total → Invoiced. Also the
 * "log time only" timer entry and the charging of logged timers. Thread-safe.
 */
public record BillPlanner(RateStore rates, BillingDrafter drafter, UnfinishedBills unfinished) {
  /** Plans the billing of {@code ticket}, its detail as just read (every comment and line item on it). */
  Plan bill(CommentModal.Meta m, BillFields f, SyncroApi api, ConnectedUser user, Ticket ticket, Clock clock,
      Duration ttl) {
    if (ticket.customerId() == null) {
      throw new PlanRequests.Refusal("Ticket #" + ticket.number().value() + " has no customer in Syncro, so it cannot"
          + " be billed from here. Nothing was sent.");
    }
    // R5: prepay_hours is read now, for this plan, and never taken from a cache
    Customer customer = api.customer(ticket.customerId());
    RateTable table = rates.current();
    LabourType type = f.labourType();
    Minutes minutes = f.parsedMinutes();
    BillingPlan computed = BillingCalculator.plan(type, minutes, customer.prepayHours(), table,
        type.label() + " labour");
    if (f.timerOnly()) {
      return timerEntry(m, f, api, user, ticket, computed, clock, ttl);
    }
    BillingContext context = new BillingContext(ticket.number(), ticket.subject(), ticket.customerName(),
        user.syncroUserName(), f.work(), type, computed.line().summary());
    DraftedTexts texts = f.draft() ? drafter.draft(context) : BillingDrafter.ownWords(context);
    ReviewResult review = ReviewChecklist.review(texts, computed, table, f.visibility());
    BillingPlan plan = review.plan();
    BillingLine line = plan.line();

    List<LineItem> open = BillModal.uninvoiced(ticket);
    Money invoiceTotal = invoiceTotal(line, open, ticket);
    List<Long> knownLines = ticket.lineItems().stream().map(LineItem::id).toList();
    List<Long> knownInvoices = f.invoice() ? knownInvoices(api, ticket, customer) : List.of();

    String summary = "billed " + amount(plan) + " " + type.key() + " on #" + ticket.number().value();
    PreviewData.Billing billing = new PreviewData.Billing(line.summary(), line.productId(), line.name(),
        line.quantity().toString(), line.priceRetail().toString(), line.total().toString(), plan.branch(),
        plan.explanation(), line.description(), f.invoice(), invoiceTotal.toString(),
        review.checks().stream().map(c -> (c.passed() ? "✓ " : "✗ ") + c.name() + ": " + c.detail()).toList(),
        review.corrections(), open.stream().map(BillModal::describe).toList(),
        f.draft() ? review.texts().note() + (review.texts().byModel() ? "" : ".") : "", summary);
    List<String> notes = new ArrayList<>();
    String warning = BillModal.stateWarning(ticket);
    if (warning != null) {
      notes.add("Warning: " + warning);
    }
    String subject = review.texts().commentSubject();
    String body = review.texts().commentBody();
    String label = "Resolution".equals(subject) ? "Resolution comment"
        : "Resolution comment: " + subject;
    List<PreviewData.Field> shown = List.of(new PreviewData.Field(label, CommentHtml.toText(body)));
    PreviewData data = new PreviewData("/syncro bill " + m.number(), f.visibility(), shown, notes, billing);
    String title = "Bill #" + ticket.number().value() + ": " + amount(plan) + " " + type.key() + ", $" + line.total()
        + (f.invoice() ? " + invoice" : "");
    Plan.Builder b = TicketSteps.start("bill", user, channel(m, user), ticket, title, data, m.planUrl());
    // an unfinished billing's line is on the ticket: the preview names it first and offers to finish it
    unfinished.find(ticket).ifPresent(earlier -> b.previewJson(UnfinishedBills.mark(data.toJson(), earlier,
        f.invoice() ? invoiceTotal.toString() : null)));
    // the detail read above holds every comment of the ticket: none of them is the new one
    TicketSteps.commentStep(b, ticket, ticket.comments(), user, "Post resolution comment ("
        + VisibilityText.label(f.visibility()).toLowerCase(Locale.ROOT) + ")", subject, body, f.visibility());
    b.step("Add line item " + line.quantity() + " × " + line.name() + " at $" + line.priceRetail(),
        SyncroWrites.addLineItem(ticket.id(), line.toRequestBody()),
        new Check.LineItemExists(ticket.id(), line.productId(), line.quantity().value(), line.description(),
            knownLines));
    if (f.invoice()) {
      invoiceSteps(b, ticket, customer, invoiceTotal, line.quantity(), knownInvoices, 2);
    }
    return b.build(clock.instant(), ttl);
  }

  /**
   * Adds invoice → read back its total → status Invoiced (R9); {@code invoiceStep} is the index the
   * invoice POST gets, whose id the read step uses.
   */
  static void invoiceSteps(Plan.Builder b, Ticket ticket, Customer customer, Money invoiceTotal, Quantity quantity,
      List<Long> knownInvoices, int invoiceStep) {
    b.step("Create invoice", SyncroWrites.createInvoice(ticket.id(), customer.id()),
        new Check.InvoiceForTicket(ticket.id(), knownInvoices));
    BigDecimal prepay = customer.hasPrepaidBlock() ? customer.prepayHours() : null;
    b.read("Check the invoice total is $" + invoiceTotal, new Assertion.InvoiceTotal(SyncroWrites.stepId(invoiceStep),
        ticket.id(), customer.id(), invoiceTotal, quantity, prepay));
    TicketSteps.fieldsStep(b, ticket, "Set status Invoiced", Map.of("status", "Invoiced"));
  }

  /**
   * Returns the invoices there before the plan (R2: after a lost answer only an invoice not among them
   * counts as the plan's): the customer's invoices as the customer read just now lists them, which
   * include every invoice of this ticket; the ticket's own list only when the customer's answer has none.
   */
  static List<Long> knownInvoices(SyncroApi api, Ticket ticket, Customer customer) {
    List<Long> listed = customer.invoiceIds();
    return listed != null ? listed : api.invoicesForTicket(ticket.id()).stream().map(Invoice::id).toList();
  }

  /** Returns what the invoice must total: this line plus every uninvoiced line already on the ticket. */
  static Money invoiceTotal(BillingLine line, List<LineItem> open, Ticket ticket) {
    BigDecimal sum = line.total().amount();
    for (LineItem li : open) {
      if (li.priceRetail() == null) {
        continue; // a line without a price adds nothing (and would show up in the R10 check)
      }
      BigDecimal amount = li.priceRetail().multiply(li.quantity());
      if (amount.signum() < 0) {
        throw new PlanRequests.Refusal("An uninvoiced line already on #" + ticket.number().value() + " is negative (a"
            + " discount or credit), so the invoice total cannot be checked here; invoice it in Syncro's web UI."
            + " Nothing was sent.");
      }
      sum = sum.add(Money.rounded(amount).amount());
    }
    return new Money(sum);
  }

  /** Returns e.g. {@code 2 h}, {@code 0.75 h} or {@code 1 trip}. */
  static String amount(BillingPlan plan) {
    if (plan instanceof BillingPlan.PerTrip) {
      return plan.line().quantity() + " trip";
    }
    return Quantity.hours(plan.minutes()) + " h";
  }

  /** "Log time only" (R12): a timer entry of the minutes, ending now, with the labour's product; nothing charged. */
  private Plan timerEntry(CommentModal.Meta m, BillFields f, SyncroApi api, ConnectedUser user, Ticket ticket,
      BillingPlan computed, Clock clock, Duration ttl) {
    Instant end = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    int minutes = computed.minutes().value();
    Instant start = end.minus(Duration.ofMinutes(minutes));
    List<Long> known = api.ticketTimers(ticket.id()).stream().map(TicketTimer::id).toList();
    List<PreviewData.Field> shown = List.of(
        new PreviewData.Field("Timer", minutes + " min of " + computed.line().name() + ", ending now"),
        new PreviewData.Field("Notes", f.work()));
    List<String> notes = List.of("Log time only: nothing is billed, invoiced or commented. Charge it later with"
        + " `/syncro bill " + m.number() + " timers` (charging adds the line item).");
    PreviewData data = new PreviewData("/syncro bill " + m.number(), null, shown, notes);
    Plan.Builder b = TicketSteps.start("timer", user, channel(m, user), ticket,
        "Log " + minutes + " min on #" + ticket.number().value() + " (no charge)", data, m.planUrl());
    b.step("Log a " + minutes + " min timer entry",
        SyncroWrites.addTimerEntry(ticket.id(), start, end, minutes, computed.line().productId(), f.work(),
            user.syncroUserId()),
        new Check.TimerExists(ticket.id(), known, minutes, computed.line().productId(), f.work()));
    return b.build(clock.instant(), ttl);
  }

  /** Charges the chosen timers that are still uncharged, one step each (R12). */
  Plan chargeTimers(CommentModal.Meta m, List<Long> chosen, SyncroApi api, ConnectedUser user, Ticket found,
      Clock clock, Duration ttl) {
    Set<Long> wanted = Set.copyOf(chosen);
    List<TicketTimer> timers = api.ticketTimers(found.id()).stream().filter(t -> wanted.contains(t.id())).toList();
    List<TicketTimer> charge = timers.stream().filter(t -> !t.recorded()).toList();
    if (charge.isEmpty()) {
      throw new PlanRequests.Refusal("None of the chosen timers on #" + found.number().value() + " is still uncharged;"
          + " nothing was sent.");
    }
    List<String> notes = new ArrayList<>();
    notes.add("Charging a timer adds a line item from the timer's product; Syncro may leave its price"
        + " empty, so check the line's price on the ticket afterwards.");
    List<Long> gone = chosen.stream().filter(id -> charge.stream().noneMatch(t -> t.id() == id)).toList();
    if (!gone.isEmpty()) {
      notes.add("Left out (already charged or no longer on the ticket): timer(s) "
          + gone.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ".");
    }
    List<PreviewData.Field> shown = charge.stream().map(t -> new PreviewData.Field(BillModal.timerText(t),
        (t.notes() == null ? "(no notes)" : t.notes())))
        .toList();
    PreviewData data = new PreviewData("/syncro bill " + m.number() + " timers", null, shown, notes);
    Plan.Builder b = TicketSteps.start("charge_timers", user, channel(m, user), found,
        "Charge " + charge.size() + " timer(s) on #" + found.number().value(), data, m.planUrl());
    for (TicketTimer t : charge) {
      b.step("Charge timer " + t.id(), SyncroWrites.chargeTimer(found.id(), t.id()),
          new Check.TimerCharged(found.id(), t.id()));
    }
    return b.build(clock.instant(), ttl);
  }

  private static String channel(CommentModal.Meta m, ConnectedUser user) {
    return m.channelId().isEmpty() ? user.slackUserId() : m.channelId();
  }
}
