package com.syncrobot.playground.sandbox.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A calendar appointment, optionally linked to a ticket and a customer. */
public record SandboxAppointment(
    long id,
    String summary,
    String description,
    @Nullable Long customerId,
    @Nullable Long ticketId,
    Instant startAt,
    Instant endAt,
    @Nullable String location,
    @Nullable Long appointmentTypeId,
    long userId,
    List<Long> userIds,
    boolean doNotEmail,
    Instant createdAt,
    Instant updatedAt) {
  public SandboxAppointment {
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(startAt, "startAt");
    Objects.requireNonNull(endAt, "endAt");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    userIds = List.copyOf(userIds);
  }
}
