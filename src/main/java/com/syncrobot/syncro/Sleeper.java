package com.syncrobot.syncro;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Waits for a while; injected so that tests move a fake clock instead of really sleeping. */
@FunctionalInterface
public interface Sleeper {
  /** Blocks the calling thread for {@code d} (zero or negative returns at once). */
  void sleep(Duration d) throws InterruptedException;

  /** Returns the real sleeper, backed by {@link TimeUnit#sleep}. */
  static Sleeper system() {
    return d -> TimeUnit.NANOSECONDS.sleep(Math.max(0, d.toNanos()));
  }
}
