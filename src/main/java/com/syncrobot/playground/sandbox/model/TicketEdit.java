package com.syncrobot.playground.sandbox.model;

import org.jspecify.annotations.Nullable;

/**
 * What a technician changes on a ticket in Syncro's web UI; a field left null stays as it is.
 * {@code changesAssignee} with a null {@code assignee} unassigns the ticket. Build it with {@link
 * #none()} and the {@code with…}, {@code assignTo} and {@code unassign} methods.
 */
public record TicketEdit(@Nullable String status, boolean changesAssignee, @Nullable Long assignee,
    @Nullable String priority) {
  /** Returns an edit that changes nothing yet. */
  public static TicketEdit none() {
    return new TicketEdit(null, false, null, null);
  }

  public TicketEdit withStatus(String s) {
    return new TicketEdit(s, changesAssignee, assignee, priority);
  }

  public TicketEdit assignTo(long techId) {
    return new TicketEdit(status, true, techId, priority);
  }

  public TicketEdit unassign() {
    return new TicketEdit(status, true, null, priority);
  }

  public TicketEdit withPriority(String p) {
    return new TicketEdit(status, changesAssignee, assignee, p);
  }

  /** Returns whether the edit changes anything. */
  public boolean isEmpty() {
    return status == null && !changesAssignee && priority == null;
  }
}
