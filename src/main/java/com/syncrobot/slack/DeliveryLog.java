package com.syncrobot.slack;

import com.syncrobot.threads.Background;
import com.syncrobot.store.Database;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Slack deliveries already handled (table {@code slack_deliveries}), so a redelivered click or
 * submission is recognised by its own ids and ignored (R2). Two ways to ask:
 * <ul>
 * <li>{@link #firstTime}: one statement in the store, so exactly one of several replicas gets true; for
 * work that must happen once whichever replica does it (a result posted, an audit line).
 * <li>{@link #firstDelivery}: for a Slack payload on its way to an ack, which must not wait for SQLite's one
 * writer, which the running plans use too. On SQLite (one process per store) this process decides at once in
 * memory: the keys an earlier process recorded are read from the store once, at the first delivery, and a key
 * known neither there nor here is new, recorded after the ack by one background writer that batches its inserts
 * (once this process has seen more keys than it remembers, or the store held more than that, a key it does not
 * remember is looked up in the store instead). On PostgreSQL, whose inserts wait for no single writer and which
 * replicas share, it is {@link #firstTime} behind the same memory.
 * </ul>
 * Thread-safe.
 */
public final class DeliveryLog implements AutoCloseable {
  /** How long a delivery key is remembered; Slack's retries come within minutes. */
  public static final Duration KEEP = Duration.ofDays(1);

  /** Keys this process remembers in memory; older ones are still found in the store. */
  static final int RECENT_KEYS = 20_000;

  /** Keys waiting for the background writer; past this (a store down for long) new ones are only in memory. */
  static final int MAX_PENDING = 10_000;

  /** Keys the background writer inserts in one transaction at most. */
  static final int BATCH = 500;

  /** How long the background writer waits before trying a failed batch again. */
  static final Duration RETRY_AFTER = Duration.ofSeconds(1);

  private static final Logger log = LoggerFactory.getLogger(DeliveryLog.class);
  private static final String INSERT = "INSERT INTO slack_deliveries (delivery_key, seen_at) VALUES (:k, :t) ON CONFLICT (delivery_key) DO NOTHING";

  private record Pending(String key, long seenAt) {}

  /** The keys an earlier process recorded (SQLite), read once; null keys: too many to keep, or unreadable. */
  private record Earlier(@Nullable Set<String> keys) {}

  private final Jdbi jdbi;
  private final Clock clock;
  private final int recentKeys;
  private final Cache<String, Boolean> recent;
  /**
   * False once a key left {@link #recent} for its size: from then on a key this process does not remember may be
   * one it saw, and only the store knows. Set by the eviction itself, before the key can be asked for again.
   */
  private volatile boolean rememberedAll = true;
  private volatile @Nullable Earlier earlier;
  private final Object reading = new Object();
  // Guarded by this: the keys waiting for the writer, how many were ever queued and written, the writer.
  private final ArrayDeque<Pending> pending = new ArrayDeque<>();
  private long queued;
  private long written;
  private @Nullable Thread writer;
  private boolean closed;
  private volatile @Nullable Boolean shared;

  public DeliveryLog(Jdbi jdbi, Clock clock) {
    this(jdbi, clock, RECENT_KEYS);
  }

  /** As {@link #DeliveryLog(Jdbi, Clock)}, remembering {@code recentKeys} keys in memory; for tests. */
  DeliveryLog(Jdbi jdbi, Clock clock, int recentKeys) {
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
    this.recentKeys = recentKeys;
    // Caffeine calls the listener within the removal, so whoever asks for the evicted key next sees the flag;
    // evicting on the thread that adds a key keeps that in step.
    this.recent = Caffeine.newBuilder().maximumSize(recentKeys).expireAfterWrite(KEEP).executor(Runnable::run)
        .<String, Boolean>evictionListener((k, v, cause) -> {
          if (cause == RemovalCause.SIZE) {
            rememberedAll = false;
          }
        })
        .build();
  }

  /**
   * Whether the store may be shared by replicas (PostgreSQL), asked once: a SQLite store belongs to one process
   * (its file lock), so what this process remembers is all there is to know besides the store's older keys.
   */
  private boolean shared() {
    Boolean s = shared;
    if (s == null) {
      s = !jdbi.withHandle(Database::isSqlite);
      shared = s;
    }
    return s;
  }

  /** Records {@code key}; returns false when it was recorded before (a redelivery). */
  public boolean firstTime(String key) {
    long now = clock.millis();
    return jdbi.withHandle(h -> h.createUpdate(INSERT).bind("k", key).bind("t", now).execute()) == 1;
  }

  /**
   * Returns false when the Slack payload {@code key} was seen before (a redelivery), without waiting for SQLite's
   * writer: true for the first of concurrent deliveries to this process, false for the others. On SQLite a key
   * new here is false if the store holds it (read only), else it is recorded in the store after this returns; on
   * PostgreSQL the store's insert decides for every replica at once. A store that cannot be read counts as not
   * holding the key: answering twice beats not answering.
   */
  public boolean firstDelivery(String key) {
    Objects.requireNonNull(key, "key == null");
    if (recent.asMap().putIfAbsent(key, Boolean.TRUE) != null) {
      return false;
    }
    if (shared()) {
      // Replicas on PostgreSQL: its inserts wait for no single writer, so the store decides at once, for all.
      try {
        return firstTime(key);
      } catch (RuntimeException e) {
        log.warn("Could not record a Slack delivery in the store: {}", SafeLog.describe(e));
        return true;
      }
    }
    try {
      Set<String> before = earlier().keys();
      if ((before != null && rememberedAll) ? before.contains(key) : seen(key)) {
        return false;
      }
    } catch (RuntimeException e) {
      log.warn("Could not look up a Slack delivery in the store: {}", SafeLog.describe(e));
    }
    recordLater(new Pending(key, clock.millis()));
    return true;
  }

  /**
   * The keys in the store when this was first asked (SQLite), so a key new to this process needs no store read
   * on its way to the ack: on SQLite only this process records keys while it runs, and it remembers those.
   */
  private Earlier earlier() {
    Earlier e = earlier;
    if (e != null) {
      return e;
    }
    synchronized (reading) {
      e = earlier;
      if (e == null) {
        e = readEarlier();
        earlier = e;
      }
      return e;
    }
  }

  private Earlier readEarlier() {
    try {
      List<String> keys = jdbi.withHandle(h -> h.createQuery("SELECT delivery_key FROM slack_deliveries LIMIT :n")
          .bind("n", recentKeys + 1)
          .mapTo(String.class)
          .list());
      return new Earlier(keys.size() > recentKeys ? null : new HashSet<>(keys));
    } catch (RuntimeException ex) {
      log.warn("Could not read the recorded Slack deliveries; each new one is looked up in the store: {}",
          SafeLog.describe(ex));
      return new Earlier(null);
    }
  }

  /** Returns whether {@code key} was recorded (and not yet pruned), without recording it. */
  public boolean seen(String key) {
    return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM slack_deliveries WHERE delivery_key = :k")
        .bind("k", key)
        .mapTo(Integer.class)
        .one()) > 0;
  }

  /** Forgets deliveries older than {@link #KEEP}; returns how many. */
  public int prune() {
    long cutoff = clock.millis() - KEEP.toMillis();
    return jdbi.withHandle(h -> h.createUpdate("DELETE FROM slack_deliveries WHERE seen_at < :c")
        .bind("c", cutoff)
        .execute());
  }

  /**
   * Waits up to {@code timeout} until every key {@link #firstDelivery} took so far is in the store; returns
   * whether it is.
   */
  public boolean flush(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (this) {
      long target = queued;
      while (written < target) {
        long left = deadline - System.nanoTime();
        if (left <= 0 || writer == null) {
          return false;
        }
        wait(Math.max(1, Duration.ofNanos(left).toMillis()));
      }
      return true;
    }
  }

  /** Writes what is waiting (for up to 5 s), then stops the background writer. Idempotent. */
  @Override
  public void close() {
    Thread w;
    synchronized (this) {
      closed = true;
      notifyAll();
      w = writer;
    }
    if (w == null) {
      return;
    }
    try {
      w.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (this) {
      if (!pending.isEmpty()) {
        log.warn("{} Slack delivery key(s) were not recorded in the store before stopping; a redelivery of "
            + "those after the restart is not recognised", pending.size());
      }
    }
  }

  private synchronized void recordLater(Pending p) {
    if (closed) {
      return;
    }
    if (pending.size() >= MAX_PENDING) {
      log.warn("Too many Slack delivery keys waiting for the store; this one is remembered in memory only");
      return;
    }
    pending.addLast(p);
    queued++;
    if (writer == null) {
      Thread t = Background.thread(this::writeBehind, "delivery-log");
      writer = t;
      t.start();
    }
    notifyAll();
  }

  /** The background writer: inserts what is waiting, a batch per transaction, until closed and done. */
  private void writeBehind() {
    while (true) {
      List<Pending> batch = new ArrayList<>();
      synchronized (this) {
        while (pending.isEmpty() && !closed) {
          try {
            wait();
          } catch (InterruptedException e) {
            return;
          }
        }
        if (pending.isEmpty()) {
          return;
        }
        while (!pending.isEmpty() && batch.size() < BATCH) {
          batch.add(pending.removeFirst());
        }
      }
      boolean ok = insert(batch);
      synchronized (this) {
        if (ok) {
          written += batch.size();
          notifyAll();
          continue;
        }
        // Back to the front, in order; once closed, one failed try is all.
        for (int i = batch.size() - 1; i >= 0; i--) {
          pending.addFirst(batch.get(i));
        }
        if (closed) {
          return;
        }
        try {
          wait(RETRY_AFTER.toMillis());
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }

  private boolean insert(List<Pending> batch) {
    try {
      // One transaction for the batch (one commit, not one per key). Not inTransaction, which runs SERIALIZABLE
      // on PostgreSQL: each insert stands alone, and ON CONFLICT makes a key another replica wrote a no-op.
      jdbi.useHandle(h -> {
        h.begin();
        try {
          PreparedBatch insert = h.prepareBatch(INSERT);
          // In key order, so two replicas' batches never wait for each other's rows crosswise.
          for (Pending p : batch.stream().sorted(Comparator.comparing(Pending::key)).toList()) {
            insert.bind("k", p.key()).bind("t", p.seenAt()).add();
          }
          insert.execute();
          h.commit();
        } finally {
          if (h.isInTransaction()) {
            h.rollback();
          }
        }
      });
      return true;
    } catch (RuntimeException e) {
      log.warn("Recording {} Slack delivery key(s) failed, trying again: {}", batch.size(), SafeLog.describe(e));
      return false;
    }
  }
}
