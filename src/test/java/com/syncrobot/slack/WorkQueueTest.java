package com.syncrobot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

final class WorkQueueTest {
  @Test
  void submit_whenThreadsAndQueueAreFull_refusesInsteadOfQueueingForever() throws Exception {
    WorkQueue work = new WorkQueue(1, 1);
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
    } finally {
      release.countDown();
      work.shutdown(Duration.ofSeconds(5));
    }
  }

  @Test
  void submit_taskThatThrows_doesNotKillTheQueue() throws Exception {
    WorkQueue work = new WorkQueue(1, 10);
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
    WorkQueue work = new WorkQueue(1, 1);
    work.shutdown(Duration.ofSeconds(1));
    assertThat(work.submit("late", () -> {})).isFalse();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
