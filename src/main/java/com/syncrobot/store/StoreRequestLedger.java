package com.syncrobot.store;

import com.syncrobot.syncro.RequestBudget;
import com.syncrobot.syncro.RequestLedger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * The Syncro request ledger of one egress in the store: every process on the same database that names the
 * same egress counts its permits here, so replicas behind one source address share Syncro's 180 a minute,
 * and a restarted bot still counts the requests of its last minute. A permit costs one short write
 * transaction: lock the egress's row, count the window, insert. Times are the processes' clocks, so hosts
 * sharing an egress must keep their clocks in step (NTP). Thread-safe.
 */
public final class StoreRequestLedger implements RequestLedger {
  /** Letters, digits, {@code .}, {@code _} and {@code -}; starts with a letter or digit. */
  public static final Pattern EGRESS = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

  /** Permits older than two windows are deleted by one take in this many. */
  static final int PRUNE_EVERY = 64;

  private static final long WINDOW_MILLIS = RequestBudget.WINDOW.toMillis();

  private final Database db;
  private final String egress;
  private final AtomicLong takes = new AtomicLong();

  /**
   * Creates the ledger of {@code egress} in {@code db}.
   *
   * @throws IllegalArgumentException if {@code egress} does not match {@link #EGRESS}
   */
  public StoreRequestLedger(Database db, String egress) {
    this.db = Objects.requireNonNull(db, "db == null");
    Objects.requireNonNull(egress, "egress == null");
    if (!EGRESS.matcher(egress).matches()) {
      throw new IllegalArgumentException("not an egress name (letters, digits, '.', '_' and '-', at most 63): "
          + egress);
    }
    this.egress = egress;
  }

  @Override
  public Take take(RequestBudget.Priority p, int cap, Clock clock) {
    Objects.requireNonNull(p, "priority");
    // The first take of a process prunes too, so a restart cleans up after the last run.
    boolean prune = takes.getAndIncrement() % PRUNE_EVERY == 0;
    // Not inTransaction, which runs SERIALIZABLE on PostgreSQL and retries on a conflict: the egress's row lock
    // already lets one take in at a time, and at the pool's READ COMMITTED each statement after it sees every
    // permit committed before, so a take is one transaction that never fails for a conflict. On SQLite the
    // transaction is IMMEDIATE as every other.
    return db.jdbi().withHandle(h -> {
      h.begin();
      try {
        Take take = take(h.attach(RequestLedgerDao.class), p, cap, clock, prune);
        h.commit();
        return take;
      } finally {
        if (h.isInTransaction()) {
          h.rollback();
        }
      }
    });
  }

  private Take take(RequestLedgerDao dao, RequestBudget.Priority p, int cap, Clock clock, boolean prune) {
    // Read the time once the lock is held: a permit counts from when it was granted, not from when its process
    // began to wait for the lock.
    dao.lock(egress, clock.millis());
    long now = clock.millis();
    long since = now - WINDOW_MILLIS;
    if (prune) {
      // Two windows back: not a row that any process's clock, even one running a little behind, still counts.
      dao.prune(since - WINDOW_MILLIS);
    }
    int counting = dao.count(egress, since);
    if (counting < cap) {
      dao.grant(egress, now, p.name().toLowerCase(Locale.ROOT));
      return new Take.Granted(Instant.ofEpochMilli(now));
    }
    // The (counting - cap + 1) oldest must leave before one more fits under the cap.
    long leaving = dao.nth(egress, since, counting - cap).orElse(now);
    return new Take.Full(Duration.ofMillis(Math.max(1, leaving + WINDOW_MILLIS - now)));
  }

  @Override
  public List<Instant> counting(Instant now) {
    long since = now.toEpochMilli() - WINDOW_MILLIS;
    // One statement, so no transaction of its own: it sees one snapshot by itself.
    return db.jdbi().withHandle(h -> RequestLedgerDao.window(h, egress, since))
        .stream().map(Instant::ofEpochMilli).toList();
  }

  @Override
  public String toString() {
    return "StoreRequestLedger[" + egress + " in " + db + "]";
  }
}
