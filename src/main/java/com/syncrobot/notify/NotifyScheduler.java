package com.syncrobot.notify;

import com.syncrobot.threads.Background;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs live notifications on one thread: every {@link #TICK} it polls the views whose poll interval has passed,
 * runs the {@link PeriodicCheck}s that are due (offering what they find to the store), delivers the batches that
 * are due, and once an hour prunes what is older than {@link NotifyStore#KEEP}. Tests call {@link #tick()}
 * directly with a fake clock.
 */
public final class NotifyScheduler implements AutoCloseable {
  /** How often the loop looks for due polls, checks and batches. */
  public static final Duration TICK = Duration.ofSeconds(5);
  private static final Duration PRUNE_EVERY = Duration.ofHours(1);

  private static final Logger log = LoggerFactory.getLogger(NotifyScheduler.class);

  private final NotifyEngine engine;
  private final List<PeriodicCheck> checks;
  private final Clock clock;
  private final Map<PeriodicCheck, Instant> lastRun = new HashMap<>();
  private @Nullable Instant lastPrune;
  private final Object lifecycle = new Object();
  private @Nullable ScheduledExecutorService executor;
  private volatile @Nullable Instant lastBeat;

  public NotifyScheduler(NotifyEngine engine, List<PeriodicCheck> checks, Clock clock) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.checks = List.copyOf(checks);
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Starts the loop on its own daemon thread, ticking at once and then every {@link #TICK}.
   *
   * @throws IllegalStateException if already started
   */
  public void start() {
    ScheduledExecutorService e;
    synchronized (lifecycle) {
      if (executor != null) {
        throw new IllegalStateException("notification scheduler already started");
      }
      e = Executors.newSingleThreadScheduledExecutor(Background.named("notify-scheduler"));
      executor = e;
    }
    e.scheduleWithFixedDelay(this::tickSafely, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
    log.info("Notification scheduler started ({} periodic check(s))", checks.size());
  }

  /** One round: due polls, due checks, due batches, and the hourly prune. */
  public synchronized void tick() throws InterruptedException {
    engine.pollDue();
    Instant now = clock.instant();
    for (PeriodicCheck c : checks) {
      Instant last = lastRun.get(c);
      if (last == null || !now.isBefore(last.plus(c.every()))) {
        lastRun.put(c, now);
        try {
          c.run(now, engine.store());
        } catch (RuntimeException e) {
          log.error("Notification check {} failed: {}", c.getClass().getSimpleName(), e.toString());
        }
      }
    }
    engine.deliverDue();
    if (lastPrune == null || !now.isBefore(lastPrune.plus(PRUNE_EVERY))) {
      lastPrune = now;
      int pruned = engine.store().prune();
      if (pruned > 0) {
        log.info("Notifications: {} old record(s) pruned", pruned);
      }
    }
  }

  private void tickSafely() {
    lastBeat = clock.instant();
    try {
      tick();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException | Error e) {
      // Keep the loop alive: an exception would cancel every later tick.
      log.error("Notification tick failed: {}", e.toString());
    } finally {
      lastBeat = clock.instant();
    }
  }

  /** When a tick last started or finished (empty before the first); a loop stuck in a tick stops beating. */
  public Optional<Instant> lastBeat() {
    return Optional.ofNullable(lastBeat);
  }

  /** Whether the loop is started and not stopped. */
  public boolean running() {
    synchronized (lifecycle) {
      return executor != null && !executor.isShutdown();
    }
  }

  /** Stops the loop, waiting briefly for a poll or post in progress. */
  @Override
  public void close() {
    ScheduledExecutorService e;
    synchronized (lifecycle) {
      e = executor;
      executor = null;
    }
    if (e == null) {
      return;
    }
    e.shutdownNow();
    try {
      // briefly, so the bot stops within Docker's stop timeout; an interrupted poll is simply polled again
      if (!e.awaitTermination(2, TimeUnit.SECONDS)) {
        log.warn("Notification scheduler did not stop within 2 s");
      }
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
    }
  }
}
