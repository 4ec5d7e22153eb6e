package com.syncrobot.playground.sandbox.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable snapshot of the sandbox's records, for tests to assert exactly what Syncro would
 * hold. Comments are grouped by ticket id, oldest first.
 */
public record SandboxState(
    List<SandboxTicket> tickets,
    Map<Long, List<SandboxComment>> comments,
    List<SandboxLineItem> lineItems,
    List<SandboxTimer> timers,
    List<SandboxInvoice> invoices,
    List<SandboxCustomer> customers,
    List<SandboxAppointment> appointments) {
  public SandboxState {
    tickets = List.copyOf(tickets);
    comments = Map.copyOf(comments);
    lineItems = List.copyOf(lineItems);
    timers = List.copyOf(timers);
    invoices = List.copyOf(invoices);
    customers = List.copyOf(customers);
    appointments = List.copyOf(appointments);
  }

  /** Returns the ticket with this number (what a person types), if any. */
  public Optional<SandboxTicket> ticketByNumber(long number) {
    return tickets.stream().filter(t -> t.number() == number).findFirst();
  }

  /** Returns the ticket with this id, if any. */
  public Optional<SandboxTicket> ticket(long id) {
    return tickets.stream().filter(t -> t.id() == id).findFirst();
  }

  /** Returns the ticket's comments, oldest first. */
  public List<SandboxComment> commentsOf(long ticketId) {
    return comments.getOrDefault(ticketId, List.of());
  }

  /** Returns the ticket's line items, invoiced or not. */
  public List<SandboxLineItem> lineItemsOf(long ticketId) {
    return lineItems.stream().filter(li -> li.ticketId() == ticketId).toList();
  }

  /** Returns the invoices made from the ticket. */
  public List<SandboxInvoice> invoicesOf(long ticketId) {
    return invoices.stream().filter(i -> i.ticketId() != null && i.ticketId() == ticketId).toList();
  }

  /** Returns the customer with this id, if any. */
  public Optional<SandboxCustomer> customer(long id) {
    return customers.stream().filter(c -> c.id() == id).findFirst();
  }

  /** Returns the customer's remaining prepaid hours; empty when the customer has no block at all. */
  public Optional<BigDecimal> prepayHours(long customerId) {
    return customer(customerId).map(SandboxCustomer::prepayHours);
  }
}
