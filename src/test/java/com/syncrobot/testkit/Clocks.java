package com.syncrobot.testkit;

import java.time.Instant;
import java.time.ZoneOffset;
import org.threeten.extra.MutableClock;

/**
 * The one settable clock of the tests: threeten-extra's {@link MutableClock}, in UTC, which moves only
 * when a test (or a fake sleeper) calls {@code add(Duration)} or {@code setInstant(Instant)}. It is
 * thread-safe, so a bot running on other threads reads the time the test set.
 */
public final class Clocks {
  private Clocks() {}

  /** A clock standing at {@code instant} (ISO-8601, e.g. {@code "2024-03-11T07:00:00Z"}). */
  public static MutableClock at(String instant) {
    return at(Instant.parse(instant));
  }

  /** A clock standing at {@code instant}. */
  public static MutableClock at(Instant instant) {
    return MutableClock.of(instant, ZoneOffset.UTC);
  }

  /** A clock standing at the real time now, moved only by the test from then on. */
  public static MutableClock now() {
    return at(Instant.now());
  }
}
