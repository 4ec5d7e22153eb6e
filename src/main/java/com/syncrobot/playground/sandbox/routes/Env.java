package com.syncrobot.playground.sandbox.routes;

import com.syncrobot.playground.sandbox.SandboxKnobs;
import com.syncrobot.playground.sandbox.model.SandboxData;
import com.syncrobot.playground.sandbox.model.SandboxStore;
import com.syncrobot.playground.sandbox.model.SandboxTicket;
import java.time.Clock;
import java.time.Instant;

/** What every route needs: the store, the knobs, the clock and the JSON shapes. Thread-safe. */
public final class Env {
  /** A route's work on the store's data with the call's params, under the store's lock. */
  @FunctionalInterface
  interface Work {
    SandboxReply run(SandboxData d, RailsParams p);
  }

  /** A route's work on the ticket named by the path. */
  @FunctionalInterface
  interface TicketWork {
    SandboxReply run(SandboxData d, SandboxTicket t, RailsParams p);
  }

  public final SandboxStore store;
  public final SandboxKnobs knobs;
  final Clock clock;
  final Timestamps ts;
  final CustomerShapes customers;
  final BillingShapes billing;
  final TicketShapes tickets;

  public Env(SandboxStore store, SandboxKnobs knobs, Clock clock) {
    this.store = store;
    this.knobs = knobs;
    this.clock = clock;
    this.ts = new Timestamps(knobs);
    this.customers = new CustomerShapes(ts);
    this.billing = new BillingShapes(ts);
    this.tickets = new TicketShapes(ts, customers, billing);
  }

  public Instant now() {
    return clock.instant();
  }

  /** Runs {@code work} on the store with the call's params. */
  SandboxReply apply(Call c, Work work) {
    return store.apply(d -> work.run(d, c.params()));
  }

  /** Runs {@code work} on the ticket the path names; 404 if there is none. */
  SandboxReply onTicket(Call c, TicketWork work) {
    return store.apply(d -> {
      SandboxTicket t = d.tickets.get(c.id());
      return t == null ? SandboxReply.notFound() : work.run(d, t, c.params());
    });
  }
}
