package com.syncrobot.syncro;

import java.math.BigDecimal;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A ticket line item ({@code price_retail}) or an invoice line item ({@code price}); quantities and
 * prices keep Syncro's decimal value exactly. A null {@code priceRetail} means none was set.
 */
public record LineItem(
    long id,
    String name,
    @Nullable String description,
    BigDecimal quantity,
    @Nullable BigDecimal priceRetail,
    @Nullable Long productId,
    @Nullable Long invoiceId) {
  public LineItem {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(quantity, "quantity");
  }
}
