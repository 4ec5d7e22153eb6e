package com.syncrobot.playground.sandbox.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Money and quantity arithmetic and Syncro's (Rails') way of printing decimals. Stateless. */
public final class Decimals {
  private Decimals() {}

  /** Rounds to cents, half up, as an invoice does. */
  public static BigDecimal money(BigDecimal v) {
    return v.setScale(2, RoundingMode.HALF_UP);
  }

  /** Returns {@code v} with trailing zeros dropped but at least one decimal: 150.00 → 150.0, 0.750 → 0.75. */
  public static BigDecimal ruby(BigDecimal v) {
    BigDecimal stripped = v.stripTrailingZeros();
    return stripped.setScale(Math.max(1, stripped.scale()), RoundingMode.UNNECESSARY);
  }

  /** Prints like Rails prints a decimal column: "10.0", "8.5", "112.5". */
  public static String rubyString(BigDecimal v) {
    return ruby(v).toPlainString();
  }
}
