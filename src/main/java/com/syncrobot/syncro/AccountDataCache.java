package com.syncrobot.syncro;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;

/**
 * The one bound on caches of Syncro account data that people change in Syncro while the bot runs: ticket
 * statuses, priorities and issue types, technicians, appointment types, a customer's contacts, a
 * technician's open tickets. Each replica of the bot keeps its own copy, so every copy is kept at most
 * {@link #MAX_AGE}: a change made in Syncro is seen by every replica within that bound (README, "Running
 * several replicas"). The store's own data (rates, connected technicians, digests, plans) is never cached.
 */
public final class AccountDataCache {
  /** How long a copy of account data is used before Syncro is asked again. */
  public static final Duration MAX_AGE = Duration.ofSeconds(60);

  private AccountDataCache() {}

  /** Returns a thread-safe cache of at most {@code maximumSize} entries, each kept at most {@link #MAX_AGE}. */
  public static <K, V> Cache<K, V> create(long maximumSize, Ticker ticker) {
    return Caffeine.newBuilder().maximumSize(maximumSize).expireAfterWrite(MAX_AGE).ticker(ticker).build();
  }
}
