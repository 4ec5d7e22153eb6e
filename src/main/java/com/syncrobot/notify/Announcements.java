package com.syncrobot.notify;

import org.jspecify.annotations.Nullable;

/**
 * The store's record of what is to be announced: an event is recorded once per target, ever (across
 * restarts and replicas), and then posted with the other events of its batch.
 */
public interface Announcements {
  /**
   * Records {@code event} for {@code target} ({@link Target}) unless it was recorded before, in any state.
   *
   * @return whether it is new
   */
  boolean offer(String target, @Nullable TicketState ticket, TicketEvent event);
}
