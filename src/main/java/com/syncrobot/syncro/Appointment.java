package com.syncrobot.syncro;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A calendar appointment, read from either the single- or the double-wrapped list shape; {@code userIds} are the
 * technicians on it ({@code user_id} and {@code user_ids}), empty when Syncro does not say.
 */
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
    @Nullable Long appointmentTypeId,
    List<Long> userIds) {
  public Appointment {
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(startAt, "startAt");
    userIds = List.copyOf(userIds);
  }

  /** An appointment whose technicians are not known. */
  public Appointment(long id, String summary, @Nullable String description, OffsetDateTime startAt,
      @Nullable OffsetDateTime endAt, @Nullable Long ticketId, @Nullable CustomerId customerId,
      @Nullable String customerName, @Nullable String location, @Nullable Long appointmentTypeId) {
    this(id, summary, description, startAt, endAt, ticketId, customerId, customerName, location, appointmentTypeId,
        List.of());
  }

  /** Whether Syncro user {@code userId} is one of the appointment's technicians. */
  public boolean involves(long userId) {
    return userIds.contains(userId);
  }
}
