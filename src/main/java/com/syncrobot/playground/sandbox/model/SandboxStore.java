package com.syncrobot.playground.sandbox.model;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Holds the sandbox's data behind one lock, so each request reads and changes a consistent state
 * (Syncro commits one write at a time per record; one lock is the simplest faithful model).
 * Thread-safe.
 */
public final class SandboxStore {
  private final Clock clock;
  private SandboxData data;

  public SandboxStore(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.data = Seed.build(clock);
  }

  /** Runs {@code work} alone against the data and returns its result. */
  public synchronized <T> T apply(Function<SandboxData, T> work) {
    return work.apply(data);
  }

  /** Replaces everything with fresh seed data, relative to the clock's current time. */
  public synchronized void reset() {
    data = Seed.build(clock);
  }

  /** Adds {@code count} open tickets (see {@link SeedTickets#bulkOpen}); returns their numbers. */
  public synchronized List<Long> addOpenTickets(int count) {
    return SeedTickets.bulkOpen(data, clock.instant(), count);
  }

  /** A customer's reply on ticket {@code number} (see {@link Activity#customerReply}). */
  public synchronized SandboxChange customerReply(long number, @Nullable String body) {
    return Activity.customerReply(data, number, body, clock.instant());
  }

  /** A ticket the customer wrote in (see {@link Activity#newTicket}). */
  public synchronized SandboxChange newTicket(@Nullable String customer, @Nullable String subject,
      @Nullable String body) {
    return Activity.newTicket(data, customer, subject, body, clock.instant());
  }

  /** A technician's edit in Syncro's web UI (see {@link Activity#edit}). */
  public synchronized SandboxChange editTicket(long number, TicketEdit edit) {
    return Activity.edit(data, number, Objects.requireNonNull(edit, "edit"), clock.instant());
  }

  /** One change to a random open ticket (see {@link Activity#random}). */
  public synchronized SandboxChange randomChange(Random random) {
    return Activity.random(data, Objects.requireNonNull(random, "random"), clock.instant());
  }

  public synchronized SandboxState snapshot() {
    Map<Long, List<SandboxComment>> byTicket = new LinkedHashMap<>();
    for (SandboxComment c : data.comments.values()) {
      byTicket.computeIfAbsent(c.ticketId(), k -> new ArrayList<>()).add(c);
    }
    byTicket.replaceAll((k, v) -> List.copyOf(v));
    return new SandboxState(
        new ArrayList<>(data.tickets.values()),
        byTicket,
        new ArrayList<>(data.lineItems.values()),
        new ArrayList<>(data.timers.values()),
        new ArrayList<>(data.invoices.values()),
        new ArrayList<>(data.customers.values()),
        new ArrayList<>(data.appointments.values()));
  }

  public synchronized Map<Long, String> tokensByTech() {
    Map<Long, String> out = new LinkedHashMap<>();
    data.tokens.forEach((token, tech) -> out.put(tech, token));
    return Map.copyOf(out);
  }
}
