package com.syncrobot.billing;

import java.util.Objects;

/**
 * The prose of a billing: the resolution comment's subject and HTML body, the line item description
 * and a one-paragraph summary for the preview, with who drafted it (R13).
 *
 * @param byModel whether the language model drafted it; false when built from the technician's notes
 * @param note what the preview says about the drafting, e.g. "drafted without the language model
 *     (...)"
 */
public record DraftedTexts(
    String commentSubject, String commentBody, String lineItemDescription, String preview, boolean byModel,
    String note) {
  public DraftedTexts {
    Objects.requireNonNull(commentSubject, "commentSubject == null");
    Objects.requireNonNull(commentBody, "commentBody == null");
    Objects.requireNonNull(lineItemDescription, "lineItemDescription == null");
    Objects.requireNonNull(preview, "preview == null");
    Objects.requireNonNull(note, "note == null");
  }

  DraftedTexts with(String subject, String body, String description, String newPreview) {
    return new DraftedTexts(subject, body, description, newPreview, byModel, note);
  }
}
