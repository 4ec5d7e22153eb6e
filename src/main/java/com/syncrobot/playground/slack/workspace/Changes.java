package com.syncrobot.playground.slack.workspace;

import java.time.Duration;

/**
 * A version number that grows with every visible change, so the page and the Java API can wait
 * for the next change instead of polling on a timer. Thread-safe.
 */
public final class Changes {
  private long version;
  private boolean closed;

  public synchronized long version() {
    return version;
  }

  public synchronized void bump() {
    version++;
    notifyAll();
  }

  /** Waits until the version exceeds {@code since}, at most {@code timeout}; returns the version then. */
  public synchronized long awaitAfter(long since, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (version <= since && !closed) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        break;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return version;
  }

  /** Wakes every waiter for good; used when the simulator stops. */
  public synchronized void close() {
    closed = true;
    notifyAll();
  }
}
