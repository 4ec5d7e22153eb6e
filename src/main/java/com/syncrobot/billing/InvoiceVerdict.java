package com.syncrobot.billing;

import com.syncrobot.syncro.Invoice;
import com.syncrobot.syncro.LineItem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * What the invoice Syncro holds says about a billing (R9, R10): it matches, it is a prepaid
 * customer's legitimate $0.00, it is the $0.00 of lines sent without a price (which has a recovery
 * plan), or it is something else, reported and never fixed automatically.
 */
public sealed interface InvoiceVerdict
    permits InvoiceVerdict.Matches,
    InvoiceVerdict.PrepaidZeroOk,
    InvoiceVerdict.ZeroNeedsRecovery,
    InvoiceVerdict.Mismatch {

  /** Returns whether the billing may be reported as done (the ticket may be set to Invoiced). */
  default boolean success() {
    return this instanceof Matches || this instanceof PrepaidZeroOk;
  }

  /** Returns the verdict in plain words for the technician. */
  String explanation();

  /**
   * Judges the invoice read back with {@code GET /invoices/{id}} against the expected total.
   *
   * @param ticketLineItems the ticket's line items read after invoicing (the R10 test is whether they
   *     went in without {@code price_retail})
   * @param prepayBefore the customer's {@code prepay_hours} read before billing; null when none
   * @param prepayAfter the customer's {@code prepay_hours} read after invoicing; null when none
   * @param quantity the quantity of the billed line, by which a prepaid block must have dropped
   */
  static InvoiceVerdict judge(
      Money expectedTotal,
      Invoice invoice,
      List<LineItem> ticketLineItems,
      @Nullable BigDecimal prepayBefore,
      @Nullable BigDecimal prepayAfter,
      Quantity quantity) {
    Objects.requireNonNull(expectedTotal, "expectedTotal == null");
    Objects.requireNonNull(invoice, "invoice == null");
    Objects.requireNonNull(ticketLineItems, "ticketLineItems == null");
    Objects.requireNonNull(quantity, "quantity == null");
    String name = "invoice " + (invoice.number() != null ? invoice.number() : "id " + invoice.id());
    BigDecimal actual = invoice.total();
    if (actual == null) {
      return new Mismatch(expectedTotal, null, invoice.id(), name + " shows no total; expected " + expectedTotal
          + ". Check it in Syncro; nothing was changed.");
    }
    if (actual.compareTo(expectedTotal.amount()) == 0) {
      return new Matches(expectedTotal, invoice.id(), name + " total " + expectedTotal + " is what was billed.");
    }
    if (actual.signum() == 0) {
      if (prepayBefore != null && prepayAfter != null) {
        BigDecimal drop = prepayBefore.subtract(prepayAfter);
        if (drop.compareTo(quantity.value()) == 0) {
          return new PrepaidZeroOk(expectedTotal, invoice.id(), prepayBefore, prepayAfter, quantity, name
              + " is $0.00 because the customer's prepaid block paid for it: their prepaid hours went from "
              + prepayBefore.toPlainString() + " to " + prepayAfter.toPlainString() + ", down by the line's "
              + quantity + " h. That is correct: prepaid work invoices at $0.00.");
        }
        if (drop.signum() != 0) {
          return new Mismatch(expectedTotal, actual, invoice.id(),
              name + " is $0.00 and the customer's prepaid hours went from "
                  + prepayBefore.toPlainString() + " to " + prepayAfter.toPlainString() + ", down by "
                  + drop.toPlainString() + " h, not by the line's " + quantity + " h; expected " + expectedTotal
                  + ". Check the invoice and the prepaid block in Syncro; nothing was changed.");
        }
      }
      List<UnpricedLine> unpriced = new ArrayList<>();
      for (LineItem li : ticketLineItems) {
        boolean noPrice = li.priceRetail() == null || li.priceRetail().signum() == 0;
        boolean thisInvoice = li.invoiceId() == null || li.invoiceId() == invoice.id();
        if (noPrice && thisInvoice) {
          unpriced.add(new UnpricedLine(li.id(), li.name(), li.productId()));
        }
      }
      if (!unpriced.isEmpty()) {
        String ids = unpriced.stream().map(u -> Long.toString(u.lineItemId())).collect(Collectors.joining(", "));
        return new ZeroNeedsRecovery(expectedTotal, invoice.id(), invoice.number(), unpriced, name
            + " is $0.00 instead of " + expectedTotal + " because line item(s) " + ids
            + " went in without a price. The repair: price line(s) " + ids + " from the rate table, delete " + name
            + " and read it back to be sure it is gone, then create the invoice again.");
      }
      return new Mismatch(expectedTotal, actual, invoice.id(), name + " is $0.00 instead of " + expectedTotal
          + ", but every line item has a price and no prepaid block paid for it, so repricing the lines would not"
          + " fix it."
          + " Check it in Syncro; nothing was changed.");
    }
    return new Mismatch(expectedTotal, actual, invoice.id(), name + " total is " + actual.toPlainString()
        + ", expected " + expectedTotal + " (" + (actual.compareTo(expectedTotal.amount()) > 0 ? "over" : "under")
        + " by " + actual.subtract(expectedTotal.amount()).abs().toPlainString()
        + "). Check it in Syncro; nothing was changed.");
  }

  /** The invoice total equals the expected total. */
  record Matches(Money expectedTotal, long invoiceId, String explanation) implements InvoiceVerdict {
    public Matches {
      Objects.requireNonNull(expectedTotal, "expectedTotal == null");
      Objects.requireNonNull(explanation, "explanation == null");
    }
  }

  /** A $0.00 invoice for a prepaid customer whose block dropped by exactly the quantity: success (R10). */
  record PrepaidZeroOk(
      Money expectedTotal, long invoiceId, BigDecimal prepayBefore, BigDecimal prepayAfter, Quantity quantity,
      String explanation) implements InvoiceVerdict {
    public PrepaidZeroOk {
      Objects.requireNonNull(expectedTotal, "expectedTotal == null");
      Objects.requireNonNull(prepayBefore, "prepayBefore == null");
      Objects.requireNonNull(prepayAfter, "prepayAfter == null");
      Objects.requireNonNull(quantity, "quantity == null");
      Objects.requireNonNull(explanation, "explanation == null");
    }
  }

  /**
   * A $0.00 invoice because lines went in without a price: fix the lines' {@code price_retail} with
   * {@code update_line_item}, delete the invoice (GET to confirm), create it again (R10). The caller
   * prices each line from the rate table and shows this as a plan of its own first (R1).
   */
  record ZeroNeedsRecovery(
      Money expectedTotal, long invoiceId, @Nullable String invoiceNumber, List<UnpricedLine> linesToFix,
      String explanation) implements InvoiceVerdict {
    public ZeroNeedsRecovery {
      Objects.requireNonNull(expectedTotal, "expectedTotal == null");
      Objects.requireNonNull(explanation, "explanation == null");
      linesToFix = List.copyOf(linesToFix);
      if (linesToFix.isEmpty()) {
        throw new IllegalArgumentException("a $0 recovery needs at least one line to fix");
      }
    }
  }

  /** Anything else: expected and actual are shown, nothing is fixed automatically. */
  record Mismatch(Money expectedTotal, @Nullable BigDecimal actualTotal, long invoiceId, String explanation)
      implements InvoiceVerdict {
    public Mismatch {
      Objects.requireNonNull(expectedTotal, "expectedTotal == null");
      Objects.requireNonNull(explanation, "explanation == null");
    }
  }

  /** A ticket line item that has no {@code price_retail}. */
  record UnpricedLine(long lineItemId, String name, @Nullable Long productId) {
    public UnpricedLine {
      Objects.requireNonNull(name, "name == null");
    }
  }
}
