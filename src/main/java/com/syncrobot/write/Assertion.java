package com.syncrobot.write;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.syncrobot.billing.Money;
import com.syncrobot.billing.Quantity;
import com.syncrobot.syncro.CustomerId;
import com.syncrobot.syncro.SyncroPaths;
import com.syncrobot.syncro.TicketId;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What a read step asserts about Syncro after the writes before it (R9, R10). A read step never
 * writes: it is simply read again after a restart or an unanswered GET, never "verified". Stored as
 * JSON with a {@code "type"} field; adding a kind is one record here plus one case in {@code
 * AssertionReader}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public sealed interface Assertion {
  /** An invoice reference: digits, or exactly one {@code {{step:N}}} placeholder. */
  Pattern INVOICE_REF = Pattern.compile("[1-9][0-9]{0,17}|\\{\\{step:\\d{1,4}}}");

  /** Returns the path the step reads (relative to the API base); it may hold {@code {{step:N}}}. */
  @JsonIgnore
  String path();

  /**
   * {@code GET /invoices/{id}} shows {@code .invoice.total} = {@code expectedTotal}, judged by {@link
   * com.syncrobot.billing.InvoiceVerdict}: a match or a prepaid customer's legitimate $0.00 holds; a
   * $0.00 of lines sent without a price asks for the R10 recovery; anything else fails.
   *
   * @param invoice the invoice id, or {@code {{step:N}}} for the id the invoice POST returned
   * @param customer whose {@code prepay_hours} is read again when the invoice comes out $0.00
   * @param quantity the billed quantity, by which a prepaid block must have dropped
   * @param prepayBefore the customer's {@code prepay_hours} read when the plan was made; null when none
   */
  @JsonTypeName("invoice_total")
  record InvoiceTotal(
      String invoice,
      TicketId ticket,
      @Nullable CustomerId customer,
      Money expectedTotal,
      Quantity quantity,
      @Nullable BigDecimal prepayBefore) implements Assertion {
    public InvoiceTotal {
      Objects.requireNonNull(invoice, "invoice == null");
      Objects.requireNonNull(ticket, "ticket == null");
      Objects.requireNonNull(expectedTotal, "expectedTotal == null");
      Objects.requireNonNull(quantity, "quantity == null");
      if (!INVOICE_REF.matcher(invoice).matches()) {
        throw new IllegalArgumentException("invoice must be an id or {{step:N}}, got '" + invoice + "'");
      }
    }

    @Override
    public String path() {
      return SyncroPaths.invoice(invoice);
    }
  }

  /**
   * {@code GET /invoices/{id}} answers 404: the invoice is gone. Syncro's {@code DELETE /invoices/{id}}
   * answers 200 even when the delete failed, so a delete is only believed after this read (R10).
   */
  @JsonTypeName("invoice_gone")
  record InvoiceGone(long invoiceId) implements Assertion {
    public InvoiceGone {
      requirePositive(invoiceId);
    }

    @Override
    public String path() {
      return SyncroPaths.invoice(invoiceId);
    }
  }

  /**
   * {@code GET /invoices/{id}} still shows a total of $0.00: the guard at the start of an R10 repair, so
   * a repair confirmed after someone fixed the invoice by hand stops before changing anything.
   */
  @JsonTypeName("invoice_still_zero")
  record InvoiceStillZero(long invoiceId) implements Assertion {
    public InvoiceStillZero {
      requirePositive(invoiceId);
    }

    @Override
    public String path() {
      return SyncroPaths.invoice(invoiceId);
    }
  }

  private static void requirePositive(long invoiceId) {
    if (invoiceId <= 0) {
      throw new IllegalArgumentException("invoice id must be positive: " + invoiceId);
    }
  }
}
