package com.syncrobot.draft;

import com.syncrobot.billing.Visibility;
import com.syncrobot.syncro.TicketNumber;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the prompt for a plain ticket comment may know, including who will read the comment.
 *
 * @param ticketNumber null for the Initial Issue of a ticket not created yet
 */
public record CommentContext(
    @Nullable TicketNumber ticketNumber,
    String ticketSubject,
    String customerName,
    String techName,
    String notes,
    Visibility visibility) {

  /**
   * Creates a context.
   *
   * @throws IllegalArgumentException if the notes are blank
   */
  public CommentContext {
    Objects.requireNonNull(ticketSubject, "ticketSubject == null");
    Objects.requireNonNull(customerName, "customerName == null");
    Objects.requireNonNull(techName, "techName == null");
    Objects.requireNonNull(notes, "notes == null");
    Objects.requireNonNull(visibility, "visibility == null");
    if (notes.isBlank()) {
      throw new IllegalArgumentException("the notes to draft from are required");
    }
  }
}
