package com.syncrobot.notify;

import java.time.Instant;
import java.util.Objects;

/**
 * One thing that happened to a ticket, as a notification tells it.
 *
 * @param key unique among the ticket's events and the same each time the same change is seen (for
 *     example {@code reply:88123} for a customer comment, {@code status:Resolved@1733480000000} for a
 *     status change at that update time), so the store announces it at most once per target
 * @param at when it happened in Syncro (or when it was noticed, when Syncro does not say)
 * @param text what a technician reads, in words (plain text; the sink escapes it)
 */
public record TicketEvent(EventKind kind, String key, Instant at, String text) {
  public TicketEvent {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(text, "text");
    if (key.isBlank() || key.length() > 200) {
      throw new IllegalArgumentException("event key must be 1..200 characters");
    }
  }
}
