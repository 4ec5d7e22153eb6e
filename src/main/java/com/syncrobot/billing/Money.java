package com.syncrobot.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A non-negative amount of dollars with exactly two decimal places; never a {@code double} (R7).
 * An amount with more decimals is refused, not rounded: rounding is explicit through {@link
 * #rounded(BigDecimal)}, which is half-up to the cent.
 */
public record Money(BigDecimal amount) implements Comparable<Money> {
  public static final Money ZERO = new Money(BigDecimal.ZERO);

  /**
   * Creates an amount.
   *
   * @throws IllegalArgumentException if {@code amount} is negative or has more than two decimals
   */
  public Money {
    Objects.requireNonNull(amount, "amount == null");
    if (amount.signum() < 0) {
      throw new IllegalArgumentException("amount cannot be negative: " + amount.toPlainString());
    }
    if (amount.stripTrailingZeros().scale() > 2) {
      throw new IllegalArgumentException(
          "amount has more than 2 decimal places: " + amount.toPlainString());
    }
    amount = amount.setScale(2, RoundingMode.UNNECESSARY);
  }

  /**
   * Parses a plain decimal amount such as {@code 150.00} or {@code 150}.
   *
   * @throws IllegalArgumentException if {@code text} is not a plain non-negative number with at most
   *     two decimals
   */
  public static Money parse(String text) {
    Objects.requireNonNull(text, "text == null");
    String t = text.strip();
    if (!t.matches("[0-9]{1,9}(\\.[0-9]+)?")) {
      throw new IllegalArgumentException(
          "'" + Texts.clip(t, 20) + "' is not an amount like 150.00 (digits, optional cents, no sign)");
    }
    return new Money(new BigDecimal(t));
  }

  /** Returns {@code exact} rounded half-up to the cent (R7: 49.995 becomes 50.00). */
  public static Money rounded(BigDecimal exact) {
    return new Money(exact.setScale(2, RoundingMode.HALF_UP));
  }

  /** Returns this price times {@code quantity}, rounded half-up to the cent. */
  public Money times(Quantity quantity) {
    return rounded(amount.multiply(quantity.value()));
  }

  public boolean isZero() {
    return amount.signum() == 0;
  }

  @Override
  public int compareTo(Money other) {
    return amount.compareTo(other.amount);
  }

  /** Returns the amount with its two decimals, e.g. {@code 150.00}. */
  @Override
  public String toString() {
    return amount.toPlainString();
  }
}
