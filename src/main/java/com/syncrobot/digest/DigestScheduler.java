package com.syncrobot.digest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each schedule's digest once per day. Every {@link #TICK} it looks at each schedule's most
 * recent run: a run due within the late window that nobody has claimed is claimed in the store (the
 * atomic insert that makes it exactly once across restarts and instances) and only then published.
 * A run claimed more than {@link #ON_TIME} after it was due is marked late (the bot was down); a run
 * missed for longer than the window is recorded as skipped. The first tick happens at {@link
 * #start()}, which is how a run missed while the bot was down is caught up. Tests call {@link
 * #tick()} directly with a fake clock. Thread-safe; runs publish one at a time on one thread.
 */
public final class DigestScheduler implements AutoCloseable {
  /** How often the loop looks for due runs. */
  public static final Duration TICK = Duration.ofSeconds(30);
  /** A run claimed within this of its due time is on time; ticks are 30 s apart. */
  static final Duration ON_TIME = Duration.ofMinutes(2);

  private static final Logger log = LoggerFactory.getLogger(DigestScheduler.class);

  private final DigestStore store;
  private final DigestPublisher publisher;
  private final Clock clock;
  private final Duration lateWindow;
  private final String instanceId;
  // Separate from the tick's lock, so that stopping does not wait behind a long digest to get it.
  private final Object lifecycle = new Object();
  private @Nullable ScheduledExecutorService executor;

  /** One run claimed by a tick, and whether it is late. */
  public record Claimed(DigestSchedule schedule, DigestSlot slot, boolean late) {}

  /** Creates a scheduler with a random instance id (recorded with each claim). */
  public DigestScheduler(DigestStore store, DigestPublisher publisher, Clock clock, Duration lateWindow) {
    this(store, publisher, clock, lateWindow, "bot-" + UUID.randomUUID());
  }

  DigestScheduler(DigestStore store, DigestPublisher publisher, Clock clock, Duration lateWindow, String instanceId) {
    this.store = Objects.requireNonNull(store, "store == null");
    this.publisher = Objects.requireNonNull(publisher, "publisher == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
    this.lateWindow = Objects.requireNonNull(lateWindow, "lateWindow == null");
    this.instanceId = Objects.requireNonNull(instanceId, "instanceId == null");
    if (lateWindow.isNegative()) {
      throw new IllegalArgumentException("lateWindow must not be negative: " + lateWindow);
    }
  }

  /**
   * Starts the loop on its own daemon thread, ticking at once and then every {@link #TICK}; reports
   * runs an earlier process claimed but never finished.
   *
   * @throws IllegalStateException if already started
   */
  public void start() {
    ScheduledExecutorService e;
    synchronized (lifecycle) {
      if (executor != null) {
        throw new IllegalStateException("digest scheduler already started");
      }
      e = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "digest-scheduler");
        t.setDaemon(true);
        return t;
      });
      executor = e;
    }
    reportInterruptedRuns();
    e.scheduleWithFixedDelay(this::tickSafely, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
    log.info("Digest scheduler started (instance {}, late window {})", instanceId, lateWindow);
  }

  /**
   * Claims every run that is due now and publishes each claimed run; returns the claimed runs.
   * Claims come first, all of them, so that a slow digest does not make the next one look late.
   */
  public synchronized List<Claimed> tick() {
    Instant now = clock.instant();
    List<Claimed> claimed = new ArrayList<>();
    for (DigestSchedule s : store.list()) {
      try {
        claimIfDue(s, now).ifPresent(claimed::add);
      } catch (RuntimeException e) {
        log.error("Checking digest {} failed: {}", s.id(), e.toString());
      }
    }
    for (Claimed c : claimed) {
      publish(c);
    }
    return claimed;
  }

  private Optional<Claimed> claimIfDue(DigestSchedule s, Instant now) {
    DigestSlot slot = s.latestSlot(now);
    if (slot.dueAt().isBefore(s.createdAt())) {
      // Set up after that day's time: its first run is the next one.
      return Optional.empty();
    }
    Duration overdue = Duration.between(slot.dueAt(), now);
    if (overdue.compareTo(lateWindow) > 0) {
      if (store.claim(s.id(), slot, instanceId)) {
        String why = "missed by " + minutes(overdue) + " while the bot was down; late window is " + minutes(lateWindow);
        store.finish(s.id(), slot.date(), Delivery.skipped(why));
        log.info("Digest {} for {} skipped: {}", s.id(), slot.date(), why);
      }
      return Optional.empty();
    }
    // The claim is the only guard (no read first): it is one atomic insert, so two instances ticking
    // at the same moment cannot both win.
    if (!store.claim(s.id(), slot, instanceId)) {
      // Another instance, or an earlier tick (of this process or one before a restart), got there first.
      return Optional.empty();
    }
    return Optional.of(new Claimed(s, slot, overdue.compareTo(ON_TIME) > 0));
  }

  private void publish(Claimed c) {
    Delivery d;
    try {
      d = publisher.publish(c.schedule(), c.slot(), c.late());
    } catch (RuntimeException e) {
      log.error("Digest {} for {} failed: {}", c.schedule().id(), c.slot().date(), e.toString());
      d = Delivery.failed("internal error: " + e.getClass().getSimpleName());
    }
    try {
      store.finish(c.schedule().id(), c.slot().date(), d);
    } catch (RuntimeException e) {
      // The claim stays, so the run is still not sent twice; only its outcome is missing.
      log.error("Recording digest {} for {} failed: {}", c.schedule().id(), c.slot().date(), e.toString());
    }
    log.info("Digest {} for {}{}: {} {}", c.schedule().id(), c.slot().date(), c.late() ? " (late)" : "",
        d.outcome(), d.detail());
  }

  private void tickSafely() {
    try {
      tick();
    } catch (RuntimeException | Error e) {
      // Keep the loop alive: an exception would cancel every later tick.
      log.error("Digest tick failed: {}", e.toString());
    }
  }

  private void reportInterruptedRuns() {
    try {
      for (DigestRun r : store.unfinished()) {
        // It may or may not have reached the channel; sending again could post it twice.
        log.warn("Digest {} for {} was claimed by {} at {} but never finished; not resending it",
            r.scheduleId(), r.date(), r.claimedBy(), r.claimedAt());
      }
    } catch (RuntimeException e) {
      log.warn("Could not check for interrupted digests: {}", e.toString());
    }
  }

  private static String minutes(Duration d) {
    long m = d.toMinutes();
    return m >= 60 ? (m / 60) + " h " + (m % 60) + " min" : m + " min";
  }

  /** Stops the loop, waiting briefly for a digest being posted. */
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
    e.shutdown();
    try {
      if (!e.awaitTermination(10, TimeUnit.SECONDS)) {
        e.shutdownNow();
      }
    } catch (InterruptedException ex) {
      e.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
