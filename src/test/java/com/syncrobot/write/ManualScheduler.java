package com.syncrobot.write;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Keeps scheduled re-checks until the test runs them, and remembers the delays asked for. */
final class ManualScheduler implements Scheduler {
  private final List<Runnable> due = new ArrayList<>();
  private final List<Duration> delays = new ArrayList<>();

  @Override
  public synchronized void schedule(Duration delay, Runnable task) {
    delays.add(delay);
    due.add(task);
  }

  /** Runs the tasks scheduled so far (not those they schedule); returns how many ran. */
  int runDue() {
    List<Runnable> now;
    synchronized (this) {
      now = new ArrayList<>(due);
      due.clear();
    }
    now.forEach(Runnable::run);
    return now.size();
  }

  synchronized List<Duration> delays() {
    return List.copyOf(delays);
  }

  synchronized int pending() {
    return due.size();
  }
}
