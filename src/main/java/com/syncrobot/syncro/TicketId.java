package com.syncrobot.syncro;

/** Syncro's internal ticket id, used in API paths. Never what a person types (R26). */
public record TicketId(long value) {
  public TicketId {
    if (value <= 0) {
      throw new IllegalArgumentException("ticket id must be positive: " + value);
    }
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
