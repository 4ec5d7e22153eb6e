package com.syncrobot.syncro;

import java.math.BigDecimal;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A product (labour products included) with its live retail price. */
public record Product(
    long id,
    String name,
    @Nullable BigDecimal priceRetail,
    @Nullable BigDecimal priceCost,
    @Nullable String description,
    @Nullable String productCategory,
    boolean taxable,
    boolean disabled) {
  public Product {
    Objects.requireNonNull(name, "name");
  }
}
