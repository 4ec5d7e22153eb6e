package com.syncrobot.feature.bill;

import com.syncrobot.slack.blocks.Mrkdwn;
import com.syncrobot.slack.plan.PreviewData;
import com.syncrobot.slack.plan.TicketFinish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.syncrobot.write.Assertion;
import com.syncrobot.write.Plan;
import com.syncrobot.write.Step;
import com.syncrobot.write.StepState;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a finished billing says: the invoice number and total read back from Syncro, links to the
 * invoice and the ticket in Syncro's web UI, and the short public summary for the channel ("@jane billed 2 h
 * emergency on #32203, invoice 67447 $525.00"), which never holds the comment text.
 */
public final class BillResult {
  private static final ObjectMapper JSON = new ObjectMapper();

  private BillResult() {}

  /** The invoice as the plan's read step found it. */
  record Invoiced(long id, String number, String total, String verdict) {}

  static boolean isBilling(Plan plan) {
    String kind = TicketFinish.baseKind(plan);
    return "bill".equals(kind) || RecoveryPlanner.KIND.equals(kind);
  }

  /** Returns the invoice the last passed total check read, if the plan made one. */
  static Optional<Invoiced> invoiced(Plan plan) {
    Invoiced found = null;
    for (Step s : plan.steps()) {
      if (s.assertion() instanceof Assertion.InvoiceTotal && s.state() == StepState.DONE && s.resultBody() != null) {
        try {
          JsonNode n = JSON.readTree(s.resultBody());
          long id = n.path("invoice_id").asLong();
          String total = n.path("total").asText("");
          found = new Invoiced(id, n.path("number").asText(Long.toString(id)),
              total.isEmpty() ? "?" : new BigDecimal(total).setScale(2, RoundingMode.HALF_UP).toPlainString(),
              n.path("verdict").asText(""));
        } catch (Exception e) {
          // a summary that does not parse only costs the links; the plan itself is done
        }
      }
    }
    return Optional.ofNullable(found);
  }

  /** Returns the result lines for the technician (escaped mrkdwn), or null when there is nothing to add. */
  public static @Nullable String result(Plan plan, @Nullable String webUrl) {
    if (!isBilling(plan) || plan.ticket() == null) {
      return null;
    }
    String ticket = link(webUrl, "/tickets/" + plan.ticket().id().value(), "#" + plan.ticket().number().value());
    Optional<Invoiced> inv = invoiced(plan);
    if (inv.isEmpty()) {
      return "*Billed on* " + ticket + " — the line item is on the ticket, not invoiced yet.";
    }
    Invoiced i = inv.get();
    String prepaid = "PREPAID_ZERO_OK".equals(i.verdict())
        ? " — $0.00 because the customer's prepaid block paid for it (its hours went down by the quantity)"
        : " — checked against the expected total";
    return "*Invoice* " + link(webUrl, "/invoices/" + i.id(), Mrkdwn.escape(i.number())) + " · *Total* $" + i.total()
        + prepaid + "\n*Ticket* " + ticket + " is now Invoiced.";
  }

  /**
   * Returns the public one-line summary, who billed first ("<@U1> billed 2 h emergency on #32203, invoice
   * 67447 $525.00") with the ticket and invoice linked to Syncro when {@code webUrl} is known, or null for
   * plans that bill nothing.
   */
  public static @Nullable String summary(Plan plan, @Nullable String webUrl) {
    if (!isBilling(plan)) {
      return null;
    }
    PreviewData.Billing billing = PreviewData.fromJson(plan.previewJson(), "/syncro").billing();
    if (billing == null) {
      return null;
    }
    String text = Mrkdwn.escape(billing.summary());
    if (plan.ticket() != null) {
      String number = "#" + plan.ticket().number().value();
      text = text.replace(number, link(webUrl, "/tickets/" + plan.ticket().id().value(), number));
    }
    Optional<Invoiced> inv = invoiced(plan);
    return "<@" + plan.slackUserId() + "> " + text + inv.map(i -> ", invoice "
        + link(webUrl, "/invoices/" + i.id(), Mrkdwn.escape(i.number())) + " $" + i.total())
        .orElse(" (not invoiced yet)");
  }

  private static String link(@Nullable String webUrl, String path, String label) {
    return webUrl == null ? label : "<" + webUrl + path + "|" + label + ">";
  }
}
