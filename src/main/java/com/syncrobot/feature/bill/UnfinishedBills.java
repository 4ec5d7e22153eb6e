package com.syncrobot.feature.bill;

import com.syncrobot.slack.SafeLog;
import com.syncrobot.slack.blocks.Mrkdwn;
import com.syncrobot.slack.plan.PlanPreview;
import com.syncrobot.slack.plan.TicketFinish;
import com.syncrobot.slack.plan.TicketSteps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.syncrobot.billing.Money;
import com.syncrobot.syncro.LineItem;
import com.syncrobot.syncro.Ticket;
import com.syncrobot.write.Check;
import com.syncrobot.write.FollowUp;
import com.syncrobot.write.Plan;
import com.syncrobot.write.PlanStore;
import com.syncrobot.write.Step;
import com.syncrobot.write.StepState;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds a billing of this bot that stopped after its line item went in and before its invoice (Syncro
 * refused the invoice, say): the line stands on the ticket, not invoiced. {@code /syncro bill} names
 * it first, in the form and in the preview's first line, and offers to finish it, so the same work is
 * not billed twice by running the command again. Read from the plan store, then held against the
 * ticket as just read from Syncro (a line invoiced or removed by hand since does not count).
 * Thread-safe.
 */
public final class UnfinishedBills {
  private static final Logger log = LoggerFactory.getLogger(UnfinishedBills.class);
  private static final Set<String> KINDS = Set.of("bill", TicketFinish.BILL_KIND);
  private static final int LOOK_BACK = 20;
  private static final String KEY = "earlierBill";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final PlanStore store;

  public UnfinishedBills(PlanStore store) {
    this.store = store;
  }

  /**
   * The unfinished billing and its line as Syncro holds it now.
   *
   * @param line e.g. {@code 0.75 × Labor - Remote Business at $150.00 = $112.50}
   */
  record Found(Plan plan, String line, String amount) {
    /** Returns the mrkdwn naming it, escaped, for the form and the preview. */
    String named() {
      String when = plan.confirmedAt() == null ? ""
          : ", " + PlanPreview.slackDate(plan.confirmedAt().getEpochSecond());
      String of = plan.ticket() == null ? "" : " of #" + plan.ticket().number().value();
      return "*An earlier bill" + of + " is unfinished:* its line item *"
          + Mrkdwn.escapeAndTruncate(line, 200) + "* is on the ticket, not invoiced (from “"
          + Mrkdwn.escapeAndTruncate(plan.title(), 150) + "”, <@" + plan.slackUserId() + ">" + when
          + "). Not done: " + TicketFinish.remaining(plan) + ".";
    }
  }

  /** Returns the newest unfinished billing on {@code ticket} (read fresh) that can still be finished. */
  Optional<Found> find(Ticket ticket) {
    try {
      for (Plan p : store.stoppedOnTicket(TicketSteps.ref(ticket), LOOK_BACK)) {
        Optional<Found> found = FollowUp.refusal(p).isPresent() ? Optional.empty() : of(p, ticket);
        if (found.isPresent()) {
          return found;
        }
      }
    } catch (RuntimeException e) {
      // the form still opens; billing is previewed and confirmed as always
      log.warn("Looking for an unfinished billing on #{} failed: {}", ticket.number().value(), SafeLog.describe(e));
    }
    return Optional.empty();
  }

  /**
   * Returns whether the store holds a billing of {@code ticket} that may still be unfinished; only then
   * does {@link #find} need the ticket's line items (its detail).
   */
  boolean mayHave(Ticket ticket) {
    try {
      return store.stoppedOnTicket(TicketSteps.ref(ticket), LOOK_BACK).stream()
          .anyMatch(p -> FollowUp.refusal(p).isEmpty() && owesInvoice(p));
    } catch (RuntimeException e) {
      log.warn("Looking for an unfinished billing on #{} failed: {}", ticket.number().value(), SafeLog.describe(e));
      return false;
    }
  }

  /** Returns whether {@code plan} is a billing whose line item went in and whose invoice did not. */
  public static boolean owesInvoice(Plan plan) {
    return KINDS.contains(plan.kind()) && lineId(plan) != null && plan.steps().stream()
        .noneMatch(s -> s.check() instanceof Check.InvoiceForTicket && s.state() == StepState.DONE);
  }

  /**
   * Returns {@code plan} as an unfinished billing when it {@link #owesInvoice owes its invoice} and its
   * line still stands uninvoiced on {@code ticket} as just read (not invoiced or removed by hand since).
   */
  public static Optional<Found> of(Plan plan, Ticket ticket) {
    if (!owesInvoice(plan)) {
      return Optional.empty();
    }
    Long lineId = lineId(plan);
    return ticket.lineItems().stream().filter(li -> li.id() == lineId && !li.invoiced()).findFirst()
        .map(li -> new Found(plan, inWords(li), amount(li)));
  }

  private static @Nullable Long lineId(Plan plan) {
    return plan.steps().stream()
        .filter(s -> s.check() instanceof Check.LineItemExists && s.state() == StepState.DONE)
        .map(Step::resultId).filter(Objects::nonNull).findFirst().orElse(null);
  }

  private static String amount(LineItem li) {
    return li.priceRetail() == null ? "no price" : "$" + Money.rounded(li.priceRetail().multiply(li.quantity()));
  }

  private static String inWords(LineItem li) {
    BigDecimal q = li.quantity().stripTrailingZeros();
    return q.toPlainString() + " × " + li.name() + (li.priceRetail() == null ? " (no price)"
        : " at $" + Money.rounded(li.priceRetail()) + " = " + amount(li));
  }

  // ---- the mark a new billing's preview carries while such a billing is unfinished -----------------

  /** Returns {@code previewJson} with the unfinished billing {@code found} marked on it. */
  static String mark(String previewJson, Found found, @Nullable String bothTotal) {
    try {
      ObjectNode root = (ObjectNode) JSON.readTree(previewJson);
      ObjectNode e = root.putObject(KEY);
      e.put("plan", found.plan().id());
      e.put("text", ":warning: " + found.named() + "\n*Finish the remaining steps* invoices that line alone:"
          + " nothing is billed twice. *Bill new work anyway* is only for other work: it adds the line below and"
          + " the earlier line is invoiced too" + (bothTotal == null ? "" : ", both together ($" + bothTotal + ")")
          + ".");
      return JSON.writeValueAsString(root);
    } catch (IOException | ClassCastException e) {
      throw new IllegalStateException("preview data not readable", e);
    }
  }

  /** The mark on a billing's preview: the unfinished billing's plan id and the escaped mrkdwn naming it. */
  public record Mark(String planId, String text) {
    /** Returns the mark of {@code previewJson}, if any. */
    public static Optional<Mark> of(@Nullable String previewJson) {
      if (previewJson == null || previewJson.isBlank()) {
        return Optional.empty();
      }
      try {
        JsonNode e = JSON.readTree(previewJson).path(KEY);
        return e.path("plan").isTextual() && e.path("text").isTextual()
            ? Optional.of(new Mark(e.path("plan").asText(), e.path("text").asText())) : Optional.empty();
      } catch (IOException e) {
        return Optional.empty();
      }
    }
  }
}
