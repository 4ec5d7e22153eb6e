package com.syncrobot.playground.sandbox.model;

import java.math.BigDecimal;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An invoice line copied from a ticket line item: {@code item} is the product name, {@code name}
 * the description (Syncro's invoice line naming). {@code prepaidHours} is how much of the
 * customer's prepaid block the line used; such a line bills at zero (R10).
 */
public record SandboxInvoiceLine(
    long id,
    long invoiceId,
    @Nullable Long ticketLineItemId,
    @Nullable Long productId,
    String item,
    String name,
    BigDecimal quantity,
    BigDecimal price,
    BigDecimal cost,
    boolean taxable,
    int position,
    BigDecimal prepaidHours) {
  public SandboxInvoiceLine {
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(quantity, "quantity");
    Objects.requireNonNull(price, "price");
    Objects.requireNonNull(cost, "cost");
    Objects.requireNonNull(prepaidHours, "prepaidHours");
  }
}
