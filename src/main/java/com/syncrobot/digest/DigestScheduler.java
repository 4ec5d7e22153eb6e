package com.syncrobot.digest;

import com.syncrobot.threads.Background;
import com.syncrobot.metrics.Metrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 * #start()}, which is how a run missed while the bot was down is caught up.
 *
 * <p>A claim names its holder, this process's plan runner, whose heartbeat other processes see. A
 * run claimed and never finished (its holder died between claim and post, or during the post) is
 * taken over once its holder has not beaten for the runner lease and the claim is at least that old,
 * so within a lease and a tick of the death: first the channel is read for the message the holder
 * may have posted ({@link DigestPublisher#find}); found, the run is recorded with it and nothing is
 * posted; not found, one conditional update takes the run over for exactly one process, which posts
 * it (late, or skipped beyond the window, by the rules above). A channel that cannot be read leaves
 * the run for the next tick: nothing is posted blind. A run whose holder beats is never taken over.
 * Tests call {@link #tick()} directly with a fake clock. Thread-safe; runs publish one at a time on
 * one thread.
 */
public final class DigestScheduler implements AutoCloseable {
  /** How often the loop looks for due runs. */
  public static final Duration TICK = Duration.ofSeconds(30);
  /** A run claimed within this of its due time is on time; ticks are 30 s apart. */
  static final Duration ON_TIME = Duration.ofMinutes(2);
  /** Notes logged once per run (a live holder, an unreadable channel); forgotten beyond this many. */
  private static final int MAX_NOTED = 1000;

  private static final Logger log = LoggerFactory.getLogger(DigestScheduler.class);

  private final DigestStore store;
  private final DigestPublisher publisher;
  private final Clock clock;
  private final Duration lateWindow;
  private final Metrics metrics;
  private final String holder;
  private final Duration lease;
  private final Set<String> noted = ConcurrentHashMap.newKeySet();
  // Separate from the tick's lock, so that stopping does not wait behind a long digest to get it.
  private final Object lifecycle = new Object();
  private @Nullable ScheduledExecutorService executor;
  private volatile @Nullable Instant lastBeat;

  /** One run claimed by a tick, and whether it is late. */
  public record Claimed(DigestSchedule schedule, DigestSlot slot, boolean late) {}

  /**
   * Creates a scheduler whose claims name {@code holder}, the id of this process's plan runner (its
   * heartbeat is what tells other processes that this one is alive); a run held by a runner silent
   * for {@code lease} is taken over.
   *
   * @throws IllegalArgumentException if the late window is negative or the lease not positive
   */
  public DigestScheduler(DigestStore store, DigestPublisher publisher, Clock clock, Duration lateWindow, String holder,
      Duration lease) {
    this(store, publisher, clock, lateWindow, holder, lease, Metrics.NONE);
  }

  /** Creates a scheduler as above that counts each run's outcome, and the late ones, in {@code metrics}. */
  public DigestScheduler(DigestStore store, DigestPublisher publisher, Clock clock, Duration lateWindow, String holder,
      Duration lease, Metrics metrics) {
    this.metrics = Objects.requireNonNull(metrics, "metrics == null");
    this.store = Objects.requireNonNull(store, "store == null");
    this.publisher = Objects.requireNonNull(publisher, "publisher == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
    this.lateWindow = Objects.requireNonNull(lateWindow, "lateWindow == null");
    this.holder = Objects.requireNonNull(holder, "holder == null");
    this.lease = Objects.requireNonNull(lease, "lease == null");
    if (lateWindow.isNegative()) {
      throw new IllegalArgumentException("lateWindow must not be negative: " + lateWindow);
    }
    if (lease.isNegative() || lease.isZero()) {
      throw new IllegalArgumentException("lease must be positive: " + lease);
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
      e = Executors.newSingleThreadScheduledExecutor(Background.named("digest-scheduler"));
      executor = e;
    }
    reportInterruptedRuns();
    e.scheduleWithFixedDelay(this::tickSafely, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
    log.info("Digest scheduler started (holder {}, late window {})", holder, lateWindow);
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
    // The claim is the only guard (no read first): it is one atomic insert, so two instances ticking
    // at the same moment cannot both win.
    if (!store.claim(s.id(), slot, holder)) {
      // Another instance, or an earlier tick (of this process or one before a restart), got there
      // first; if that one died before finishing the run, it is taken over.
      return takeOverIfAbandoned(s, slot, now, overdue);
    }
    if (overdue.compareTo(lateWindow) > 0) {
      skip(s, slot, "missed by " + minutes(overdue) + " while the bot was down; late window is " + minutes(lateWindow));
      return Optional.empty();
    }
    return Optional.of(new Claimed(s, slot, overdue.compareTo(ON_TIME) > 0));
  }

  /** Takes over the run of {@code slot} if its holder died before finishing it: verification first. */
  private Optional<Claimed> takeOverIfAbandoned(DigestSchedule s, DigestSlot slot, Instant now, Duration overdue) {
    DigestRun run = store.run(s.id(), slot.date()).orElse(null);
    if (run == null || run.finishedAt() != null || run.claimedBy().equals(holder)) {
      return Optional.empty();
    }
    Instant staleBefore = now.minus(lease);
    if (!run.claimedAt().isBefore(staleBefore)) {
      return Optional.empty();
    }
    String from = run.claimedBy();
    if (store.alive(from, staleBefore)) {
      note(run, "alive", () -> log.info("Digest {} for {} is held by {}, whose heartbeat is fresh (it may be posting "
          + "it now); taken over only once that stops", s.id(), slot.date(), from));
      return Optional.empty();
    }
    // The holder may have posted it and died before recording that: the channel says.
    Optional<Delivery> posted;
    try {
      posted = publisher.find(s, slot);
    } catch (DigestPublisher.Unreadable e) {
      note(run, "unreadable", () -> log.warn("Digest {} for {} was claimed by {}, which stopped before finishing it; "
          + "the channel cannot be read to see whether it was posted ({}), so it is not posted until it can be",
          s.id(), slot.date(), from, e.getMessage()));
      return Optional.empty();
    }
    if (posted.isPresent()) {
      if (store.adopt(s.id(), slot.date(), from, holder, staleBefore, posted.get())) {
        log.info("Digest {} for {} was posted by {}, which stopped before recording it; found in the channel ({}), "
            + "not posted again", s.id(), slot.date(), from, posted.get().ts());
      }
      return Optional.empty();
    }
    if (!store.takeOver(s.id(), slot.date(), from, holder, staleBefore)) {
      // Another process took it over first (or the holder finished it after all).
      return Optional.empty();
    }
    log.info("Digest {} for {} taken over from {}, which stopped before posting it", s.id(), slot.date(), from);
    if (overdue.compareTo(lateWindow) > 0) {
      skip(s, slot, "its bot process stopped before posting it, and it is now " + minutes(overdue)
          + " past its time; late window is " + minutes(lateWindow));
      return Optional.empty();
    }
    return Optional.of(new Claimed(s, slot, overdue.compareTo(ON_TIME) > 0));
  }

  private void skip(DigestSchedule s, DigestSlot slot, String why) {
    store.finish(s.id(), slot.date(), holder, Delivery.skipped(why));
    metrics.digest(Delivery.Outcome.SKIPPED, true);
    log.info("Digest {} for {} skipped: {}", s.id(), slot.date(), why);
  }

  /** Logs something about a run once, not at every tick. */
  private void note(DigestRun run, String what, Runnable logIt) {
    if (noted.size() > MAX_NOTED) {
      noted.clear();
    }
    if (noted.add(run.scheduleId() + "@" + run.date() + " " + run.claimedBy() + " " + what)) {
      logIt.run();
    }
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
      if (!store.finish(c.schedule().id(), c.slot().date(), holder, d)) {
        log.warn("Digest {} for {}: another bot process took the run over meanwhile (this one looked dead); its "
            + "outcome here was not recorded", c.schedule().id(), c.slot().date());
      }
    } catch (RuntimeException e) {
      // The claim stays, so the run is still not sent twice; only its outcome is missing.
      log.error("Recording digest {} for {} failed: {}", c.schedule().id(), c.slot().date(), e.toString());
    }
    metrics.digest(d.outcome(), c.late());
    log.info("Digest {} for {}{}: {} {}", c.schedule().id(), c.slot().date(), c.late() ? " (late)" : "",
        d.outcome(), d.detail());
  }

  private void tickSafely() {
    lastBeat = clock.instant();
    try {
      tick();
    } catch (RuntimeException | Error e) {
      // Keep the loop alive: an exception would cancel every later tick.
      log.error("Digest tick failed: {}", e.toString());
    } finally {
      lastBeat = clock.instant();
    }
  }

  private void reportInterruptedRuns() {
    try {
      for (DigestRun r : store.unfinished()) {
        // The run of a schedule's latest slot is checked in its channel and taken over by a tick;
        // an older one is past its day.
        log.warn("Digest {} for {} was claimed by {} at {} but never finished; once that process is known dead, "
            + "its channel is checked and it is sent if it is not there and still within the late window",
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

  /**
   * Stops the loop, waiting briefly (2 s, so the bot stops within Docker's stop timeout) for a digest being posted;
   * one cut short is finished by the next start, as after a crash.
   */
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
      if (!e.awaitTermination(2, TimeUnit.SECONDS)) {
        e.shutdownNow();
      }
    } catch (InterruptedException ex) {
      e.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
