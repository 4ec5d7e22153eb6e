package com.syncrobot.feature.create;

import com.syncrobot.syncro.Appointment;
import com.syncrobot.syncro.Customer;
import com.syncrobot.syncro.CustomerId;
import com.syncrobot.syncro.SyncroApi;
import com.syncrobot.syncro.SyncroNotFoundException;
import com.syncrobot.syncro.SyncroPaths;
import com.syncrobot.syncro.Ticket;
import com.syncrobot.syncro.TicketId;
import com.syncrobot.syncro.TicketNumber;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Finds a customer's or a ticket's upcoming appointments (R15). Syncro's {@code customer_id} filter
 * on {@code GET /appointments} does not work, so every appointment of the coming weeks is listed
 * (all pages) and filtered here: by the customer's name in the summary, by the appointment's
 * customer, or by its ticket's customer. Not thread-safe: one per search (it caches tickets read).
 */
public final class AppointmentFinder {
  /** How far ahead "upcoming" looks. */
  static final int DAYS = 60;

  /** One appointment that matched, with its ticket when it has one. */
  record Found(Appointment appointment, @Nullable Ticket ticket, String customer) {
    Found {
      Objects.requireNonNull(appointment, "appointment == null");
      Objects.requireNonNull(customer, "customer == null");
    }
  }

  private final SyncroApi api;
  private final Map<Long, Optional<Ticket>> tickets = new HashMap<>();

  AppointmentFinder(SyncroApi api) {
    this.api = api;
  }

  /**
   * Returns the appointments from {@code from} (the start of the technician's day) on, earliest
   * first, of ticket {@code arg} when it is a ticket number, else of the customers it names.
   *
   * @throws SyncroNotFoundException when {@code arg} is a ticket number Syncro does not know
   */
  List<Found> find(String arg, LocalDate today, Instant from) {
    Optional<TicketNumber> number = TicketNumber.parse(arg);
    List<Found> found = new ArrayList<>();
    if (number.isPresent()) {
      Ticket ticket = api.findTicketByNumber(number.get())
          .orElseThrow(() -> new SyncroNotFoundException("GET", SyncroPaths.ticketsNumbered(number.get())));
      tickets.put(ticket.id().value(), Optional.of(ticket));
      for (Appointment a : upcoming(today, from)) {
        if (a.ticketId() != null && a.ticketId() == ticket.id().value()) {
          found.add(new Found(a, ticket, ticket.customerName()));
        }
      }
      return found;
    }
    String words = normal(arg);
    List<Customer> customers = api.searchCustomers(arg.strip());
    Map<CustomerId, String> named = new HashMap<>();
    customers.forEach(c -> named.put(c.id(), c.displayName()));
    Set<String> names = new HashSet<>();
    names.add(words);
    customers.forEach(c -> names.add(normal(c.displayName())));
    for (Appointment a : upcoming(today, from)) {
      String customer = customerOf(a, words, names, named);
      if (customer != null) {
        found.add(new Found(a, a.ticketId() == null ? null : ticket(a.ticketId()).orElse(null), customer));
      }
    }
    return found;
  }

  private List<Appointment> upcoming(LocalDate today, Instant from) {
    List<Appointment> all = new ArrayList<>(api.appointments(today, today.plusDays(DAYS)));
    all.removeIf(a -> a.startAt().toInstant().isBefore(from));
    all.sort(Comparator.comparing(a -> a.startAt().toInstant()));
    return all;
  }

  /** Returns the customer name to show when {@code a} belongs to the customers searched, else null. */
  private @Nullable String customerOf(Appointment a, String words, Set<String> names,
      Map<CustomerId, String> named) {
    String summary = normal(a.summary());
    String shownName = a.customerName() != null ? a.customerName()
        : a.customerId() != null ? named.getOrDefault(a.customerId(), "") : "";
    if (names.stream().anyMatch(n -> !n.isEmpty() && summary.contains(n))) {
      return shownName.isEmpty() ? a.summary() : shownName;
    }
    if (a.customerId() != null && named.containsKey(a.customerId())) {
      return named.get(a.customerId());
    }
    if (a.customerName() != null && normal(a.customerName()).contains(words)) {
      return a.customerName();
    }
    if (a.customerId() != null || a.ticketId() == null) {
      // another customer's appointment, even though Syncro listed it
      return null;
    }
    Optional<Ticket> t = ticket(a.ticketId());
    if (t.isPresent() && ((t.get().customerId() != null && named.containsKey(t.get().customerId()))
        || normal(t.get().customerName()).contains(words))) {
      return t.get().customerName();
    }
    return null;
  }

  private Optional<Ticket> ticket(long id) {
    return tickets.computeIfAbsent(id, k -> {
      try {
        return Optional.of(api.ticket(new TicketId(k)));
      } catch (SyncroNotFoundException e) {
        return Optional.empty();
      }
    });
  }

  private static String normal(String s) {
    return s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }
}
