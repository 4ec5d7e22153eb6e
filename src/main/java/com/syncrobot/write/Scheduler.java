package com.syncrobot.write;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Runs a task later; the engine's re-checks go through it so tests can run them on demand. */
@FunctionalInterface
public interface Scheduler {
  /** Arranges for {@code task} to run once after {@code delay}. */
  void schedule(Duration delay, Runnable task);

  /** Returns a scheduler backed by {@code executor}. */
  static Scheduler of(ScheduledExecutorService executor) {
    Objects.requireNonNull(executor, "executor == null");
    return (delay, task) -> executor.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
  }
}
