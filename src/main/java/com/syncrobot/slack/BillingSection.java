package com.syncrobot.slack;

import com.slack.api.model.block.LayoutBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * The money part of a billing preview (R5, R7, R13): product and id, quantity, rate, total exactly
 * as sent, the R5 branch and why, the line description, whether an invoice is made and what it must
 * total, lines already on the ticket that it will include, and the review checklist with corrections.
 */
final class BillingSection {
  private BillingSection() {}

  static List<LayoutBlock> blocks(PreviewData.Billing b) {
    List<LayoutBlock> out = new ArrayList<>();
    out.add(Reply.section("*Line item* `" + Mrkdwn.inCode(b.line(), 300) + "`\n*Product* "
        + Mrkdwn.escapeAndTruncate(b.productName(), 150) + " (" + b.productId() + ") · *Quantity* " + b.quantity()
        + " · *Rate* " + b.rate() + " · *Total* $" + b.total() + " (price_retail sent, taxable false)"));
    out.add(Reply.section("*Rule applied:* " + Mrkdwn.escapeAndTruncate(b.branch(), 100) + " — "
        + Mrkdwn.escapeAndTruncate(b.why(), 1500)));
    out.add(Reply.section("*Line description*\n> " + Mrkdwn.escapeAndTruncate(b.lineDescription(), 1000)));
    StringBuilder invoice = new StringBuilder();
    if (b.invoice()) {
      invoice.append("*Invoice:* yes — created now, then read back and its total checked against *$")
          .append(b.invoiceTotal()).append("*; only then is the ticket set to Invoiced.");
    } else {
      invoice.append("*Invoice:* no — the line stays on the ticket, uninvoiced.");
    }
    if (!b.uninvoiced().isEmpty()) {
      invoice.append("\n*Already on the ticket, not invoiced")
          .append(b.invoice() ? " — these will be invoiced too" : "").append(":*");
      for (String line : b.uninvoiced().stream().limit(10).toList()) {
        invoice.append("\n• ").append(Mrkdwn.escapeAndTruncate(line, 200));
      }
    }
    out.add(Reply.section(invoice.toString()));
    StringBuilder review = new StringBuilder("*Review checklist*");
    for (String c : b.checks()) {
      review.append("\n").append(Mrkdwn.escapeAndTruncate(c, 250));
    }
    if (!b.corrections().isEmpty()) {
      review.append("\n*Corrected:*");
      for (String c : b.corrections()) {
        review.append("\n• ").append(Mrkdwn.escapeAndTruncate(c, 250));
      }
    }
    out.add(Reply.section(review.toString()));
    out.add(PlanPreview.context(Mrkdwn.escapeAndTruncate("Texts " + b.drafting(), 500)));
    return out;
  }
}
