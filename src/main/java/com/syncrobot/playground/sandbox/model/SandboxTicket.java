package com.syncrobot.playground.sandbox.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A ticket: {@code id} is what API paths take, {@code number} is what people say (R26). {@code
 * createdBy} is the technician whose token created it (null: the customer wrote in).
 */
public record SandboxTicket(
    long id,
    long number,
    String subject,
    String status,
    @Nullable String priority,
    @Nullable String problemType,
    long customerId,
    @Nullable Long contactId,
    @Nullable Long userId,
    Instant createdAt,
    Instant updatedAt,
    @Nullable Instant dueDate,
    @Nullable Instant resolvedAt,
    List<Long> assetIds,
    @Nullable Long createdBy) {
  public SandboxTicket {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    assetIds = List.copyOf(assetIds);
  }

  /** Returns a copy touched at {@code at}, as any write to the ticket or its children does. */
  public SandboxTicket touched(Instant at) {
    return new SandboxTicket(id, number, subject, status, priority, problemType, customerId, contactId, userId,
        createdAt, at, dueDate, resolvedAt, assetIds, createdBy);
  }
}
