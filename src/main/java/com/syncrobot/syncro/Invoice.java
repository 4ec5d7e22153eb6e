package com.syncrobot.syncro;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** An invoice; list responses carry no line items, so {@code lineItems} is empty there. */
public record Invoice(
    long id,
    @Nullable String number,
    @Nullable Long ticketId,
    @Nullable CustomerId customerId,
    @Nullable BigDecimal subtotal,
    @Nullable BigDecimal total,
    List<LineItem> lineItems,
    @Nullable BigDecimal tax,
    @Nullable String customerName,
    @Nullable OffsetDateTime date,
    @Nullable OffsetDateTime createdAt) {
  public Invoice {
    lineItems = List.copyOf(lineItems);
  }
}
