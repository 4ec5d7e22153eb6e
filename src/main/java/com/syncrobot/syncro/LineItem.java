package com.syncrobot.syncro;

import java.math.BigDecimal;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A ticket line item ({@code price_retail}) or an invoice line item ({@code price}); quantities and
 * prices keep Syncro's decimal value exactly. A null {@code priceRetail} means none was set. Ticket
 * line items say they were invoiced with {@code converted}, invoice line items with {@code invoice_id}.
 */
public record LineItem(
    long id,
    String name,
    @Nullable String description,
    BigDecimal quantity,
    @Nullable BigDecimal priceRetail,
    @Nullable Long productId,
    @Nullable Long invoiceId,
    boolean converted) {
  public LineItem {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(quantity, "quantity");
  }

  /** Creates a line item that Syncro has not marked as converted. */
  public LineItem(long id, String name, @Nullable String description, BigDecimal quantity,
      @Nullable BigDecimal priceRetail, @Nullable Long productId, @Nullable Long invoiceId) {
    this(id, name, description, quantity, priceRetail, productId, invoiceId, false);
  }

  /** Returns whether this line is on an invoice already. */
  public boolean invoiced() {
    return converted || invoiceId != null;
  }
}
