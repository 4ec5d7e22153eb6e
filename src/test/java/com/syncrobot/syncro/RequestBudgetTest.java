package com.syncrobot.syncro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.syncrobot.testkit.Clocks;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.threeten.extra.MutableClock;

final class RequestBudgetTest {
  private static final Instant T0 = Instant.parse("2026-03-02T15:00:00Z");

  @Test
  void first180InteractivePermits_areGrantedWithoutWaiting() throws Exception {
    MutableClock clock = Clocks.at(T0);
    RecordingSleeper sleeper = new RecordingSleeper(clock);
    RequestBudget budget = new RequestBudget(180, clock, sleeper);

    for (int i = 0; i < 180; i++) {
      budget.acquire(RequestBudget.Priority.INTERACTIVE);
    }

    assertThat(sleeper.sleeps()).isEmpty();
    assertThat(budget.grantedTotal()).isEqualTo(180);
  }

  @Test
  void backgroundWork_leavesTwentyOf180ToInteractiveRequests() throws Exception {
    MutableClock clock = Clocks.at(T0);
    RecordingSleeper sleeper = new RecordingSleeper(clock);
    RequestBudget budget = new RequestBudget(180, clock, sleeper);
    assertThat(budget.reserve()).isEqualTo(20);
    for (int i = 0; i < 160; i++) {
      budget.acquire(RequestBudget.Priority.BACKGROUND); // T0
    }
    clock.add(Duration.ofSeconds(2));

    assertThat(budget.expectedWait(RequestBudget.Priority.BACKGROUND)).isEqualTo(Duration.ofSeconds(60));
    assertThat(budget.expectedWait(RequestBudget.Priority.INTERACTIVE)).isZero();
    for (int i = 0; i < 20; i++) {
      budget.acquire(RequestBudget.Priority.INTERACTIVE); // T0+2 s
    }
    assertThat(sleeper.sleeps()).isEmpty();

    // The next background permit waits for T0's permits to leave the window; 20 of T0+2 s still count.
    assertThat(budget.acquire(RequestBudget.Priority.BACKGROUND)).isEqualTo(T0.plus(RequestBudget.WINDOW));
    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(60));
  }

  @Test
  void permit181_waitsUntilTheOldestLeavesTheRollingWindow() throws Exception {
    MutableClock clock = Clocks.at(T0);
    RecordingSleeper sleeper = new RecordingSleeper(clock);
    RequestBudget budget = new RequestBudget(180, clock, sleeper);
    budget.acquire(RequestBudget.Priority.INTERACTIVE); // at T0
    clock.add(Duration.ofSeconds(10));
    for (int i = 0; i < 179; i++) {
      budget.acquire(RequestBudget.Priority.INTERACTIVE); // at T0+10s
    }

    budget.acquire(RequestBudget.Priority.INTERACTIVE);

    // The oldest permit (T0) leaves the window at T0+62s (a minute and the margin), 52 s after "now".
    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(52));
    assertThat(clock.instant()).isEqualTo(T0.plusSeconds(62));
    assertThat(budget.grantedTotal()).isEqualTo(181);
  }

  @Test
  void window_isRollingNotFixed() throws Exception {
    MutableClock clock = Clocks.at(T0);
    RecordingSleeper sleeper = new RecordingSleeper(clock);
    RequestBudget budget = new RequestBudget(2, clock, sleeper);
    budget.acquire(RequestBudget.Priority.BACKGROUND); // T0
    clock.add(Duration.ofSeconds(59));
    budget.acquire(RequestBudget.Priority.BACKGROUND); // T0+59

    budget.acquire(RequestBudget.Priority.BACKGROUND); // waits 3 s, until T0's permit expires at T0+62
    budget.acquire(RequestBudget.Priority.BACKGROUND); // waits until T0+59's expires: T0+121

    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(59));
    assertThat(clock.instant()).isEqualTo(T0.plusSeconds(121));
  }

  @Test
  void interactiveWaiter_isServedBeforeAnEarlierBackgroundWaiter() throws Exception {
    MutableClock clock = Clocks.at(T0);
    CountDownLatch bothSleeping = new CountDownLatch(2);
    CountDownLatch windowOver = new CountDownLatch(1);
    List<String> served = new CopyOnWriteArrayList<>();
    java.util.concurrent.atomic.AtomicInteger sleeps = new java.util.concurrent.atomic.AtomicInteger();
    // The first two sleeps (one per waiter) park until the test has queued both; the clock then
    // moves once, to the end of the window. The background waiter must sleep a third time, and that
    // sleep ends only after the interactive waiter has recorded itself, so the recorded order is the
    // grant order and not a race between two threads appending to a list.
    Sleeper gate = d -> {
      if (sleeps.incrementAndGet() <= 2) {
        bothSleeping.countDown();
        if (!windowOver.await(5, TimeUnit.SECONDS)) {
          throw new AssertionError("gate never opened");
        }
        synchronized (clock) {
          if (clock.instant().isBefore(T0.plus(RequestBudget.WINDOW))) {
            clock.add(RequestBudget.WINDOW);
          }
        }
        return;
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (!served.contains("interactive") && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      synchronized (clock) {
        clock.add(d);
      }
    };
    RequestBudget budget = new RequestBudget(1, clock, gate);
    budget.acquire(RequestBudget.Priority.INTERACTIVE); // fills the window at T0

    Thread background = start(budget, RequestBudget.Priority.BACKGROUND, "background", served);
    // Make sure the background request queued first, so order is not arrival order.
    awaitState(background);
    Thread interactive = start(budget, RequestBudget.Priority.INTERACTIVE, "interactive", served);
    assertThat(bothSleeping.await(5, TimeUnit.SECONDS)).isTrue();
    windowOver.countDown();
    background.join(5_000);
    interactive.join(5_000);

    assertThat(background.isAlive()).isFalse();
    assertThat(interactive.isAlive()).isFalse();
    assertThat(served).containsExactly("interactive", "background");
  }

  @Test
  void interruptedWaiter_takesNoPermitAndLetsTheNextOneGo() throws Exception {
    MutableClock clock = Clocks.at(T0);
    RequestBudget budget = new RequestBudget(
        1,
        clock,
        d -> {
          throw new InterruptedException("test");
        });
    budget.acquire(RequestBudget.Priority.INTERACTIVE);

    assertThatThrownBy(() -> budget.acquire(RequestBudget.Priority.INTERACTIVE))
        .isInstanceOf(InterruptedException.class);
    clock.add(RequestBudget.WINDOW);
    budget.acquire(RequestBudget.Priority.BACKGROUND);

    assertThat(budget.grantedTotal()).isEqualTo(2);
  }

  @Test
  void nonPositivePermits_areRejected() {
    assertThatThrownBy(() -> new RequestBudget(0, Clocks.at(T0), new RecordingSleeper()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Thread start(
      RequestBudget budget, RequestBudget.Priority p, String name, List<String> served) {
    Thread t = new Thread(
        () -> {
          try {
            budget.acquire(p);
            served.add(name);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        },
        name);
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** Waits (bounded) until the thread is parked in the sleeper or on the budget's lock. */
  private static void awaitState(Thread t) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (t.getState() != Thread.State.WAITING && t.getState() != Thread.State.TIMED_WAITING) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("thread never started waiting: " + t.getState());
      }
      Thread.sleep(1);
    }
  }

  @Test
  void expectedWait_zeroWithRoom_thenUntilTheOldestPermitLeaves_thenAWindowMorePerFullWindowAhead() throws Exception {
    MutableClock clock = Clocks.at(T0);
    RequestBudget budget = new RequestBudget(3, clock, new RecordingSleeper(clock));
    budget.acquire(RequestBudget.Priority.INTERACTIVE); // T0
    assertThat(budget.expectedWait(RequestBudget.Priority.INTERACTIVE)).isZero();
    clock.add(Duration.ofSeconds(20));
    budget.acquire(RequestBudget.Priority.INTERACTIVE); // T0+20
    budget.acquire(RequestBudget.Priority.INTERACTIVE); // T0+20: the window is full
    clock.add(Duration.ofSeconds(5));

    // The permit of T0 leaves at T0+62 (a minute and the margin), 37 s from now.
    assertThat(budget.expectedWait(RequestBudget.Priority.INTERACTIVE)).isEqualTo(Duration.ofSeconds(37));
    clock.add(Duration.ofSeconds(37));
    assertThat(budget.expectedWait(RequestBudget.Priority.INTERACTIVE)).isZero();
  }

  @Test
  void expectedWait_withRequestsHeldBackOutsideTheBudget_countsThemAhead() throws Exception {
    MutableClock clock = Clocks.at(T0);
    RequestBudget budget = new RequestBudget(2, clock, new RecordingSleeper(clock));
    budget.acquire(RequestBudget.Priority.INTERACTIVE); // T0
    clock.add(Duration.ofSeconds(15));
    budget.acquire(RequestBudget.Priority.INTERACTIVE); // T0+15: full

    assertThat(budget.expectedWait(RequestBudget.Priority.INTERACTIVE, 0)).isEqualTo(Duration.ofSeconds(47));
    // one ahead takes T0's place; this one needs T0+15's: 62 s
    assertThat(budget.expectedWait(RequestBudget.Priority.INTERACTIVE, 1)).isEqualTo(Duration.ofSeconds(62));
    // two ahead take both places; this one waits a whole window more than the first
    assertThat(budget.expectedWait(RequestBudget.Priority.INTERACTIVE, 2)).isEqualTo(Duration.ofSeconds(47 + 62));
    assertThat(budget.permitsPerMinute()).isEqualTo(2);
    assertThatThrownBy(() -> budget.expectedWait(RequestBudget.Priority.INTERACTIVE, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void expectedWait_countsTheRequestsQueuedAhead_moreUrgentOnesToo() throws Exception {
    MutableClock clock = Clocks.at(T0);
    CountDownLatch sleeping = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Sleeper blocking = d -> {
      sleeping.countDown();
      release.await();
    };
    RequestBudget budget = new RequestBudget(2, clock, blocking);
    budget.acquire(RequestBudget.Priority.INTERACTIVE); // T0
    clock.add(Duration.ofSeconds(10));
    budget.acquire(RequestBudget.Priority.INTERACTIVE); // T0+10: full
    Thread waiter = new Thread(() -> {
      try {
        budget.acquire(RequestBudget.Priority.INTERACTIVE); // queued: will take T0's place at T0+60
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    waiter.start();
    assertThat(sleeping.await(5, TimeUnit.SECONDS)).isTrue();

    // One interactive request is ahead, so a new one needs the second-oldest permit (T0+10) to leave: 62 s.
    assertThat(budget.expectedWait(RequestBudget.Priority.INTERACTIVE)).isEqualTo(Duration.ofSeconds(62));
    // Background work also waits behind every interactive request.
    assertThat(budget.expectedWait(RequestBudget.Priority.BACKGROUND)).isEqualTo(Duration.ofSeconds(62));
    release.countDown();
    waiter.join(5000);
  }
}
