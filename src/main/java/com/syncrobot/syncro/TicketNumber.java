package com.syncrobot.syncro;

import java.util.Optional;

/** The ticket number technicians see and type ("#32203"); resolved to a {@link TicketId} (R26). */
public record TicketNumber(long value) {
  public TicketNumber {
    if (value <= 0) {
      throw new IllegalArgumentException("ticket number must be positive: " + value);
    }
  }

  /** Parses "32203" or "#32203"; empty for anything else (letters, signs, blanks, overflow). */
  public static Optional<TicketNumber> parse(String text) {
    String t = text.strip();
    if (t.startsWith("#")) {
      t = t.substring(1);
    }
    if (t.isEmpty() || t.length() > 12 || !t.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Optional.empty();
    }
    long v = Long.parseLong(t);
    return v > 0 ? Optional.of(new TicketNumber(v)) : Optional.empty();
  }

  @Override
  public String toString() {
    return "#" + value;
  }
}
