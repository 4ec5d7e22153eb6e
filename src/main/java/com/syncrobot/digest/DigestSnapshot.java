package com.syncrobot.digest;

import com.syncrobot.syncro.LineItem;
import com.syncrobot.syncro.Ticket;
import com.syncrobot.syncro.TicketId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one digest is built from, read from Syncro at {@code readAt}: every open ticket, every ticket
 * Resolved but not yet Invoiced, technician names by Syncro user id, and the uninvoiced line items of
 * the tickets whose details were read ({@code chargesChecked} of {@code chargesCandidates}; {@code
 * chargesCutShort} when Syncro stopped answering part-way).
 */
public record DigestSnapshot(
    Instant readAt,
    List<Ticket> open,
    List<Ticket> resolved,
    Map<Long, String> techNames,
    Map<TicketId, List<LineItem>> uninvoiced,
    int chargesChecked,
    int chargesCandidates,
    boolean chargesCutShort) {
  public DigestSnapshot {
    Objects.requireNonNull(readAt, "readAt == null");
    open = List.copyOf(open);
    resolved = List.copyOf(resolved);
    techNames = Map.copyOf(techNames);
    uninvoiced = Map.copyOf(uninvoiced);
  }
}
