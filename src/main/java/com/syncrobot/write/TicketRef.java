package com.syncrobot.write;

import com.syncrobot.syncro.TicketId;
import com.syncrobot.syncro.TicketNumber;
import java.util.Objects;

/** The ticket a plan writes to, as shown in the preview and the audit (number, not id: R26). */
public record TicketRef(TicketId id, TicketNumber number, String subject, String customerName) {
  public TicketRef {
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(number, "number == null");
    Objects.requireNonNull(subject, "subject == null");
    Objects.requireNonNull(customerName, "customerName == null");
  }
}
