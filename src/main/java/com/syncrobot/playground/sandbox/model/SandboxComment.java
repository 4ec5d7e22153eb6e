package com.syncrobot.playground.sandbox.model;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A ticket comment. {@code doNotEmail} is write-only on the wire but kept here, so tests can tell an
 * emailed public comment from a public note and an internal note ({@code hidden}).
 */
public record SandboxComment(
    long id,
    long ticketId,
    String subject,
    String body,
    boolean hidden,
    boolean doNotEmail,
    @Nullable String tech,
    @Nullable Long userId,
    Instant createdAt) {
  public SandboxComment {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /** Returns whether Syncro would email this comment to the customer. */
  public boolean emailsCustomer() {
    return !hidden && !doNotEmail;
  }
}
