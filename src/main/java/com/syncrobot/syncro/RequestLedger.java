package com.syncrobot.syncro;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Where a {@link RequestBudget} counts the permits it grants: in this process ({@link #inMemory()}), or in a
 * store shared by every process that spends the same budget (one per egress address), which also outlives a
 * restart. Implementations are thread-safe, and {@link #take} is atomic across everyone sharing the ledger.
 */
public interface RequestLedger {
  /**
   * In one step for everyone sharing this ledger: reads the time from {@code clock}, counts the permits that
   * still count then (granted less than {@link RequestBudget#WINDOW} ago), and records a permit of priority
   * {@code p} at that time if fewer than {@code cap} do.
   *
   * @return the granted permit's time, or how long until enough of the oldest permits leave the window for
   *     one more to fit under {@code cap}
   */
  Take take(RequestBudget.Priority p, int cap, Clock clock);

  /** Returns the times of the permits that still count at {@code now}, oldest first. */
  List<Instant> counting(Instant now);

  /** Returns a new ledger kept in this process only: forgotten on restart, not shared. */
  static RequestLedger inMemory() {
    return new MemoryLedger();
  }

  /** What {@link #take} did: granted a permit, or found the window full for this priority. */
  sealed interface Take {
    /** A permit counted from {@code at}. */
    record Granted(Instant at) implements Take {}

    /** No permit; one may fit after {@code retryAfter} (positive). */
    record Full(Duration retryAfter) implements Take {}
  }
}
