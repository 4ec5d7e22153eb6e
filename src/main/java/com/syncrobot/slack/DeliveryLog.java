package com.syncrobot.slack;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;

/**
 * The Slack deliveries already handled (table {@code slack_deliveries}), so a redelivered click or
 * submission is recognised by its own ids and ignored (R2). Thread-safe: every call is one statement.
 */
public final class DeliveryLog {
  /** How long a delivery key is remembered; Slack's retries come within minutes. */
  public static final Duration KEEP = Duration.ofDays(1);

  private final Jdbi jdbi;
  private final Clock clock;

  public DeliveryLog(Jdbi jdbi, Clock clock) {
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
  }

  /** Records {@code key}; returns false when it was recorded before (a redelivery). */
  public boolean firstTime(String key) {
    long now = clock.millis();
    return jdbi.withHandle(h -> h.createUpdate(
        "INSERT INTO slack_deliveries (delivery_key, seen_at) VALUES (:k, :t) ON CONFLICT (delivery_key) DO NOTHING")
        .bind("k", key)
        .bind("t", now)
        .execute()) == 1;
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
}
