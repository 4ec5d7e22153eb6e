package com.syncrobot.slack;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bounded pool that runs work (Syncro calls, replies) after a handler has acked, so no handler
 * holds Slack's 3-second window. A full queue is refused, not queued without limit, and the handler
 * tells the user to try again. The bot has two: {@link #standard()} for clicks and short reads, and
 * {@link #slow()} for work that may take a minute (digests on demand, language-model drafting, long
 * list reads), so a Confirm or Cancel never waits behind it. Thread-safe.
 */
public final class WorkQueue implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WorkQueue.class);

  private final ThreadPoolExecutor executor;

  WorkQueue(int threads, int queueCapacity) {
    this("slack-work", threads, queueCapacity);
  }

  private WorkQueue(String name, int threads, int queueCapacity) {
    if (threads < 1 || queueCapacity < 1) {
      throw new IllegalArgumentException(
          "threads and queue capacity must be positive: " + threads + ", " + queueCapacity);
    }
    AtomicInteger n = new AtomicInteger();
    this.executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(queueCapacity),
        r -> {
          Thread t = new Thread(r, name + "-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        },
        new ThreadPoolExecutor.AbortPolicy());
    executor.allowCoreThreadTimeOut(true);
  }

  /** The production size for clicks and short work: 8 threads, 200 waiting tasks. */
  static WorkQueue standard() {
    return new WorkQueue(8, 200);
  }

  /**
   * The production size for slow work: 4 threads (the model and Syncro's request budget are shared
   * anyway), 100 waiting tasks.
   */
  static WorkQueue slow() {
    return new WorkQueue("slow-work", 4, 100);
  }

  /** Runs {@code task} later; returns false (and runs nothing) when the queue is full or closed. */
  public boolean submit(String what, Runnable task) {
    try {
      executor.execute(() -> {
        try {
          task.run();
        } catch (RuntimeException | Error e) {
          // The task's own handling failed; keep the thread and leave a trace without secrets.
          log.error("Background work '{}' failed: {}", what, SafeLog.describe(e));
        }
      });
      return true;
    } catch (RejectedExecutionException e) {
      log.warn("Refused background work '{}': queue full or shutting down", what);
      return false;
    }
  }

  /** Stops taking work and waits up to {@code grace} for running work to finish. */
  void shutdown(Duration grace) {
    executor.shutdown();
    try {
      if (!executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    shutdown(Duration.ofSeconds(10));
  }
}
