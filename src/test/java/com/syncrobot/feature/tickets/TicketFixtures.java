package com.syncrobot.feature.tickets;

import com.syncrobot.syncro.Comment;
import com.syncrobot.syncro.CustomerId;
import com.syncrobot.syncro.LineItem;
import com.syncrobot.syncro.Ticket;
import com.syncrobot.syncro.TicketId;
import com.syncrobot.syncro.TicketNumber;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Small builders for Syncro records used across the slack package's tests. */
final class TicketFixtures {
  private TicketFixtures() {}

  static Ticket ticket(long number, String status, String customer, String subject, String createdAt) {
    return new Ticket(new TicketId(number + 100_000), new TicketNumber(number), subject, status, "2 Normal", null,
        new CustomerId(77), customer, null, OffsetDateTime.parse(createdAt), null, null, null, null, List.of(),
        List.of(), false);
  }

  static Ticket detailed(List<Comment> comments, List<LineItem> lineItems, @Nullable OffsetDateTime due) {
    return new Ticket(new TicketId(9001), new TicketNumber(32203), "Printer offline", "In Progress", "1 High",
        "Hardware", new CustomerId(77), "Jerry Burger", "Jerry B.", OffsetDateTime.parse("2024-05-01T14:03:00Z"),
        due, OffsetDateTime.parse("2024-05-02T09:30:00-07:00"), 1735L, "Jane Tech", comments, lineItems, false);
  }
}
