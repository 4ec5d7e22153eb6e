package com.syncrobot.feature.bill;

import com.syncrobot.slack.blocks.Mrkdwn;
import com.syncrobot.slack.blocks.Reply;
import com.syncrobot.slack.plan.PreviewData;
import com.syncrobot.slack.plan.PreviewSentence;

import com.slack.api.model.block.LayoutBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * The money part of a billing message. On the message itself only what a technician needs in five
 * seconds: the review collapsed to one line ("✓ All 10 checks passed", or what was corrected, in words)
 * and, when the language model drafted the texts, that it did. The rest (the line item as sent, why this
 * product and price, the text printed on the invoice, the invoice total and the earlier lines it takes
 * in, every check) is in {@link #details}, behind the Details button.
 */
public final class BillingSection {
  private BillingSection() {}

  /** The blocks on the preview message: the review in one line, then the drafting note when there is one. */
  public static List<LayoutBlock> blocks(PreviewData.Billing b) {
    List<LayoutBlock> out = new ArrayList<>();
    String note = b.drafting() == null || b.drafting().isBlank() ? ""
        : "\n_Texts " + Mrkdwn.escapeAndTruncate(b.drafting(), 300) + "_";
    out.add(Reply.section(checksLine(b) + note));
    if (b.invoice() && !b.uninvoiced().isEmpty()) {
      // money on the same invoice: a line without a price there is worth seeing before Confirm
      StringBuilder also = new StringBuilder("*Also on this invoice:*");
      b.uninvoiced().stream().limit(5).forEach(l -> also.append("\n• ").append(Mrkdwn.escapeAndTruncate(l, 200)));
      if (b.uninvoiced().size() > 5) {
        also.append("\n…and ").append(b.uninvoiced().size() - 5).append(" more under Details");
      }
      out.add(Reply.section(also.toString()));
    }
    if (!note.isEmpty()) {
      // the model wrote the text printed on the invoice, which the customer reads
      out.add(Reply.section("*Text on the invoice line*\n> " + Mrkdwn.escapeAndTruncate(b.lineDescription(), 500)));
    }
    return out;
  }

  /** "✓ All 10 checks passed (…)" or "✗ Corrected before this preview: …" (escaped mrkdwn). */
  static String checksLine(PreviewData.Billing b) {
    long failed = b.checks().stream().filter(c -> c.startsWith("✗")).count();
    if (failed == 0 && b.corrections().isEmpty()) {
      return ":white_check_mark: All " + b.checks().size() + " checks passed: product, price, quantity and total"
          + " match the rate table, and the comment is safe for who sees it.";
    }
    StringBuilder sb = new StringBuilder(":warning: *Corrected before this preview:* ");
    List<String> fixes = b.corrections().isEmpty()
        ? b.checks().stream().filter(c -> c.startsWith("✗")).map(c -> c.substring(1).strip()).toList()
        : b.corrections();
    sb.append(Mrkdwn.escapeAndTruncate(String.join("; ", fixes.stream().limit(3).toList()), 600));
    if (fixes.size() > 3) {
      sb.append(" (and ").append(fixes.size() - 3).append(" more under Details)");
    }
    return sb.append('.').toString();
  }

  /** The full billing, for the Details modal (escaped mrkdwn sections). */
  public static List<String> details(PreviewData.Billing b) {
    List<String> out = new ArrayList<>();
    out.add("*Line item:* " + b.quantity() + " × " + Mrkdwn.escapeAndTruncate(b.productName(), 150) + " (product "
        + b.productId() + ") at " + PreviewSentence.dollars(b.rate()) + " = *" + PreviewSentence.dollars(b.total())
        + "*, not taxed\n*Why this product and price:* " + Mrkdwn.escapeAndTruncate(b.why(), 1500));
    out.add("*Text on the invoice line* (the customer sees it)\n> "
        + Mrkdwn.escapeAndTruncate(b.lineDescription(), 1000));
    StringBuilder invoice = new StringBuilder();
    if (b.invoice()) {
      invoice.append("*Invoice:* created now, then read back; it must total *")
          .append(PreviewSentence.dollars(b.invoiceTotal())).append("* before the ticket is set to Invoiced.");
    } else {
      invoice.append("*Invoice:* none now; the line stays on the ticket, not invoiced.");
    }
    if (!b.uninvoiced().isEmpty()) {
      invoice.append("\n*Already on the ticket, not invoiced")
          .append(b.invoice() ? " (invoiced too)" : "").append(":*");
      for (String line : b.uninvoiced().stream().limit(10).toList()) {
        invoice.append("\n• ").append(Mrkdwn.escapeAndTruncate(line, 200));
      }
    }
    out.add(invoice.toString());
    StringBuilder review = new StringBuilder("*Checks*");
    for (String c : b.checks()) {
      review.append("\n").append(Mrkdwn.escapeAndTruncate(c, 250));
    }
    if (!b.corrections().isEmpty()) {
      review.append("\n*Corrected:*");
      for (String c : b.corrections()) {
        review.append("\n• ").append(Mrkdwn.escapeAndTruncate(c, 250));
      }
    }
    out.add(review.toString());
    return out;
  }
}
