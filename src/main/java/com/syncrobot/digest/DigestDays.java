package com.syncrobot.digest;

import java.time.DayOfWeek;
import java.util.Locale;
import java.util.Optional;

/** On which days of the week (in the schedule's own time zone) a digest runs. */
public enum DigestDays {
  /** Monday to Friday. */
  WEEKDAYS,
  /** Every day, weekends included. */
  DAILY;

  /** Returns whether a digest runs on {@code day}. */
  public boolean includes(DayOfWeek day) {
    return this == DAILY || (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY);
  }

  /** Returns the word users type and the store keeps: "weekdays" or "daily". */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses "weekdays" or "daily", ignoring case; empty for anything else. */
  public static Optional<DigestDays> parse(String word) {
    for (DigestDays d : values()) {
      if (d.word().equalsIgnoreCase(word.strip())) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }
}
