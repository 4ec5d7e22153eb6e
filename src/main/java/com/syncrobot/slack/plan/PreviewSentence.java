package com.syncrobot.slack.plan;

import com.syncrobot.feature.assign.AssignPlans;
import com.syncrobot.slack.blocks.Mrkdwn;

import com.syncrobot.billing.Money;
import com.syncrobot.write.Plan;
import com.syncrobot.write.Step;
import com.syncrobot.write.TicketRef;
import java.util.List;
import java.util.Locale;

/**
 * The one sentence at the top of every plan's message, the only thing a busy technician has to read:
 * the ticket and customer, what will be written, the money in dollars, and whose token sends it. Who
 * sees a comment is said loudly right under it ({@link VisibilityText#loud}). Everything else (the
 * rule applied, every check, the requests) is behind Details. Words only: no rule ids, no API field
 * names.
 */
public final class PreviewSentence {
  private PreviewSentence() {}

  /** Returns the notes shown under the sentence: all but one it already says (who holds a ticket now). */
  static List<String> notesBelow(Plan plan, PreviewData data) {
    return AssignPlans.KIND.equals(plan.kind()) && plan.ticket() != null && !data.notes().isEmpty()
        ? data.notes().subList(1, data.notes().size()) : data.notes();
  }

  /** Returns the sentence as escaped mrkdwn. */
  static String of(Plan plan, PreviewData data) {
    StringBuilder sb = new StringBuilder();
    TicketRef t = plan.ticket();
    if (AssignPlans.KIND.equals(plan.kind()) && t != null) {
      // e.g. "Assign ticket #32203 Printer jam (Acme) to you, Alice Tech. Now: assigned to Dana Kim."
      sb.append("Assign ticket *#").append(t.number().value()).append("* ")
          .append(Mrkdwn.escapeAndTruncate(t.subject(), 120))
          .append(" (*").append(Mrkdwn.escapeAndTruncate(t.customerName(), 100)).append("*) to you, *")
          .append(Mrkdwn.escapeAndTruncate(plan.syncroUserName(), 100)).append("*.");
      if (!data.notes().isEmpty()) {
        sb.append(' ').append(Mrkdwn.escapeAndTruncate(data.notes().get(0), 200));
      }
      return sb.append(" Sent with your Syncro token.").toString();
    }
    PlanMemo x = PlanMemo.of(plan.previewJson());
    if (t != null) {
      sb.append("On *#").append(t.number().value()).append("* ")
          .append(Mrkdwn.escapeAndTruncate(t.subject(), 120))
          .append(" for *").append(Mrkdwn.escapeAndTruncate(t.customerName(), 100)).append("*: ");
    } else if (x.customerName() != null) {
      sb.append("For *").append(Mrkdwn.escapeAndTruncate(x.customerName(), 100)).append("*: ");
    }
    PreviewData.Billing b = data.billing();
    sb.append(b != null && "bill".equals(plan.kind()) ? billing(b) : steps(plan));
    sb.append(". Sent as *").append(Mrkdwn.escapeAndTruncate(plan.syncroUserName(), 100))
        .append("* with your Syncro token.");
    return sb.toString();
  }

  /** E.g. "bill *0.75 h remote labour × $150.00 = $112.50*, invoice it and set the ticket to Invoiced". */
  static String billing(PreviewData.Billing b) {
    String line = "bill *" + b.quantity() + " × " + Mrkdwn.escapeAndTruncate(b.productName(), 80) + " at "
        + dollars(b.rate()) + " = " + dollars(b.total()) + "*";
    if (!b.invoice()) {
      return line + ", no invoice yet (the line stays on the ticket)";
    }
    String others = b.uninvoiced().isEmpty() ? ""
        : " with the " + b.uninvoiced().size() + " earlier uninvoiced line" + (b.uninvoiced().size() == 1 ? "" : "s");
    return line + ", then invoice it" + others + " for *" + dollars(b.invoiceTotal())
        + "* and set the ticket to Invoiced";
  }

  /** The write steps in words, e.g. "post internal note, then set status Resolved". */
  private static String steps(Plan plan) {
    List<String> labels = plan.steps().stream().filter(s -> !s.isRead()).map(Step::label)
        .map(l -> Mrkdwn.escapeAndTruncate(lower(l), 150)).toList();
    if (labels.isEmpty()) {
      return Mrkdwn.escapeAndTruncate(plan.title(), 200);
    }
    if (labels.size() == 1) {
      return labels.get(0);
    }
    return String.join(", ", labels.subList(0, labels.size() - 1)) + ", then " + labels.get(labels.size() - 1);
  }

  private static String lower(String label) {
    return label.isEmpty() ? label : label.substring(0, 1).toLowerCase(Locale.ROOT) + label.substring(1);
  }

  /** Dollar amounts for people: "$112.50" from "112.50"; text that is not an amount is left as it is. */
  public static String dollars(String amount) {
    String a = amount.strip();
    try {
      return "$" + Money.parse(a.startsWith("$") ? a.substring(1) : a);
    } catch (IllegalArgumentException e) {
      return a;
    }
  }
}
