package com.syncrobot.notify;

import com.syncrobot.syncro.Ticket;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A ticket as a notification shows it: what Syncro said at the poll that noticed the change.
 *
 * @param assignee the assigned technician's name, or null (unassigned or unknown)
 */
public record TicketState(long ticketId, long number, String subject, @Nullable Long customerId,
    String customerName, String status, @Nullable String priority, @Nullable Long userId,
    @Nullable String assignee) {
  public TicketState {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(customerName, "customerName");
    Objects.requireNonNull(status, "status");
  }

  public static TicketState of(Ticket t) {
    return new TicketState(t.id().value(), t.number().value(), t.subject(),
        t.customerId() == null ? null : t.customerId().value(), t.customerName(), t.status(), t.priority(),
        t.userId(), t.assignedTechName());
  }
}
