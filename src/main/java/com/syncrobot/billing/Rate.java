package com.syncrobot.billing;

import java.util.Objects;

/** One row of the rate table: the Syncro product a labour type bills and its price (R6). */
public record Rate(LabourType type, long productId, String productName, Money priceRetail, Unit unit) {

  /**
   * Creates a rate.
   *
   * @throws IllegalArgumentException if the product id is not positive, the name is blank, or onsite
   *     or emergency labour is not counted by the hour (R5 multiplies their hours)
   */
  public Rate {
    Objects.requireNonNull(type, "type == null");
    Objects.requireNonNull(productName, "productName == null");
    Objects.requireNonNull(priceRetail, "priceRetail == null");
    Objects.requireNonNull(unit, "unit == null");
    if (productId <= 0) {
      throw new IllegalArgumentException("product id must be positive, got " + productId);
    }
    productName = productName.strip();
    if (productName.isEmpty()) {
      throw new IllegalArgumentException("product name must not be empty");
    }
    if (unit != Unit.HOUR && (type == LabourType.ONSITE || type == LabourType.EMERGENCY)) {
      throw new IllegalArgumentException(
          type + " labour must be billed by the hour: the emergency rule (R5) works in hours");
    }
  }

  /** Returns e.g. {@code Labor - Remote Business (1190473) at 150.00 per hour}. */
  public String describe() {
    return productName + " (" + productId + ") at " + priceRetail + " per " + unit;
  }
}
