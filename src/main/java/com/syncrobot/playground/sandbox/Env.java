package com.syncrobot.playground.sandbox;

import java.time.Clock;
import java.time.Instant;

/** What every route needs: the store, the knobs, the clock and the JSON shapes. Thread-safe. */
final class Env {
  final SandboxStore store;
  final SandboxKnobs knobs;
  final Clock clock;
  final Timestamps ts;
  final CustomerShapes customers;
  final BillingShapes billing;
  final TicketShapes tickets;

  Env(SandboxStore store, SandboxKnobs knobs, Clock clock) {
    this.store = store;
    this.knobs = knobs;
    this.clock = clock;
    this.ts = new Timestamps(knobs);
    this.customers = new CustomerShapes(ts);
    this.billing = new BillingShapes(ts);
    this.tickets = new TicketShapes(ts, customers, billing);
  }

  Instant now() {
    return clock.instant();
  }
}
