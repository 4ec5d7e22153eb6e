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
final class SandboxData {
  final Map<Long, SandboxTech> techs = new TreeMap<>();
  /** Token value to technician id. */
  final Map<String, Long> tokens = new TreeMap<>();
  final Map<Long, SandboxCustomer> customers = new TreeMap<>();
  final Map<Long, Catalog.Contact> contacts = new TreeMap<>();
  final Map<Long, Catalog.Asset> assets = new TreeMap<>();
  final Map<Long, Catalog.Product> products = new TreeMap<>();
  final Map<Long, Catalog.AppointmentType> appointmentTypes = new TreeMap<>();
  final Map<Long, SandboxTicket> tickets = new TreeMap<>();
  final Map<Long, SandboxComment> comments = new TreeMap<>();
  final Map<Long, SandboxLineItem> lineItems = new TreeMap<>();
  final Map<Long, SandboxTimer> timers = new TreeMap<>();
  final Map<Long, SandboxInvoice> invoices = new TreeMap<>();
  final Map<Long, SandboxAppointment> appointments = new TreeMap<>();

  long nextTicketId = 90_000;
  long nextTicketNumber = 32_150;
  long nextCommentId = 4_410_000;
  long nextLineItemId = 610_000;
  long nextTimerId = 88_000;
  long nextInvoiceId = 1_250_000;
  long nextInvoiceNumber = 4_101;
  long nextInvoiceLineId = 3_300_000;
  long nextAppointmentId = 770_000;

  Optional<SandboxTicket> ticket(long id) {
    return Optional.ofNullable(tickets.get(id));
  }

  List<SandboxComment> commentsOf(long ticketId) {
    return select(comments, c -> c.ticketId() == ticketId);
  }

  List<SandboxLineItem> lineItemsOf(long ticketId) {
    List<SandboxLineItem> lines = select(lineItems, li -> li.ticketId() == ticketId);
    lines.sort(Comparator.comparingInt(SandboxLineItem::position).thenComparingLong(SandboxLineItem::id));
    return lines;
  }

  List<SandboxTimer> timersOf(long ticketId) {
    return select(timers, t -> t.ticketId() == ticketId);
  }

  List<Catalog.Contact> contactsOf(long customerId) {
    return select(contacts, c -> c.customerId() == customerId);
  }

  List<SandboxAppointment> appointmentsOf(long ticketId) {
    return select(appointments, a -> a.ticketId() != null && a.ticketId() == ticketId);
  }

  String customerName(long customerId) {
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
