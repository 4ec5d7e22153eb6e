package com.syncrobot.playground.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Syncro's limit: so many requests per rolling window per client IP, whatever the token. Only
 * admitted requests count, so a client that backs off gets in again one window after its oldest
 * request. Thread-safe.
 */
final class RateLimiter {
  private final Map<String, ArrayDeque<Instant>> admitted = new HashMap<>();

  /** Admits and counts one request from {@code client} at {@code now}, or refuses it. */
  synchronized boolean tryAcquire(String client, Instant now, int limit, Duration window) {
    ArrayDeque<Instant> q = admitted.computeIfAbsent(client, k -> new ArrayDeque<>());
    while (!q.isEmpty() && !q.peekFirst().plus(window).isAfter(now)) {
      q.removeFirst();
    }
    if (q.size() >= limit) {
      return false;
    }
    q.addLast(now);
    return true;
  }

  synchronized void reset() {
    admitted.clear();
  }
}
