package com.syncrobot.draft;

import java.util.Objects;

/**
 * A drafted plain comment: subject and HTML body, whether the model wrote it, and the note the
 * preview shows about the drafting (R13).
 */
public record DraftedComment(String subject, String body, boolean byModel, String note) {
  public DraftedComment {
    Objects.requireNonNull(subject, "subject == null");
    Objects.requireNonNull(body, "body == null");
    Objects.requireNonNull(note, "note == null");
  }
}
