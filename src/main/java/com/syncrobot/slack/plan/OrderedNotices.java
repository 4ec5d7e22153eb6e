package com.syncrobot.slack.plan;

import com.syncrobot.threads.Background;
import com.syncrobot.write.Plan;
import com.syncrobot.write.PlanListener;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a plan's changes to Slack off the runner's thread, in order per plan: updating the message is a
 * round trip to Slack (and a post or two when the plan ends), which would otherwise sit between one
 * Syncro step and the next. Changes of one plan are told one after the other in the order they came;
 * different plans' changes go in parallel. A change not yet told when the bot stops is told at the next
 * start ({@link PreviewUpdater#told}). Thread-safe.
 */
final class OrderedNotices implements PlanListener, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(OrderedNotices.class);

  private final PlanListener target;
  private final ThreadPoolExecutor pool;
  private final ConcurrentHashMap<String, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();

  OrderedNotices(PlanListener target, int threads) {
    this.target = target;
    // Unbounded: a change must never be dropped because many plans changed at once.
    this.pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
        Background.numbered("plan-notice"));
    pool.allowCoreThreadTimeOut(true);
  }

  @Override
  public void planChanged(Plan plan) {
    CompletableFuture<Void> next = tails.compute(plan.id(),
        (id, tail) -> (tail == null ? CompletableFuture.<Void>completedFuture(null) : tail)
            .thenRunAsync(() -> tell(plan), pool));
    next.whenComplete((v, e) -> tails.remove(plan.id(), next));
  }

  private void tell(Plan plan) {
    try {
      target.planChanged(plan);
    } catch (RuntimeException e) {
      log.warn("telling plan {} ({}) failed: {}", plan.id(), plan.state(), e.getClass().getName());
    }
  }

  /** Tells what is queued (for a few seconds at most), then stops. */
  @Override
  public void close() {
    close(Duration.ofSeconds(5));
  }

  /** Tells what is queued for up to {@code within}, then stops. */
  public void close(Duration within) {
    pool.shutdown();
    try {
      if (!pool.awaitTermination(within.toNanos(), TimeUnit.NANOSECONDS)) {
        pool.shutdownNow();
      }
    } catch (InterruptedException e) {
      pool.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
