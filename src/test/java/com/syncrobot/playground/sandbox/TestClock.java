package com.syncrobot.playground.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that only moves when a test moves it. Thread-safe. */
public final class TestClock extends Clock {
  /** A Wednesday morning in Phoenix, so "this week" has days on both sides. */
  static final Instant START = Instant.parse("2026-03-04T16:30:00Z");

  private final AtomicReference<Instant> now = new AtomicReference<>(START);

  void advance(Duration d) {
    now.updateAndGet(t -> t.plus(d));
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException();
  }
}
