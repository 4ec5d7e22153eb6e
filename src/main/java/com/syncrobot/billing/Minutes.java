package com.syncrobot.billing;

import java.math.BigInteger;
import java.util.Objects;
import java.util.regex.Pattern;

/** Whole minutes of work, 1 to 1440 (one day), as the technician typed them (R4, R7). */
public record Minutes(int value) {
  public static final int MAX = 1440;

  private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");
  private static final Pattern DECIMAL = Pattern.compile("[+-]?[0-9]*[.,][0-9]*");

  /**
   * Creates a number of minutes.
   *
   * @throws IllegalArgumentException if {@code value} is not between 1 and 1440
   */
  public Minutes {
    if (value < 1 || value > MAX) {
      throw new IllegalArgumentException("minutes must be 1 to " + MAX + ", got " + value);
    }
  }

  /**
   * Parses whole minutes, e.g. {@code "45"}; each kind of bad input gets its own message for the form.
   *
   * @throws IllegalArgumentException if {@code text} is blank, not a number, not whole, zero,
   *     negative or more than a day
   */
  public static Minutes parse(String text) {
    Objects.requireNonNull(text, "text == null");
    String t = text.strip();
    if (t.isEmpty()) {
      throw new IllegalArgumentException("minutes are required: enter whole minutes, 1 to 1440, e.g. 45");
    }
    String shown = Texts.clip(t, 20);
    if (DECIMAL.matcher(t).matches() && t.chars().anyMatch(Character::isDigit)) {
      throw new IllegalArgumentException("'" + shown + "' is not whole minutes: enter minutes without"
          + " decimals, e.g. 90 for an hour and a half");
    }
    if (!INTEGER.matcher(t).matches()) {
      throw new IllegalArgumentException(
          "'" + shown + "' is not a number of minutes: enter whole minutes, 1 to 1440, e.g. 45");
    }
    BigInteger n = new BigInteger(t);
    if (n.signum() == 0) {
      throw new IllegalArgumentException("0 minutes is nothing to bill: enter at least 1 minute");
    }
    if (n.signum() < 0) {
      throw new IllegalArgumentException(
          shown + " minutes is negative: enter the minutes worked, 1 to 1440");
    }
    if (n.compareTo(BigInteger.valueOf(MAX)) > 0) {
      throw new IllegalArgumentException(shown + " minutes is more than a day (1440 minutes): enter"
          + " the minutes of this piece of work, or bill each day separately");
    }
    return new Minutes(n.intValueExact());
  }

  @Override
  public String toString() {
    return value + " min";
  }
}
