package com.syncrobot.playground.sandbox.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A ticket line item (a charge). {@code priceRetail} is null when the write never set it, which
 * Syncro shows as $0.00; {@code invoiceId} is set while the line sits on an invoice.
 */
public record SandboxLineItem(
    long id,
    long ticketId,
    @Nullable Long userId,
    @Nullable Long productId,
    String name,
    String description,
    BigDecimal quantity,
    @Nullable BigDecimal priceRetail,
    @Nullable BigDecimal priceCost,
    boolean taxable,
    int position,
    @Nullable Long invoiceId,
    Instant createdAt,
    Instant updatedAt) {
  public SandboxLineItem {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(quantity, "quantity");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /** Returns the price the line bills at: {@code priceRetail}, or zero when it was never set. */
  public BigDecimal effectivePrice() {
    return priceRetail == null ? BigDecimal.ZERO : priceRetail;
  }

  /** Returns whether the line is on an invoice (Syncro's {@code converted}). */
  public boolean converted() {
    return invoiceId != null;
  }

  /** Returns a copy on invoice {@code invoice} (null: back to uninvoiced). */
  public SandboxLineItem onInvoice(@Nullable Long invoice, Instant at) {
    return new SandboxLineItem(id, ticketId, userId, productId, name, description, quantity, priceRetail, priceCost,
        taxable, position, invoice, createdAt, at);
  }
}
