package com.syncrobot.slack;

import java.util.Objects;

/**
 * Turns a technician's rough words into comment prose ("Draft it for me", R13). The billing issue
 * wires the Ollama implementation; until then {@link #ownWords()} keeps the technician's text.
 * Whatever drafts the text, the comment checks (R8: {@code <br>}, no lists, no secrets in
 * customer-visible text) run on the result before the preview.
 */
@FunctionalInterface
public interface Drafter {
  /** The drafted text and a note for the preview saying how it was drafted. */
  record Draft(String text, String note) {
    public Draft {
      Objects.requireNonNull(text, "text == null");
      Objects.requireNonNull(note, "note == null");
    }
  }

  /** Drafts a comment body from {@code technicianText} for the ticket titled {@code ticketSubject}. */
  Draft draft(String technicianText, String ticketSubject);

  /** Returns the drafter that keeps the technician's own words and says so. */
  static Drafter ownWords() {
    return (text, subject) -> new Draft(text, "Drafted without the language model: this is your own text.");
  }
}
