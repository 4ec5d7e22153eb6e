package com.syncrobot.playground.sandbox.routes;

import com.syncrobot.playground.sandbox.SandboxKnobs;
import com.syncrobot.playground.sandbox.model.SandboxStore;
import java.time.Clock;
import java.time.Instant;

/** What every route needs: the store, the knobs, the clock and the JSON shapes. Thread-safe. */
public final class Env {
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
}
