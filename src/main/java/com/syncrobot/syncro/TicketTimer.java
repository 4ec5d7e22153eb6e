package com.syncrobot.syncro;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * A ticket timer entry (R12) as the ticket detail lists it in {@code ticket_timers}: {@code recorded}
 * is true once it was charged (which creates a line item); {@code ticketLineItemId} names that line
 * when Syncro fills it. {@code activeDurationSeconds} is Syncro's {@code active_duration}.
 */
public record TicketTimer(
    long id,
    @Nullable Long userId,
    @Nullable OffsetDateTime startTime,
    @Nullable OffsetDateTime endTime,
    boolean recorded,
    boolean billable,
    @Nullable String notes,
    @Nullable Long productId,
    @Nullable Long ticketLineItemId,
    @Nullable Long activeDurationSeconds) {

  /** Returns the timer's length in whole minutes: active_duration, else end − start; null when unknown. */
  public @Nullable Long minutes() {
    if (activeDurationSeconds != null) {
      return activeDurationSeconds / 60;
    }
    if (startTime != null && endTime != null) {
      return java.time.Duration.between(startTime, endTime).toMinutes();
    }
    return null;
  }
}
