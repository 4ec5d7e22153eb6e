package com.syncrobot.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A line item quantity: hours with at most four decimals, or trips (R7). The value is kept without
 * trailing zeros, so 120 minutes is {@code 2} and 45 minutes is {@code 0.75}.
 */
public record Quantity(BigDecimal value) {
  public static final int MAX_SCALE = 4;

  private static final BigDecimal SIXTY = BigDecimal.valueOf(60);
  // Hours × 1.5 is minutes ÷ 40; computing it from the minutes keeps 20 min at 0.5, not 0.49995.
  private static final BigDecimal FORTY = BigDecimal.valueOf(40);

  /**
   * Creates a quantity.
   *
   * @throws IllegalArgumentException if {@code value} is not positive or has more than four decimals
   */
  public Quantity {
    Objects.requireNonNull(value, "value == null");
    if (value.signum() <= 0) {
      throw new IllegalArgumentException("quantity must be positive, got " + value.toPlainString());
    }
    BigDecimal s = value.stripTrailingZeros();
    if (s.scale() > MAX_SCALE) {
      throw new IllegalArgumentException(
          "quantity has more than " + MAX_SCALE + " decimal places: " + value.toPlainString());
    }
    value = s.scale() < 0 ? s.setScale(0) : s;
  }

  /** Returns minutes ÷ 60 rounded half-up to four decimals (R7: 45 → 0.75, 20 → 0.3333). */
  public static Quantity hours(Minutes minutes) {
    return new Quantity(
        BigDecimal.valueOf(minutes.value()).divide(SIXTY, MAX_SCALE, RoundingMode.HALF_UP));
  }

  /**
   * Returns hours × 1.5, the quantity of emergency work debited from a prepaid block (R5: 120 → 3),
   * rounded half-up to four decimals.
   */
  public static Quantity prepaidEmergencyHours(Minutes minutes) {
    return new Quantity(
        BigDecimal.valueOf(minutes.value()).divide(FORTY, MAX_SCALE, RoundingMode.HALF_UP));
  }

  /** Returns a quantity of one (one trip). */
  public static Quantity one() {
    return new Quantity(BigDecimal.ONE);
  }

  /** Returns the quantity without trailing zeros, e.g. {@code 0.75} or {@code 2}. */
  @Override
  public String toString() {
    return value.toPlainString();
  }
}
