package com.syncrobot.billing;

import java.util.Locale;
import java.util.Objects;

/** How a labour product is counted: by the hour (minutes ÷ 60) or by the trip (always one). */
public enum Unit {
  HOUR("hour"),
  TRIP("trip");

  private final String key;

  Unit(String key) {
    this.key = key;
  }

  /** Returns the lower-case name the store keeps and the CLI accepts. */
  public String key() {
    return key;
  }

  /** Returns the quantity this unit bills for {@code minutes} of work (R7; travel is per trip). */
  public Quantity quantityFor(Minutes minutes) {
    return this == HOUR ? Quantity.hours(minutes) : Quantity.one();
  }

  /**
   * Parses {@code hour} or {@code trip}, case-insensitively.
   *
   * @throws IllegalArgumentException for anything else
   */
  public static Unit parse(String text) {
    Objects.requireNonNull(text, "text == null");
    String t = text.strip().toLowerCase(Locale.ROOT);
    for (Unit u : values()) {
      if (u.key.equals(t)) {
        return u;
      }
    }
    throw new IllegalArgumentException("unknown unit '" + Texts.clip(text.strip(), 20) + "': use hour or trip");
  }

  @Override
  public String toString() {
    return key;
  }
}
