package com.syncrobot.app;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * When a periodic task of the bot's own last started or finished a round, for {@link Readiness}: a task stuck
 * in one round, or no longer scheduled, stops beating. Thread-safe.
 */
final class Pulse {
  private final Clock clock;
  private volatile @Nullable Instant last;

  Pulse(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Returns {@code task} beating this pulse as each round starts and ends. */
  Runnable around(Runnable task) {
    return () -> {
      last = clock.instant();
      try {
        task.run();
      } finally {
        last = clock.instant();
      }
    };
  }

  Optional<Instant> last() {
    return Optional.ofNullable(last);
  }
}
