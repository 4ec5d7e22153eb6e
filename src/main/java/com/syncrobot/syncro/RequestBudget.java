package com.syncrobot.syncro;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Process-wide limiter for Syncro's 180 requests per rolling minute per source IP, shared by every
 * technician's token. Waiters are served by priority ({@link Priority#INTERACTIVE} first), then in
 * arrival order. Thread-safe.
 */
public final class RequestBudget {
  /** Who is waiting: a technician in Slack, or background work that can wait longer. */
  public enum Priority {
    INTERACTIVE,
    BACKGROUND
  }

  /**
   * How long a permit counts: Syncro's minute plus a margin. Syncro counts a request when it arrives,
   * which is some time after its permit (a thread switch, a new connection, a TLS handshake); counting
   * each permit 2 s longer keeps Syncro's own count at or under the limit in any 60 s, at the cost of
   * about 3% of the budget. The bench measured 181 in one 60 s window without it.
   */
  static final Duration WINDOW = Duration.ofSeconds(62);

  private final int permitsPerMinute;
  private final Clock clock;
  private final Sleeper sleeper;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition headChanged = lock.newCondition();
  private final ArrayDeque<Instant> grantedInWindow = new ArrayDeque<>();
  private final PriorityQueue<Waiter> waiters = new PriorityQueue<>(
      Comparator.comparing(Waiter::priority).thenComparingLong(Waiter::seq));
  private long nextSeq;
  private long grantedTotal;

  private record Waiter(Priority priority, long seq) {}

  /**
   * Creates a budget.
   *
   * @throws IllegalArgumentException if {@code permitsPerMinute} is not positive
   */
  public RequestBudget(int permitsPerMinute, Clock clock, Sleeper sleeper) {
    if (permitsPerMinute <= 0) {
      throw new IllegalArgumentException("permitsPerMinute must be positive: " + permitsPerMinute);
    }
    this.permitsPerMinute = permitsPerMinute;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
  }

  /** Returns a new budget of 180 per minute on the system clock with real sleeping. */
  public static RequestBudget syncroDefault() {
    return new RequestBudget(180, Clock.systemUTC(), Sleeper.system());
  }

  /**
   * Blocks until one request may be sent, then counts it against the rolling window.
   *
   * @throws InterruptedException if interrupted while waiting; no permit is taken then
   */
  public void acquire(Priority p) throws InterruptedException {
    Objects.requireNonNull(p, "priority");
    lock.lockInterruptibly();
    Waiter me = new Waiter(p, nextSeq++);
    waiters.add(me);
    try {
      while (true) {
        if (waiters.peek() != me) {
          headChanged.await();
          continue;
        }
        Instant now = clock.instant();
        prune(now);
        if (grantedInWindow.size() < permitsPerMinute) {
          grantedInWindow.addLast(now);
          grantedTotal++;
          return;
        }
        Duration wait = Duration.between(now, grantedInWindow.getFirst().plus(WINDOW));
        // Release the lock while sleeping so that a more urgent caller can queue up in front.
        lock.unlock();
        try {
          sleeper.sleep(wait);
        } finally {
          lock.lock();
        }
      }
    } finally {
      waiters.remove(me);
      headChanged.signalAll();
      lock.unlock();
    }
  }

  /**
   * Returns about how long a request asked for now at priority {@code p} would wait for its permit:
   * zero while the window has room, otherwise until enough of the oldest permits leave the window for it
   * and for every request queued ahead of it (more urgent or earlier).
   */
  public Duration expectedWait(Priority p) {
    Objects.requireNonNull(p, "priority");
    lock.lock();
    try {
      Instant now = clock.instant();
      prune(now);
      long ahead = waiters.stream().filter(w -> w.priority().compareTo(p) <= 0).count();
      long over = grantedInWindow.size() + ahead + 1 - permitsPerMinute;
      if (over <= 0) {
        return Duration.ZERO;
      }
      // The over-th oldest permit must leave the window; past a whole window, each further window adds a minute.
      long windows = (over - 1) / permitsPerMinute;
      long nth = (over - 1) % permitsPerMinute;
      Duration first = WINDOW;
      long i = 0;
      for (Instant granted : grantedInWindow) {
        if (i++ == nth) {
          first = Duration.between(now, granted.plus(WINDOW));
          break;
        }
      }
      return first.plus(WINDOW.multipliedBy(windows));
    } finally {
      lock.unlock();
    }
  }

  /** Returns how many permits this budget has handed out since it was created. */
  public long grantedTotal() {
    lock.lock();
    try {
      return grantedTotal;
    } finally {
      lock.unlock();
    }
  }

  private void prune(Instant now) {
    while (!grantedInWindow.isEmpty() && !now.isBefore(grantedInWindow.getFirst().plus(WINDOW))) {
      grantedInWindow.removeFirst();
    }
  }
}
