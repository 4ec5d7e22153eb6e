package com.syncrobot.syncro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

final class RequestBudgetTest {
  private static final Instant T0 = Instant.parse("2026-03-02T15:00:00Z");

  @Test
  void first180Permits_areGrantedWithoutWaiting() throws Exception {
    FakeClock clock = new FakeClock(T0);
    RecordingSleeper sleeper = new RecordingSleeper(clock);
    RequestBudget budget = new RequestBudget(180, clock, sleeper);

    for (int i = 0; i < 180; i++) {
      budget.acquire(RequestBudget.Priority.BACKGROUND);
    }

    assertThat(sleeper.sleeps()).isEmpty();
    assertThat(budget.grantedTotal()).isEqualTo(180);
  }

  @Test
  void permit181_waitsUntilTheOldestLeavesTheRollingWindow() throws Exception {
    FakeClock clock = new FakeClock(T0);
    RecordingSleeper sleeper = new RecordingSleeper(clock);
    RequestBudget budget = new RequestBudget(180, clock, sleeper);
    budget.acquire(RequestBudget.Priority.INTERACTIVE); // at T0
    clock.advance(Duration.ofSeconds(10));
    for (int i = 0; i < 179; i++) {
      budget.acquire(RequestBudget.Priority.INTERACTIVE); // at T0+10s
    }

    budget.acquire(RequestBudget.Priority.INTERACTIVE);

    // The oldest permit (T0) leaves the window at T0+60s, 50 s after "now".
    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(50));
    assertThat(clock.instant()).isEqualTo(T0.plusSeconds(60));
    assertThat(budget.grantedTotal()).isEqualTo(181);
  }

  @Test
  void window_isRollingNotFixed() throws Exception {
    FakeClock clock = new FakeClock(T0);
    RecordingSleeper sleeper = new RecordingSleeper(clock);
    RequestBudget budget = new RequestBudget(2, clock, sleeper);
    budget.acquire(RequestBudget.Priority.BACKGROUND); // T0
    clock.advance(Duration.ofSeconds(59));
    budget.acquire(RequestBudget.Priority.BACKGROUND); // T0+59

    budget.acquire(RequestBudget.Priority.BACKGROUND); // waits 1 s, until T0 expires
    budget.acquire(RequestBudget.Priority.BACKGROUND); // waits until T0+59 expires: T0+119

    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(59));
    assertThat(clock.instant()).isEqualTo(T0.plusSeconds(119));
  }

  @Test
  void interactiveWaiter_isServedBeforeAnEarlierBackgroundWaiter() throws Exception {
    FakeClock clock = new FakeClock(T0);
    CountDownLatch bothSleeping = new CountDownLatch(2);
    CountDownLatch windowOver = new CountDownLatch(1);
    // Each waiting thread parks here until the test has moved time on; the clock moves once.
    Sleeper gate =
        d -> {
          bothSleeping.countDown();
          if (!windowOver.await(5, TimeUnit.SECONDS)) {
            throw new AssertionError("gate never opened");
          }
          synchronized (clock) {
            if (clock.instant().isBefore(T0.plusSeconds(60))) {
              clock.advance(Duration.ofSeconds(60));
            } else {
              clock.advance(d);
            }
          }
        };
    RequestBudget budget = new RequestBudget(1, clock, gate);
    budget.acquire(RequestBudget.Priority.INTERACTIVE); // fills the window at T0
    List<String> served = new CopyOnWriteArrayList<>();

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
    FakeClock clock = new FakeClock(T0);
    RequestBudget budget =
        new RequestBudget(
            1,
            clock,
            d -> {
              throw new InterruptedException("test");
            });
    budget.acquire(RequestBudget.Priority.INTERACTIVE);

    assertThatThrownBy(() -> budget.acquire(RequestBudget.Priority.INTERACTIVE))
        .isInstanceOf(InterruptedException.class);
    clock.advance(Duration.ofSeconds(60));
    budget.acquire(RequestBudget.Priority.BACKGROUND);

    assertThat(budget.grantedTotal()).isEqualTo(2);
  }

  @Test
  void nonPositivePermits_areRejected() {
    assertThatThrownBy(() -> new RequestBudget(0, new FakeClock(T0), new RecordingSleeper()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Thread start(
      RequestBudget budget, RequestBudget.Priority p, String name, List<String> served) {
    Thread t =
        new Thread(
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
}
