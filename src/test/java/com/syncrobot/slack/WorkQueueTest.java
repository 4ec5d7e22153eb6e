package com.syncrobot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncrobot.syncro.RequestBudget;
import com.syncrobot.syncro.SyncroClient;
import com.syncrobot.testkit.Clocks;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.threeten.extra.MutableClock;

final class WorkQueueTest {
  /** Syncro's budget of {@code perMinute}; a request that must wait blocks until {@link #minutePassed}. */
  final MutableClock budgetClock = Clocks.now();
  final CountDownLatch minutePassed = new CountDownLatch(1);

  RequestBudget budget(int perMinute) {
    return new RequestBudget(perMinute, budgetClock, d -> {
      if (!minutePassed.await(20, TimeUnit.SECONDS)) {
        throw new InterruptedException("the test never let the minute pass");
      }
      budgetClock.add(d);
    });
  }

  static QueuedNotice notice(RequestBudget budget) {
    return new QueuedNotice(SyncroClient.builder().baseUrl("http://127.0.0.1:1/api/v1").budget(budget).build());
  }

  /** A queue whose budget always has room. */
  QueuedNotice roomy() {
    return notice(budget(180));
  }

  @Test
  void work_runsOnBackgroundThreadsOfTheLowestPriority_soAcksGetTheCpuFirst() throws Exception {
    WorkQueue work = new WorkQueue(1, 1, roomy());
    java.util.concurrent.CompletableFuture<Integer> priority = new java.util.concurrent.CompletableFuture<>();
    try {
      assertThat(work.submit("look", () -> priority.complete(Thread.currentThread().getPriority()))).isTrue();
      assertThat(priority.get(5, TimeUnit.SECONDS)).isEqualTo(Thread.MIN_PRIORITY);
    } finally {
      work.shutdown(Duration.ofSeconds(5));
    }
  }

  @Test
  void submit_whenThreadsAndQueueAreFull_refusesInsteadOfQueueingForever() throws Exception {
    WorkQueue work = new WorkQueue(1, 1, roomy());
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    try {
      assertThat(work.submit("blocker", () -> {
        started.countDown();
        await(release);
      })).isTrue();
      assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(work.submit("queued", () -> {})).isTrue();
      assertThat(work.submit("refused", () -> {})).isFalse();
      // the budget has room: the bot itself is overloaded, and work for Syncro is refused as well
      assertThat(work.heldBack()).isEmpty();
      assertThat(work.submitSyncro("read", null, () -> {})).hasValue(UserMessages.BUSY);
    } finally {
      release.countDown();
      work.shutdown(Duration.ofSeconds(5));
    }
  }

  @Test
  void submitSyncro_whileOnlyTheBudgetHoldsWorkBack_takesFarMoreThanThePoolHolds_clicksStillRun_allRunLater()
      throws Exception {
    RequestBudget budget = budget(2);
    budget.acquire(RequestBudget.Priority.INTERACTIVE); // the team used the minute's requests
    budget.acquire(RequestBudget.Priority.INTERACTIVE);
    WorkQueue work = new WorkQueue(2, 1, notice(budget));
    int n = 20;
    CountDownLatch answered = new CountDownLatch(n);
    try {
      for (int i = 0; i < n; i++) {
        Optional<Duration> wait = work.heldBack();
        assertThat(wait).as("read %d is held back by the budget", i).isPresent();
        assertThat(work.submitSyncro("read " + i, wait.get(), () -> {
          try {
            budget.acquire(RequestBudget.Priority.INTERACTIVE);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
          answered.countDown();
        })).as("read %d", i).isEmpty();
      }
      CountDownLatch clicked = new CountDownLatch(1);
      assertThat(work.submit("confirm click", clicked::countDown)).isTrue();
      assertThat(clicked.await(5, TimeUnit.SECONDS)).as("a click runs while reads wait for the budget").isTrue();
      assertThat(answered.getCount()).isEqualTo(n);

      minutePassed.countDown();
      assertThat(answered.await(10, TimeUnit.SECONDS)).as("every held read runs once the budget has room").isTrue();
    } finally {
      minutePassed.countDown();
      work.shutdown(Duration.ofSeconds(5));
    }
  }

  @Test
  void submitSyncro_whenHeldWorkBooksTheNext25Minutes_refusesWithWhy() throws Exception {
    RequestBudget budget = budget(2);
    budget.acquire(RequestBudget.Priority.INTERACTIVE);
    budget.acquire(RequestBudget.Priority.INTERACTIVE);
    WorkQueue work = new WorkQueue(2, 1, notice(budget));
    try {
      int taken = 0;
      Optional<String> refused = Optional.empty();
      while (refused.isEmpty() && taken < 1000) {
        refused = work.submitSyncro("read", work.heldBack().orElseThrow(), () -> {
          try {
            budget.acquire(RequestBudget.Priority.INTERACTIVE);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
        taken += refused.isEmpty() ? 1 : 0;
      }
      // one runs (waiting in the budget), 25 wait: 2 a minute × 25 minutes at 2 requests each
      assertThat(taken).isEqualTo(1 + WorkQueue.maxHeld(2, 1));
      assertThat(refused).hasValue(WorkQueue.BOOKED);
      assertThat(WorkQueue.BOOKED).contains("try again");
    } finally {
      minutePassed.countDown();
      work.shutdown(Duration.ofSeconds(5));
    }
  }

  @Test
  void maxHeld_isWhatTheBudgetServesIn25Minutes_withinThePoolQueueAndTheMemoryCap() {
    assertThat(WorkQueue.maxHeld(180, 200)).isEqualTo(2250);
    assertThat(WorkQueue.maxHeld(2, 1)).isEqualTo(25);
    assertThat(WorkQueue.maxHeld(1, 200)).isEqualTo(200);
    assertThat(WorkQueue.maxHeld(10_000, 200)).isEqualTo(WorkQueue.MAX_HELD);
  }

  @Test
  void submit_taskThatThrows_doesNotKillTheQueue() throws Exception {
    WorkQueue work = new WorkQueue(1, 10, roomy());
    CountDownLatch ran = new CountDownLatch(1);
    try {
      assertThat(work.submit("boom", () -> {
        throw new IllegalStateException("api_key=should-not-be-logged");
      })).isTrue();
      assertThat(work.submit("after", ran::countDown)).isTrue();
      assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
    } finally {
      work.shutdown(Duration.ofSeconds(5));
    }
  }

  @Test
  void submit_afterShutdown_isRefused() {
    WorkQueue work = new WorkQueue(1, 1, roomy());
    work.shutdown(Duration.ofSeconds(1));
    assertThat(work.submit("late", () -> {})).isFalse();
    assertThat(work.submitSyncro("late", Duration.ofSeconds(5), () -> {})).hasValue(UserMessages.BUSY);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
