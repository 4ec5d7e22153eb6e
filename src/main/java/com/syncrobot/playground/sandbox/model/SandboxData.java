package com.syncrobot.playground.sandbox.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Every record the sandbox holds, and the id sequences. Mutable and not thread-safe: only {@link
 * SandboxStore} touches it, under its lock.
 */
public final class SandboxData {
  public final Map<Long, SandboxTech> techs = new TreeMap<>();
  /** Token value to technician id. */
  public final Map<String, Long> tokens = new TreeMap<>();
  public final Map<Long, SandboxCustomer> customers = new TreeMap<>();
  public final Map<Long, Catalog.Contact> contacts = new TreeMap<>();
  public final Map<Long, Catalog.Asset> assets = new TreeMap<>();
  public final Map<Long, Catalog.Product> products = new TreeMap<>();
  public final Map<Long, Catalog.AppointmentType> appointmentTypes = new TreeMap<>();
  public final Map<Long, SandboxTicket> tickets = new TreeMap<>();
  public final Map<Long, SandboxComment> comments = new TreeMap<>();
  public final Map<Long, SandboxLineItem> lineItems = new TreeMap<>();
  public final Map<Long, SandboxTimer> timers = new TreeMap<>();
  public final Map<Long, SandboxInvoice> invoices = new TreeMap<>();
  public final Map<Long, SandboxAppointment> appointments = new TreeMap<>();

  public long nextTicketId = 90_000;
  public long nextTicketNumber = 32_150;
  public long nextCommentId = 4_410_000;
  public long nextLineItemId = 610_000;
  public long nextTimerId = 88_000;
  long nextInvoiceId = 1_250_000;
  long nextInvoiceNumber = 4_101;
  long nextInvoiceLineId = 3_300_000;
  public long nextAppointmentId = 770_000;

  public Optional<SandboxTicket> ticket(long id) {
    return Optional.ofNullable(tickets.get(id));
  }

  public List<SandboxComment> commentsOf(long ticketId) {
    return select(comments, c -> c.ticketId() == ticketId);
  }

  public List<SandboxLineItem> lineItemsOf(long ticketId) {
    List<SandboxLineItem> lines = select(lineItems, li -> li.ticketId() == ticketId);
    lines.sort(Comparator.comparingInt(SandboxLineItem::position).thenComparingLong(SandboxLineItem::id));
    return lines;
  }

  public List<SandboxTimer> timersOf(long ticketId) {
    return select(timers, t -> t.ticketId() == ticketId);
  }

  public List<Catalog.Contact> contactsOf(long customerId) {
    return select(contacts, c -> c.customerId() == customerId);
  }

  public List<SandboxAppointment> appointmentsOf(long ticketId) {
    return select(appointments, a -> a.ticketId() != null && a.ticketId() == ticketId);
  }

  public String customerName(long customerId) {
    SandboxCustomer c = customers.get(customerId);
    return c == null ? "" : c.displayName();
  }

  static <T> List<T> select(Map<Long, T> map, Predicate<T> p) {
    List<T> out = new ArrayList<>();
    for (T t : map.values()) {
      if (p.test(t)) {
        out.add(t);
      }
    }
    return out;
  }
}
