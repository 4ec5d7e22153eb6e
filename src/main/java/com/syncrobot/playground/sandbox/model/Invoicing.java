package com.syncrobot.playground.sandbox.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Builds and deletes invoices the way Syncro's {@code POST /invoices {ticket_id}} does: every
 * ticket line item not yet on an invoice moves onto the new one (timers do not, R12); for a customer
 * with prepaid hours, Labor-category lines debit {@code prepay_hours} by their quantity and bill at
 * $0.00 (R10). A line needing more hours than are left is split: the covered hours at $0.00, the
 * rest at the line's price. Not thread-safe: runs under the store's lock.
 */
public final class Invoicing {
  private static final BigDecimal HUNDRED = new BigDecimal(100);

  private Invoicing() {}

  public static SandboxInvoice create(SandboxData d, long customerId, @Nullable Long ticketId, String category,
      long userId, Instant now, LocalDate today, BigDecimal taxRatePercent) {
    long invoiceId = d.nextInvoiceId++;
    String number = Long.toString(d.nextInvoiceNumber++);
    SandboxCustomer customer = d.customers.get(customerId);
    BigDecimal left = customer == null || customer.prepayHours() == null ? BigDecimal.ZERO : customer.prepayHours();
    BigDecimal used = BigDecimal.ZERO;
    List<SandboxInvoiceLine> lines = new ArrayList<>();
    if (ticketId != null) {
      for (SandboxLineItem li : d.lineItemsOf(ticketId)) {
        if (li.converted()) {
          continue;
        }
        Catalog.Product product = li.productId() == null ? null : d.products.get(li.productId());
        BigDecimal covered = BigDecimal.ZERO;
        BigDecimal remaining = left.subtract(used);
        if (product != null && product.debitsPrepaidHours() && remaining.signum() > 0 && li.quantity().signum() > 0) {
          covered = li.quantity().min(remaining);
          used = used.add(covered);
        }
        if (covered.signum() > 0) {
          lines.add(line(d, invoiceId, li, covered, BigDecimal.ZERO, lines.size() + 1, covered));
        }
        BigDecimal rest = li.quantity().subtract(covered);
        if (rest.signum() != 0 || covered.signum() == 0) {
          lines.add(line(d, invoiceId, li, rest, li.effectivePrice(), lines.size() + 1, BigDecimal.ZERO));
        }
        d.lineItems.put(li.id(), li.onInvoice(invoiceId, now));
      }
    }
    if (customer != null && used.signum() > 0) {
      d.customers.put(customerId, customer.withPrepayHours(left.subtract(used)));
    }
    BigDecimal subtotal = BigDecimal.ZERO;
    BigDecimal taxable = BigDecimal.ZERO;
    for (SandboxInvoiceLine l : lines) {
      BigDecimal amount = l.quantity().multiply(l.price());
      subtotal = subtotal.add(amount);
      if (l.taxable()) {
        taxable = taxable.add(amount);
      }
    }
    subtotal = Decimals.money(subtotal);
    BigDecimal tax = Decimals.money(taxable.multiply(taxRatePercent).divide(HUNDRED));
    SandboxInvoice invoice = new SandboxInvoice(invoiceId, number, customerId, ticketId, category, today, subtotal,
        tax, subtotal.add(tax), userId, now, lines);
    d.invoices.put(invoiceId, invoice);
    return invoice;
  }

  /** Deletes the invoice: its lines go back to uninvoiced and prepaid hours it used are restored. */
  public static boolean delete(SandboxData d, long invoiceId, Instant now) {
    SandboxInvoice invoice = d.invoices.remove(invoiceId);
    if (invoice == null) {
      return false;
    }
    BigDecimal restored = BigDecimal.ZERO;
    for (SandboxInvoiceLine l : invoice.lines()) {
      restored = restored.add(l.prepaidHours());
      SandboxLineItem li = l.ticketLineItemId() == null ? null : d.lineItems.get(l.ticketLineItemId());
      if (li != null && li.invoiceId() != null && li.invoiceId() == invoiceId) {
        d.lineItems.put(li.id(), li.onInvoice(null, now));
      }
    }
    SandboxCustomer c = d.customers.get(invoice.customerId());
    if (c != null && restored.signum() > 0) {
      BigDecimal before = c.prepayHours() == null ? BigDecimal.ZERO : c.prepayHours();
      d.customers.put(c.id(), c.withPrepayHours(before.add(restored)));
    }
    return true;
  }

  private static SandboxInvoiceLine line(SandboxData d, long invoiceId, SandboxLineItem li, BigDecimal quantity,
      BigDecimal price, int position, BigDecimal prepaid) {
    return new SandboxInvoiceLine(d.nextInvoiceLineId++, invoiceId, li.id(), li.productId(), li.name(),
        li.description(), quantity, price, li.priceCost() == null ? BigDecimal.ZERO : li.priceCost(),
        li.taxable(), position, prepaid);
  }
}
