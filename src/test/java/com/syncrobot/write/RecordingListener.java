package com.syncrobot.write;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** Remembers every plan change and lets a test wait, bounded, for a state. */
final class RecordingListener implements PlanListener {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final List<Plan> seen = new ArrayList<>();

  @Override
  public void planChanged(Plan plan) {
    lock.lock();
    try {
      seen.add(plan);
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  List<Plan> seen() {
    lock.lock();
    try {
      return List.copyOf(seen);
    } finally {
      lock.unlock();
    }
  }

  List<PlanState> states(String planId) {
    return seen().stream().filter(p -> p.id().equals(planId)).map(Plan::state).toList();
  }

  /** Waits at most {@code timeout} until the plan was reported in {@code state}; returns that report. */
  Plan await(String planId, PlanState state, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    lock.lock();
    try {
      while (true) {
        for (Plan p : seen) {
          if (p.id().equals(planId) && p.state() == state) {
            return p;
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("plan " + planId + " never reported " + state + "; saw " + states(planId));
        }
        changed.await(left, TimeUnit.NANOSECONDS);
      }
    } finally {
      lock.unlock();
    }
  }
}
