package com.syncrobot.syncro;

import java.time.OffsetDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A ticket comment; {@code hidden} means an internal note. {@code do_not_email} is write-only. */
public record Comment(
    long id,
    String subject,
    String body,
    boolean hidden,
    @Nullable String tech,
    @Nullable OffsetDateTime createdAt) {
  public Comment {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(body, "body");
  }
}
