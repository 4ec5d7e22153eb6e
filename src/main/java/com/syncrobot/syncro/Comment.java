package com.syncrobot.syncro;

import java.time.OffsetDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A ticket comment; {@code hidden} means an internal note. {@code do_not_email} is write-only. {@code
 * userId} is the technician who wrote it, null when the customer did (an emailed or portal reply).
 */
public record Comment(
    long id,
    String subject,
    String body,
    boolean hidden,
    @Nullable String tech,
    @Nullable OffsetDateTime createdAt,
    @Nullable Long userId) {
  public Comment {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(body, "body");
  }

  /** Returns whether the customer wrote this comment (no technician behind it) and it is public. */
  public boolean fromCustomer() {
    return userId == null && !hidden;
  }
}
