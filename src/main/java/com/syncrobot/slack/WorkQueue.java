package com.syncrobot.slack;

import com.syncrobot.threads.Background;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * A bounded pool that runs work (Syncro calls, replies) after a handler has acked, so no handler holds Slack's
 * 3-second window. The bot has two: {@link #standard} for clicks and short reads, and {@link #slow} for work
 * that may take a minute (digests on demand, language-model drafting, long list reads), so a Confirm or
 * Cancel never waits behind it. Thread-safe.
 *
 * <p>A full pool is refused, not queued without limit, and the handler tells the user to try again: the bot
 * is overloaded. Work for Syncro ({@link #submitSyncro}) that Syncro's request budget holds back is not
 * refused for that: while the budget's wait is {@link QueuedNotice#FROM} or more (or earlier such work still
 * waits) it waits in a queue of its own, in order, holding neither a thread nor a place in the pool's
 * queue; at most half the threads run such work at a time, so clicks keep the rest. That queue is bounded
 * by what the budget could serve before Slack forgets the reply address (see {@link #maxHeld}).
 */
public final class WorkQueue implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WorkQueue.class);

  /**
   * Requests each held task ahead is counted for when the asker is told how long they wait: a command's usual
   * reads (find the ticket by its number, read it).
   */
  static final int REQUESTS_PER_HELD_TASK = 2;

  /**
   * How much of the budget held work may book: all of it is answered within the 30 minutes Slack accepts
   * replies at a command's response_url.
   */
  static final Duration HELD_AT_MOST = Duration.ofMinutes(25);

  /**
   * The most held tasks whatever the budget: a task is a small closure (the Slack context and a few strings,
   * well under 2 KB), so 10,000 of them take under 20 MB.
   */
  static final int MAX_HELD = 10_000;

  /** Told when held work fills {@link #HELD_AT_MOST} of the budget. */
  static final String BOOKED = "Your team has queued more Syncro work than Syncro's request limit lets through in"
      + " the next 25 minutes; try again in a few minutes.";

  /** A task with the log context (MDC) of the thread that queued it, so its lines name the same user and plan. */
  private record Task(String what, Runnable run, @Nullable Map<String, String> context) {
    Task(String what, Runnable run) {
      this(what, run, MDC.getCopyOfContextMap());
    }
  }

  private final ThreadPoolExecutor executor;
  private final QueuedNotice budget;
  private final int heldThreads;
  private final int maxHeld;
  private final Object lock = new Object();
  /** Held work for Syncro, oldest first. */
  private final ArrayDeque<Task> held = new ArrayDeque<>();
  /** Held tasks handed to the pool and not finished. */
  private int heldRunning;
  private boolean closed;

  WorkQueue(int threads, int queueCapacity, QueuedNotice budget) {
    this("slack-work", threads, queueCapacity, budget);
  }

  private WorkQueue(String name, int threads, int queueCapacity, QueuedNotice budget) {
    if (threads < 1 || queueCapacity < 1) {
      throw new IllegalArgumentException(
          "threads and queue capacity must be positive: " + threads + ", " + queueCapacity);
    }
    this.budget = Objects.requireNonNull(budget, "budget");
    this.heldThreads = Math.max(1, threads / 2);
    this.maxHeld = maxHeld(budget.perMinute(), queueCapacity);
    this.executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(queueCapacity), Background.numbered(name), new ThreadPoolExecutor.AbortPolicy());
    executor.allowCoreThreadTimeOut(true);
  }

  /**
   * Returns how many tasks may wait for the budget: as many as {@link #HELD_AT_MOST} of it serves at {@link
   * #REQUESTS_PER_HELD_TASK} each (2,250 at 180 a minute), never fewer than the pool's queue, never more than
   * {@link #MAX_HELD}.
   */
  static int maxHeld(int perMinute, int queueCapacity) {
    long served = (long) perMinute * HELD_AT_MOST.toMinutes() / REQUESTS_PER_HELD_TASK;
    return (int) Math.min(MAX_HELD, Math.max(queueCapacity, served));
  }

  /** The production size for clicks and short work: 8 threads, 200 waiting tasks. */
  static WorkQueue standard(QueuedNotice budget) {
    return new WorkQueue(8, 200, budget);
  }

  /**
   * The production size for slow work: 4 threads (the model and Syncro's request budget are shared anyway),
   * 100 waiting tasks.
   */
  static WorkQueue slow(QueuedNotice budget) {
    return new WorkQueue("slow-work", 4, 100, budget);
  }

  /** Runs {@code task} later; returns false (and runs nothing) when the queue is full or closed. */
  public boolean submit(String what, Runnable task) {
    return execute(new Task(what, task), false);
  }

  /**
   * Returns about how long Syncro's request budget would hold back work for Syncro submitted now, behind the
   * work already held, when that is at least {@link QueuedNotice#FROM}; empty when the budget has room. One
   * look at the budget (in the store when it is shared): take it once and pass it to {@link #submitSyncro}.
   */
  public Optional<Duration> heldBack() {
    int ahead;
    synchronized (lock) {
      ahead = held.size();
    }
    return budget.heldBack((long) ahead * REQUESTS_PER_HELD_TASK);
  }

  /** Returns how many tasks wait for a thread of the pool (held work not counted); for the metrics. */
  public int waiting() {
    return executor.getQueue().size();
  }

  /** Returns how many tasks are held back for Syncro's request budget; for the metrics. */
  public int heldCount() {
    synchronized (lock) {
      return held.size();
    }
  }

  /** Returns the "Queued … about N s" words for work held back for about {@code wait}. */
  public String notice(Duration wait, QueuedNotice.Awaited what) {
    return budget.text(wait, what);
  }

  /**
   * Runs {@code task}, which spends Syncro's request budget, later: at once like {@link #submit}, or, when
   * {@code heldBack} (from {@link #heldBack()}) says the budget holds it back or earlier held work still waits,
   * after that work once the pool has a thread for it. Returns what to tell the asker when it is refused (and
   * nothing runs): the pool is full while the budget has room, or the held work already books {@link
   * #HELD_AT_MOST} of the budget, or the queue is closed.
   */
  public Optional<String> submitSyncro(String what, @Nullable Duration heldBack, Runnable task) {
    Task t = new Task(what, task);
    synchronized (lock) {
      if (closed) {
        return Optional.of(UserMessages.BUSY);
      }
      if (heldBack != null || !held.isEmpty()) {
        if (held.size() >= maxHeld) {
          log.warn("Refused background work '{}': {} tasks already wait for Syncro's request budget", what,
              held.size());
          return Optional.of(BOOKED);
        }
        held.addLast(t);
        drain();
        return Optional.empty();
      }
    }
    return execute(t, false) ? Optional.empty() : Optional.of(UserMessages.BUSY);
  }

  /** Hands held tasks to the pool while fewer than half its threads run held work; the lock is held. */
  private void drain() {
    while (!closed && heldRunning < heldThreads && !held.isEmpty()) {
      if (!execute(held.peekFirst(), true)) {
        return; // the pool's queue is full: tried again when a task ends
      }
      held.pollFirst();
      heldRunning++;
    }
  }

  private boolean execute(Task task, boolean fromHeld) {
    try {
      executor.execute(() -> run(task, fromHeld));
      return true;
    } catch (RejectedExecutionException e) {
      if (!fromHeld) {
        log.warn("Refused background work '{}': queue full or shutting down", task.what());
      }
      return false;
    }
  }

  private void run(Task task, boolean fromHeld) {
    if (task.context() != null) {
      MDC.setContextMap(task.context());
    }
    try {
      task.run().run();
    } catch (RuntimeException | Error e) {
      // The task's own handling failed; keep the thread and leave a trace without secrets.
      log.error("Background work '{}' failed: {}", task.what(), SafeLog.describe(e));
    } finally {
      MDC.clear();
      synchronized (lock) {
        if (fromHeld) {
          heldRunning--;
        }
        drain();
      }
    }
  }

  /** Stops taking work, drops held work, and waits up to {@code grace} for running work to finish. */
  void shutdown(Duration grace) {
    synchronized (lock) {
      closed = true;
      if (!held.isEmpty()) {
        log.warn("Shutting down with {} tasks still waiting for Syncro's request budget; they are dropped",
            held.size());
        held.clear();
      }
    }
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
