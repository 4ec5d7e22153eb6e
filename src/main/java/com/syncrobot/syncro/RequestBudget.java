package com.syncrobot.syncro;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Limiter for Syncro's 180 requests per rolling minute per source IP, shared by every technician's token.
 * Its permits are counted in a {@link RequestLedger}: in memory, or in the store, where every process that
 * shares an egress address shares one budget and a restarted bot still sees its last minute. Within the
 * process waiters are served by priority ({@link Priority#INTERACTIVE} first), then in arrival order, and
 * background work, here or in another process, leaves {@link #reserve()} permits of every window to
 * technicians. Thread-safe.
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
  public static final Duration WINDOW = Duration.ofSeconds(62);

  private final int permitsPerMinute;
  private final int reserve;
  private final RequestLedger ledger;
  private final Clock clock;
  private final Sleeper sleeper;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition headChanged = lock.newCondition();
  private final PriorityQueue<Waiter> waiters = new PriorityQueue<>(
      Comparator.comparing(Waiter::priority).thenComparingLong(Waiter::seq));
  /**
   * How many of {@link #waiters} wait at each priority (by ordinal), read by {@link #expectedWait} without the
   * lock, which a waiter holds while it takes from the ledger (a store write).
   */
  private final AtomicIntegerArray waiting = new AtomicIntegerArray(Priority.values().length);
  private long nextSeq;
  private long grantedTotal;

  private record Waiter(Priority priority, long seq) {}

  /**
   * Creates a budget counted in this process only.
   *
   * @throws IllegalArgumentException if {@code permitsPerMinute} is not positive
   */
  public RequestBudget(int permitsPerMinute, Clock clock, Sleeper sleeper) {
    this(permitsPerMinute, RequestLedger.inMemory(), clock, sleeper);
  }

  /**
   * Creates a budget counted in {@code ledger}; every budget on the same ledger must have the same
   * {@code permitsPerMinute}.
   *
   * @throws IllegalArgumentException if {@code permitsPerMinute} is not positive
   */
  public RequestBudget(int permitsPerMinute, RequestLedger ledger, Clock clock, Sleeper sleeper) {
    if (permitsPerMinute <= 0) {
      throw new IllegalArgumentException("permitsPerMinute must be positive: " + permitsPerMinute);
    }
    this.permitsPerMinute = permitsPerMinute;
    // 20 of Syncro's 180; none below 9 a minute, where one permit held back would be a large share.
    this.reserve = permitsPerMinute / 9;
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
  }

  /** Returns a new budget of 180 per minute, counted in this process, on the system clock with real sleeping. */
  public static RequestBudget syncroDefault() {
    return new RequestBudget(180, Clock.systemUTC(), Sleeper.system());
  }

  /**
   * Returns how many permits of a window only interactive requests may take: background work waits while
   * fewer are left, so that a technician's request finds room even when another process's digest or plan
   * runner is busy. A ninth of the budget (20 of 180), rounded down.
   */
  public int reserve() {
    return reserve;
  }

  /**
   * Blocks until one request may be sent, then counts it against the rolling window.
   *
   * @return the time the permit counts from
   * @throws InterruptedException if interrupted while waiting; no permit is taken then
   */
  public Instant acquire(Priority p) throws InterruptedException {
    Objects.requireNonNull(p, "priority");
    lock.lockInterruptibly();
    Waiter me = new Waiter(p, nextSeq++);
    waiters.add(me);
    waiting.incrementAndGet(p.ordinal());
    try {
      while (true) {
        if (waiters.peek() != me) {
          headChanged.await();
          continue;
        }
        RequestLedger.Take take = ledger.take(p, cap(p), clock);
        if (take instanceof RequestLedger.Take.Granted granted) {
          grantedTotal++;
          return granted.at();
        }
        Duration wait = ((RequestLedger.Take.Full) take).retryAfter();
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
      waiting.decrementAndGet(p.ordinal());
      headChanged.signalAll();
      lock.unlock();
    }
  }

  /**
   * Returns about how long a request asked for now at priority {@code p} would wait for its permit:
   * zero while the window has room, otherwise until enough of the oldest permits (this process's and every
   * other's on the same ledger) leave the window for it and for every request queued ahead of it here
   * (more urgent or earlier).
   */
  public Duration expectedWait(Priority p) {
    return expectedWait(p, 0);
  }

  /**
   * As {@link #expectedWait(Priority)} for a request that has {@code queuedAhead} more requests before it that
   * are not waiting here yet (e.g. work the bot holds back until the budget has room).
   *
   * @throws IllegalArgumentException if {@code queuedAhead} is negative
   */
  public Duration expectedWait(Priority p, long queuedAhead) {
    Objects.requireNonNull(p, "priority");
    if (queuedAhead < 0) {
      throw new IllegalArgumentException("queuedAhead must not be negative: " + queuedAhead);
    }
    Instant now = clock.instant();
    // Read before taking the lock: a store's ledger must not hold up the waiters.
    List<Instant> counting = ledger.counting(now);
    // Without the lock: a waiter holds it while it takes from the ledger, and a technician's ack must not wait
    // for that.
    long ahead = 0;
    for (int i = 0; i <= p.ordinal(); i++) {
      ahead += waiting.get(i);
    }
    int cap = cap(p);
    long over = counting.size() + ahead + queuedAhead + 1 - cap;
    if (over <= 0) {
      return Duration.ZERO;
    }
    // The over-th oldest permit must leave the window; past a whole window, each further window adds a minute.
    long windows = (over - 1) / cap;
    long nth = (over - 1) % cap;
    Duration first = nth < counting.size() ? Duration.between(now, counting.get((int) nth).plus(WINDOW)) : WINDOW;
    return first.plus(WINDOW.multipliedBy(windows));
  }

  /** Returns how many requests this budget lets through in any window (the configured limit a minute). */
  public int permitsPerMinute() {
    return permitsPerMinute;
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

  private int cap(Priority p) {
    return p == Priority.INTERACTIVE ? permitsPerMinute : permitsPerMinute - reserve;
  }
}
