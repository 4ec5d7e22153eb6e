package com.syncrobot.notify;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What one post tells about one ticket: its state when the change was noticed and the events, oldest
 * first. {@code ticket} is null only for an alert that is about no ticket (an appointment without one).
 */
public record Notice(@Nullable TicketState ticket, List<TicketEvent> events) {
  public Notice {
    events = List.copyOf(events);
    if (events.isEmpty()) {
      throw new IllegalArgumentException("a notice tells at least one event");
    }
  }

  public Notice(@Nullable TicketState ticket, TicketEvent first) {
    this(ticket, List.of(Objects.requireNonNull(first, "first")));
  }
}
