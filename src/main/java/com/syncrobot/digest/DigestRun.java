package com.syncrobot.digest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The stored state of one schedule's run on one local date: who claimed it and when, and, once
 * finished, what became of it ({@code outcome} is null while the run is in progress or was cut off).
 */
public record DigestRun(
    long scheduleId,
    LocalDate date,
    Instant dueAt,
    Instant claimedAt,
    String claimedBy,
    @Nullable Instant finishedAt,
    Delivery.@Nullable Outcome outcome,
    @Nullable String postedTs,
    @Nullable String detail) {
  public DigestRun {
    Objects.requireNonNull(date, "date == null");
    Objects.requireNonNull(dueAt, "dueAt == null");
    Objects.requireNonNull(claimedAt, "claimedAt == null");
    Objects.requireNonNull(claimedBy, "claimedBy == null");
  }
}
