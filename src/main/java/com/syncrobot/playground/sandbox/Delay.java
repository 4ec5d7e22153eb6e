package com.syncrobot.playground.sandbox;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Waits out the injected latency; a seam so tests can record instead of sleeping. */
@FunctionalInterface
interface Delay {
  void pause(Duration d) throws InterruptedException;

  static Delay real() {
    return d -> TimeUnit.NANOSECONDS.sleep(d.toNanos());
  }
}
