package com.syncrobot.playground.sandbox.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A ticket timer entry; charging it ({@code recorded}) creates the line item {@code lineItemId} (R12). */
public record SandboxTimer(
    long id,
    long ticketId,
    long userId,
    Instant startTime,
    @Nullable Instant endTime,
    @Nullable Long productId,
    String notes,
    boolean billable,
    boolean recorded,
    @Nullable Long lineItemId,
    Instant createdAt,
    Instant updatedAt) {
  public SandboxTimer {
    Objects.requireNonNull(startTime, "startTime");
    Objects.requireNonNull(notes, "notes");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /** Returns the timed duration, zero while the timer has no end. */
  public Duration duration() {
    return endTime == null || endTime.isBefore(startTime) ? Duration.ZERO : Duration.between(startTime, endTime);
  }

  /** Returns a copy charged into line item {@code line}. */
  public SandboxTimer charged(long line, Instant at) {
    return new SandboxTimer(id, ticketId, userId, startTime, endTime, productId, notes, billable, true, line,
        createdAt, at);
  }
}
