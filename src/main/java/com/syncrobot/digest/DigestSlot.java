package com.syncrobot.digest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One day's run of a schedule: the local date it belongs to (the key that makes it run once per
 * day) and the instant it is due.
 */
public record DigestSlot(LocalDate date, Instant dueAt) {
  public DigestSlot {
    Objects.requireNonNull(date, "date == null");
    Objects.requireNonNull(dueAt, "dueAt == null");
  }
}
