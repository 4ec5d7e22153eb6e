package com.syncrobot.write;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.syncrobot.billing.InvoiceVerdict;
import com.syncrobot.syncro.Invoice;
import com.syncrobot.syncro.LineItem;
import com.syncrobot.syncro.SyncroApi;
import com.syncrobot.syncro.SyncroNotFoundException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Reads Syncro to judge a read step's {@link Assertion} (R9, R10). Only GETs: Syncro errors other than
 * "not found" propagate, so the engine can tell "read again later" from "cannot be judged".
 */
final class AssertionReader {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** What a read found. {@code body} is a small JSON summary kept as the step's result. */
  sealed interface Outcome {
    String how();

    String body();

    /** The assertion holds; the plan goes on. */
    record Holds(long resultId, String how, String body) implements Outcome {}

    /** It does not hold, and a follow-up plan can repair it (R10's $0 invoice). */
    record Recover(long resultId, String how, String body) implements Outcome {}

    /** It does not hold; nothing is repaired automatically. */
    record Fails(@Nullable Long resultId, String how, String body) implements Outcome {}
  }

  /**
   * Judges {@code assertion}, whose placeholders {@code path} has resolved already.
   *
   * @param resolvedPath the assertion's path with {@code {{step:N}}} replaced
   */
  Outcome evaluate(SyncroApi api, Assertion assertion, String resolvedPath) {
    Objects.requireNonNull(api, "api == null");
    if (assertion instanceof Assertion.InvoiceTotal t) {
      return invoiceTotal(api, t, idAtEnd(resolvedPath));
    }
    if (assertion instanceof Assertion.InvoiceGone g) {
      return invoiceGone(api, g);
    }
    if (assertion instanceof Assertion.InvoiceStillZero z) {
      return invoiceStillZero(api, z);
    }
    throw new IllegalStateException("no reader for " + assertion.getClass().getName());
  }

  private static Outcome invoiceTotal(SyncroApi api, Assertion.InvoiceTotal t, long invoiceId) {
    Invoice invoice;
    try {
      invoice = api.invoice(invoiceId);
    } catch (SyncroNotFoundException e) {
      return new Outcome.Fails(invoiceId, "GET /invoices/" + invoiceId + " answered 404: the invoice the plan"
          + " created cannot be read back, so its total was not checked", summary(invoiceId, null, null, "NOT_FOUND"));
    }
    BigDecimal total = invoice.total();
    List<LineItem> lines = List.of();
    BigDecimal prepayAfter = null;
    // The extra reads matter only for a $0.00 invoice that should not be $0.00 (R10 tells the cases apart):
    // a prepaid customer's hours first; the ticket's lines only when the block did not move (a block that
    // moved decides the verdict without them).
    if (total != null && total.signum() == 0 && !t.expectedTotal().isZero()) {
      BigDecimal before = t.prepayBefore();
      if (before != null && t.customer() != null) {
        BigDecimal after = api.customer(t.customer()).prepayHours();
        // "0.0" or null both mean the block is used up
        prepayAfter = after == null ? BigDecimal.ZERO : after;
      }
      if (before == null || prepayAfter == null || before.compareTo(prepayAfter) == 0) {
        lines = api.ticket(t.ticket()).lineItems();
      }
    }
    InvoiceVerdict verdict = InvoiceVerdict.judge(t.expectedTotal(), invoice, lines, t.prepayBefore(), prepayAfter,
        t.quantity());
    String body = summary(invoice.id(), invoice.number(), total, kind(verdict));
    if (verdict instanceof InvoiceVerdict.ZeroNeedsRecovery) {
      return new Outcome.Recover(invoice.id(), verdict.explanation(), body);
    }
    if (verdict.success()) {
      return new Outcome.Holds(invoice.id(), verdict.explanation(), body);
    }
    return new Outcome.Fails(invoice.id(), verdict.explanation(), body);
  }

  private static Outcome invoiceGone(SyncroApi api, Assertion.InvoiceGone g) {
    Invoice still;
    try {
      still = api.invoice(g.invoiceId());
    } catch (SyncroNotFoundException e) {
      return new Outcome.Holds(g.invoiceId(), "GET /invoices/" + g.invoiceId() + " answers 404: the invoice is gone",
          summary(g.invoiceId(), null, null, "GONE"));
    }
    return new Outcome.Fails(g.invoiceId(), "invoice " + (still.number() == null ? "id " + still.id() : still.number())
        + " is still there after the DELETE (Syncro answers 200 even when a delete fails); nothing more was sent."
        + " Delete it in Syncro's web UI, or check why it cannot be deleted",
        summary(still.id(), still.number(), still.total(), "STILL_THERE"));
  }

  private static Outcome invoiceStillZero(SyncroApi api, Assertion.InvoiceStillZero z) {
    Invoice invoice;
    try {
      invoice = api.invoice(z.invoiceId());
    } catch (SyncroNotFoundException e) {
      return new Outcome.Fails(z.invoiceId(), "invoice id " + z.invoiceId() + " is no longer in Syncro; the repair"
          + " stops before changing anything", summary(z.invoiceId(), null, null, "GONE"));
    }
    String name = invoice.number() == null ? "id " + invoice.id() : invoice.number();
    BigDecimal total = invoice.total();
    boolean zero = total != null && total.signum() == 0;
    String body = summary(invoice.id(), invoice.number(), total, zero ? "ZERO" : "CHANGED");
    if (zero) {
      return new Outcome.Holds(invoice.id(), "invoice " + name + " still totals $0.00", body);
    }
    return new Outcome.Fails(invoice.id(), "invoice " + name + " now totals " + (total == null ? "nothing"
        : total.toPlainString()) + ", not $0.00: it was changed since the repair was offered, so the repair stops"
        + " before changing anything. Check it in Syncro", body);
  }

  private static String kind(InvoiceVerdict v) {
    if (v instanceof InvoiceVerdict.Matches) {
      return "MATCHES";
    }
    if (v instanceof InvoiceVerdict.PrepaidZeroOk) {
      return "PREPAID_ZERO_OK";
    }
    if (v instanceof InvoiceVerdict.ZeroNeedsRecovery) {
      return "ZERO_NEEDS_RECOVERY";
    }
    return "MISMATCH";
  }

  private static String summary(long id, @Nullable String number, @Nullable BigDecimal total, String verdict) {
    ObjectNode n = NODES.objectNode();
    n.put("invoice_id", id);
    if (number != null) {
      n.put("number", number);
    }
    if (total != null) {
      n.put("total", total.toPlainString());
    }
    n.put("verdict", verdict);
    return n.toString();
  }

  /** Returns the id that ends a resolved path such as {@code /invoices/67447}. */
  static long idAtEnd(String path) {
    int slash = path.lastIndexOf('/');
    String tail = path.substring(slash + 1);
    if (tail.isEmpty() || tail.length() > 18 || !tail.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException("path does not end in an id: " + path);
    }
    return Long.parseLong(tail);
  }
}
