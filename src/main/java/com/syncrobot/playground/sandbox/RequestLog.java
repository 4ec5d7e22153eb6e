package com.syncrobot.playground.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Every API request the sandbox saw, in arrival order, so benchmarks can count requests per
 * command and per rolling window. Keeps the newest {@value #MAX_ENTRIES}. Thread-safe.
 */
public final class RequestLog {
  static final int MAX_ENTRIES = 200_000;

  /**
   * One request: arrival time on the sandbox's clock, method, path below {@code /api/v1} without the
   * query, the status answered (0 when the connection was dropped), and the caller's technician id.
   */
  public record Entry(Instant time, String method, String path, int status, @Nullable Long techId) {
    public Entry {
      Objects.requireNonNull(time, "time");
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(path, "path");
    }
  }

  private final ArrayDeque<Entry> entries = new ArrayDeque<>();

  synchronized void add(Entry e) {
    if (entries.size() >= MAX_ENTRIES) {
      entries.removeFirst();
    }
    entries.addLast(e);
  }

  /** Returns the entries, oldest first. */
  public synchronized List<Entry> entries() {
    return List.copyOf(entries);
  }

  /** Returns how many requests were logged. */
  public synchronized int size() {
    return entries.size();
  }

  /** Forgets every entry. */
  public synchronized void clear() {
    entries.clear();
  }

  /** Returns the most requests that arrived within any span of {@code window} (end exclusive). */
  public synchronized int maxInAnyWindow(Duration window) {
    List<Instant> times = new ArrayList<>(entries.size());
    entries.forEach(e -> times.add(e.time()));
    times.sort(null);
    int best = 0;
    int start = 0;
    for (int end = 0; end < times.size(); end++) {
      while (!times.get(start).plus(window).isAfter(times.get(end))) {
        start++;
      }
      best = Math.max(best, end - start + 1);
    }
    return best;
  }
}
