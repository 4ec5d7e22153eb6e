package com.syncrobot.bench;

import com.syncrobot.playground.sandbox.model.SandboxState;
import com.syncrobot.playground.sandbox.model.SandboxTicket;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

/** Picks seeded tickets for the scenarios from the sandbox's state. */
final class Tickets {
  private static final List<String> DONE = List.of("Resolved", "Invoiced", "Closed");

  private Tickets() {}

  static boolean open(SandboxTicket t) {
    return !DONE.contains(t.status());
  }

  /** Open tickets, by number. */
  static List<SandboxTicket> open(SandboxState s) {
    return s.tickets().stream().filter(Tickets::open).sorted(Comparator.comparingLong(SandboxTicket::number))
        .toList();
  }

  /**
   * Open tickets that bill plainly: the customer has no prepaid block and nothing on the ticket waits
   * for an invoice, so a 45-minute remote line makes one invoice of 112.50 (as the playground's journey).
   */
  static List<SandboxTicket> billable(SandboxState s) {
    return open(s).stream()
        .filter(t -> s.prepayHours(t.customerId()).map(h -> h.compareTo(BigDecimal.ZERO) == 0).orElse(true))
        .filter(t -> s.lineItemsOf(t.id()).stream().allMatch(li -> li.invoiceId() != null))
        .toList();
  }
}
