package com.syncrobot.syncro;

import java.time.OffsetDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A calendar appointment, read from either the single- or the double-wrapped list shape. */
public record Appointment(
    long id,
    String summary,
    @Nullable String description,
    OffsetDateTime startAt,
    @Nullable OffsetDateTime endAt,
    @Nullable Long ticketId,
    @Nullable CustomerId customerId,
    @Nullable String customerName,
    @Nullable String location,
    @Nullable Long appointmentTypeId) {
  public Appointment {
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(startAt, "startAt");
  }
}
