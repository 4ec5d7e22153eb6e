package com.syncrobot.feature.digest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that only moves when a test sets or advances it. Thread-safe. */
final class SettableClock extends Clock {
  private final AtomicReference<Instant> now;

  SettableClock(String start) {
    this.now = new AtomicReference<>(Instant.parse(start));
  }

  void set(String instant) {
    now.set(Instant.parse(instant));
  }

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
    throw new UnsupportedOperationException("fixed to UTC");
  }
}
