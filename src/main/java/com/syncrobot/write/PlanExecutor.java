package com.syncrobot.write;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.syncrobot.metrics.Metrics;
import com.syncrobot.syncro.SyncroApi;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The engine that executes confirmed plans exactly once (R1, R2, R3); thread-safe. Runs plans on
 * the injected executor, re-checks waiting plans through the injected scheduler, and tells the
 * listener about every change. At most one runner works on a plan: in this process a per-plan
 * demand counter, across processes the plan's runner lease in the store.
 */
public final class PlanExecutor {
  private static final Logger log = LoggerFactory.getLogger(PlanExecutor.class);
  private static final String HOST = host();
  private static final long PID = ProcessHandle.current().pid();

  /** The re-check delays of a waiting plan; the last one repeats. */
  public static final List<Duration> DEFAULT_BACKOFF = List.of(Duration.ofMinutes(1), Duration.ofMinutes(2),
      Duration.ofMinutes(5), Duration.ofMinutes(10));

  /**
   * How long after a request left it may still be committed at Syncro; a write whose answer was lost is
   * called absent only by a check after that (see README, "exactly once").
   */
  public static final Duration DEFAULT_SETTLE = Duration.ofSeconds(120);

  /** Consecutive store failures of one plan after which its owner is told that it is stuck for now. */
  static final int TELL_AFTER_STORE_FAILURES = 3;

  /** How long before a step's send a matching comment may have been created and still count. */
  public static final Duration DEFAULT_COMMENT_TOLERANCE = Duration.ofMinutes(10);

  /** How long a runner's heartbeat stays fresh; it beats every third of that. */
  public static final Duration DEFAULT_RUNNER_LEASE = Duration.ofSeconds(30);

  /** Runners silent this long that hold no plan are forgotten. */
  private static final Duration FORGET_RUNNERS_AFTER = Duration.ofDays(7);

  private final PlanStore store;
  private final Function<String, Optional<SyncroApi>> apis;
  private final PlanListener listener;
  private final Executor executor;
  private final Scheduler scheduler;
  private final Clock clock;
  private final List<Duration> backoff;
  private final CheckVerifier verifier;
  private final Duration settle;
  private final @Nullable Function<String, Optional<Long>> tokenUser;
  /** Consecutive failed passes per plan (a store error); absent when the last pass went through. */
  private final ConcurrentHashMap<String, Integer> storeFailures = new ConcurrentHashMap<>();
  private final String runnerId = "runner-" + UUID.randomUUID();
  private final Duration lease;
  private final AtomicBoolean registered = new AtomicBoolean();
  /** Plans found held by a runner whose heartbeat was fresh: looked at again at each heartbeat. */
  private final Set<String> heldElsewhere = ConcurrentHashMap.newKeySet();
  /** Runs requested per plan while one is in progress; absent when none runs in this process. */
  private final ConcurrentHashMap<String, Integer> demand = new ConcurrentHashMap<>();
  /**
   * Plans handed to the executor whose pass has not started yet (all its threads busy, e.g. waiting for Syncro's
   * request budget): not orphans, though nobody holds them in the store yet.
   */
  private final Set<String> queued = ConcurrentHashMap.newKeySet();
  /** Set when the bot is stopping: no pass starts, and a running pass sends no further step. */
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final Metrics metrics;
  /** Plans whose final state this process told the metrics about, so a plan told twice counts once. */
  private final Cache<String, Boolean> counted = Caffeine.newBuilder().maximumSize(10_000)
      .expireAfterWrite(Duration.ofHours(1)).build();

  private PlanExecutor(Builder b) {
    this.store = required(b.store, "store");
    this.apis = required(b.apis, "apis");
    this.listener = required(b.listener, "listener");
    this.executor = required(b.executor, "executor");
    this.scheduler = required(b.scheduler, "scheduler");
    this.clock = required(b.clock, "clock");
    this.backoff = b.backoff;
    this.verifier = new CheckVerifier(b.commentTolerance);
    this.settle = b.settle;
    this.tokenUser = b.tokenUser;
    this.lease = b.runnerLease;
    this.metrics = b.metrics;
  }

  /** Returns a builder; store, apis, listener, executor, scheduler and clock are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Confirms the plan for {@code slackUserId} (owner only, once) and, if that worked, executes it. */
  public ConfirmResult confirm(String planId, String slackUserId) {
    ConfirmResult result = store.confirm(planId, slackUserId, clock.instant());
    if (result == ConfirmResult.CONFIRMED || result == ConfirmResult.EXPIRED) {
      notifyChanged(planId);
    }
    if (result == ConfirmResult.CONFIRMED) {
      execute(planId);
    }
    return result;
  }

  /** Cancels the plan for its owner (a preview, or a plan waiting for the owner's decision). */
  public CancelResult cancel(String planId, String slackUserId) {
    CancelResult result = store.cancel(planId, slackUserId, clock.instant());
    if (result == CancelResult.CANCELLED || result == CancelResult.EXPIRED) {
      notifyChanged(planId);
    }
    return result;
  }

  /** Sends a step that was proven absent once more, on its owner's explicit word (R2). */
  public DecisionResult resend(String planId, int stepIndex, String slackUserId) {
    DecisionResult result = store.resend(planId, stepIndex, slackUserId);
    if (result == DecisionResult.ACCEPTED) {
      notifyChanged(planId);
      execute(planId);
    }
    return result;
  }

  /**
   * Records the owner's finding in Syncro about a step that could not be verified: landed → the
   * plan runs on; not landed → the step is absent and may be sent again with {@link #resend}.
   */
  public DecisionResult settle(String planId, int stepIndex, String slackUserId, boolean landed) {
    DecisionResult result = store.settle(planId, stepIndex, slackUserId, landed, clock.instant());
    if (result == DecisionResult.ACCEPTED) {
      metrics.unknownResolved(landed ? Metrics.Resolution.OWNER_LANDED : Metrics.Resolution.OWNER_NOT_LANDED);
      notifyChanged(planId);
      if (landed) {
        execute(planId);
      }
    }
    return result;
  }

  /** Marks previews whose time ran out EXPIRED, tells the listener, and returns them. */
  public List<Plan> expirePreviews() {
    List<Plan> expired = store.expirePreviews(clock.instant());
    expired.forEach(this::notifyListener);
    return expired;
  }

  /**
   * Runs the plan on the executor if it is EXECUTING or WAITING; does nothing for a plan in any
   * other state or one that is already running. Safe to call any number of times.
   */
  public void execute(String planId) {
    submit(planId, false);
  }

  /**
   * Resumes, at start-up, every plan that was executing or waiting: from its first step without a
   * known result, verifying a step left SENDING or UNKNOWN before anything else. Returns how many.
   * Call it once, before any other call. A plan is taken over only from a runner whose heartbeat
   * has expired (its process died); one held by a runner that still beats is looked at again at
   * each {@link #heartbeat()} and taken over once that runner falls silent.
   */
  public int resume() {
    heartbeat();
    List<Plan> plans = store.unfinished();
    for (Plan plan : plans) {
      log.info("resuming plan {} ({})", plan.id(), plan.state());
      submit(plan.id(), true);
    }
    return plans.size();
  }

  /**
   * Records that this engine's runner is alive (call it every {@link #heartbeatEvery()}), then looks
   * again at the plans held by runners that were alive at the last look, and takes over the plans whose
   * runner is gone: another process (a replica, or this bot before a restart) that was killed while it
   * ran them, or that left them WAITING and is not there to look again. So a plan is resumed within a
   * lease and a heartbeat of its runner's death, by whichever process notices first, verification first.
   */
  public void heartbeat() {
    List<String> orphaned;
    try {
      store.beat(runnerId, HOST, PID, clock.instant());
      if (registered.compareAndSet(false, true)) {
        store.pruneRunners(clock.instant().minus(FORGET_RUNNERS_AFTER));
      }
      orphaned = store.orphaned(clock.instant().minus(lease));
    } catch (RuntimeException e) {
      log.warn("runner heartbeat not recorded: {}", e.toString());
      return;
    }
    for (String planId : List.copyOf(heldElsewhere)) {
      if (heldElsewhere.remove(planId)) {
        submit(planId, true);
      }
    }
    for (String planId : orphaned) {
      if (!demand.containsKey(planId) && !queued.contains(planId)) {
        log.info("plan {} has no live runner; taking it over", planId);
        submit(planId, true);
      }
    }
  }

  /** This engine's runner id: its heartbeat in the store tells other processes that this one is alive. */
  public String runnerId() {
    return runnerId;
  }

  /** How long this runner's heartbeat stays fresh: a runner silent for longer counts as dead. */
  public Duration runnerLease() {
    return lease;
  }

  /** How often {@link #heartbeat()} must run: a third of the lease, so one late beat loses nothing. */
  public Duration heartbeatEvery() {
    return lease.dividedBy(3);
  }

  /**
   * The bot is stopping: from now on no pass starts, and a running pass finishes the request it has in flight
   * (its answer is recorded), then leaves its plan WAITING with a note that it goes on after the restart. The
   * next start ({@link #resume()}), or another replica, takes it from there.
   */
  public void stopTaking() {
    stopping.set(true);
  }

  /**
   * Called when the time to stop ran out while passes still wait for Syncro's answer: leaves each such plan WAITING
   * for the next start and tells its owner so. The step in flight stays recorded as being sent (maybe sent), so the
   * next start checks in Syncro whether it arrived before anything else; an answer that still comes to this process
   * is not recorded (the plan is no longer this runner's), which changes nothing for that check.
   */
  public void leaveRunning() {
    for (String planId : List.copyOf(demand.keySet())) {
      try {
        Optional<Plan> plan = store.find(planId);
        if (plan.isPresent() && store.leaveWaiting(planId, runnerId, PlanNotes.restarting(plan.get()), clock.instant(),
            clock.instant())) {
          log.info("plan {} left for the next start with a step maybe sent: the bot had to stop", planId);
          notifyChanged(planId);
        }
      } catch (RuntimeException e) {
        log.warn("plan {} not marked as left for the next start: {}", planId, e.toString());
      }
    }
  }

  /**
   * Called last when the bot stops: marks this runner's heartbeat as long past, so the next start or another
   * replica takes over at once a plan whose request was still in flight when the time to stop ran out (that step
   * stays recorded as being sent, i.e. maybe sent, and is verified in Syncro before anything else).
   */
  public void retire() {
    try {
      store.beat(runnerId, HOST, PID, java.time.Instant.EPOCH);
    } catch (RuntimeException e) {
      log.warn("runner not marked as stopped: {}", e.toString());
    }
  }

  private void submit(String planId, boolean takeOver) {
    if (stopping.get()) {
      log.info("plan {} not run now: the bot is stopping; the next start resumes it", planId);
      return;
    }
    queued.add(planId);
    try {
      executor.execute(() -> drive(planId, takeOver));
    } catch (RejectedExecutionException e) {
      queued.remove(planId);
      // the plan stays EXECUTING/WAITING in the store; the next start resumes it
      log.warn("plan {} not run now: executor refused the task", planId);
    }
  }

  private void drive(String planId, boolean takeOver) {
    queued.remove(planId);
    if (demand.merge(planId, 1, Integer::sum) != 1) {
      return; // the running pass will go round once more
    }
    boolean first = true;
    try {
      while (true) {
        runOnce(planId, takeOver && first);
        first = false;
        // collapse every demand that arrived meanwhile into one more pass
        if (demand.compute(planId, (k, v) -> v == null || v <= 1 ? null : 1) == null) {
          return;
        }
      }
    } catch (RuntimeException e) {
      demand.remove(planId);
      // e.g. the store busy past its timeout or the disk full: the plan is not left to sit until the next start
      int failures = storeFailures.merge(planId, 1, Integer::sum);
      Duration delay = backoff.get(Math.min(failures - 1, backoff.size() - 1));
      log.error("plan {} stopped by an unexpected {} ({} time(s) in a row); trying again in {}", planId,
          e.getClass().getName(), failures, delay, e);
      if (failures == TELL_AFTER_STORE_FAILURES) {
        tellStuck(planId, delay);
      }
      boolean takeOverAgain = takeOver && first;
      if (!stopping.get()) {
        scheduler.schedule(delay, () -> submit(planId, takeOverAgain));
      }
    }
  }

  private void runOnce(String planId, boolean takeOver) {
    if (storeFailures.containsKey(planId)) {
      // a pass of ours failed half-way and may have left our lease on the plan; only one pass runs here
      store.release(planId, runnerId);
    }
    if (!registered.get()) {
      heartbeat(); // a plan this runner holds must never look abandoned
    }
    boolean claimed = takeOver ? takeOver(planId) : store.claim(planId, runnerId);
    if (!claimed) {
      storeFailures.remove(planId);
      return;
    }
    boolean released = false;
    try {
      Plan plan = store.find(planId).orElseThrow(() -> new IllegalStateException("plan " + planId + " vanished"));
      MDC.put("plan", plan.id());
      MDC.put("slack_user", plan.slackUserId());
      if (plan.ticket() != null) {
        MDC.put("ticket", Long.toString(plan.ticket().number().value()));
      }
      notifyListener(plan);
      PlanRun.End end = new PlanRun(store, verifier, clock, backoff, this::notifyListener, runnerId, settle,
          tokenUser, stopping::get, metrics).run(plan, apis.apply(plan.slackUserId()));
      // A pass that stopped, waits or paused left the plan, which gave up the lease in the same statement.
      released = end.kind() != PlanRun.Kind.LOST;
      if (end.kind() == PlanRun.Kind.WAITING && !stopping.get()) {
        scheduler.schedule(end.recheckIn(), () -> execute(planId));
      }
    } finally {
      MDC.remove("plan");
      MDC.remove("slack_user");
      MDC.remove("ticket");
      if (!released) {
        store.release(planId, runnerId);
      }
    }
    storeFailures.remove(planId);
  }

  /** Tells the owner that their plan cannot go on for now because the bot cannot save its progress. */
  private void tellStuck(String planId, Duration delay) {
    Optional<Plan> plan;
    try {
      plan = store.find(planId);
    } catch (RuntimeException e) {
      log.error("plan {}: cannot even read it to tell its owner ({})", planId, e.getClass().getName());
      return;
    }
    plan.ifPresent(p -> notifyListener(new Plan(p.id(), p.kind(), p.slackUserId(), p.syncroUserId(),
        p.syncroUserName(), p.channelId(), p.ticket(), p.title(), PlanState.WAITING, p.createdAt(), p.expiresAt(),
        p.confirmedAt(), p.finishedAt(), p.responseUrl(), p.previewJson(), PlanNotes.storeTrouble(delay),
        p.steps())));
  }

  /** Takes the plan over unless its runner still beats; then it is looked at again at the next heartbeat. */
  private boolean takeOver(String planId) {
    if (store.takeOver(planId, runnerId, clock.instant().minus(lease))) {
      return true;
    }
    Optional<String> holder = store.holder(planId);
    if (holder.isPresent() && !holder.get().equals(runnerId) && heldElsewhere.add(planId)) {
      log.info("plan {} is held by {}, whose heartbeat is fresh; taken over only once it stops", planId,
          holder.get());
    }
    return false;
  }

  private void notifyChanged(String planId) {
    store.find(planId).ifPresent(this::notifyListener);
  }

  private void notifyListener(Plan plan) {
    if (plan.state().isFinal() && counted.asMap().putIfAbsent(plan.id(), Boolean.TRUE) == null) {
      metrics.planOutcome(plan.state());
    }
    try {
      listener.planChanged(plan);
    } catch (RuntimeException e) {
      log.warn("listener failed on plan {} ({}): {}", plan.id(), plan.state(), e.getClass().getName());
    }
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException | SecurityException e) {
      return "unknown-host";
    }
  }

  private static <T> T required(@Nullable T value, String name) {
    if (value == null) {
      throw new IllegalStateException(name + " not set");
    }
    return value;
  }

  /** Collects the engine's collaborators; every setter validates its argument. */
  public static final class Builder {
    private @Nullable PlanStore store;
    private @Nullable Function<String, Optional<SyncroApi>> apis;
    private @Nullable PlanListener listener;
    private @Nullable Executor executor;
    private @Nullable Scheduler scheduler;
    private @Nullable Clock clock;
    private List<Duration> backoff = DEFAULT_BACKOFF;
    private Duration commentTolerance = DEFAULT_COMMENT_TOLERANCE;
    private Duration settle = DEFAULT_SETTLE;
    private @Nullable Function<String, Optional<Long>> tokenUser;
    private Duration runnerLease = DEFAULT_RUNNER_LEASE;
    private Metrics metrics = Metrics.NONE;

    Builder() {}

    public Builder store(PlanStore store) {
      this.store = Objects.requireNonNull(store, "store == null");
      return this;
    }

    /** Sets how to get the Syncro API acting as a Slack user; empty when they have no token (R11). */
    public Builder apis(Function<String, Optional<SyncroApi>> apis) {
      this.apis = Objects.requireNonNull(apis, "apis == null");
      return this;
    }

    public Builder listener(PlanListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener == null");
      return this;
    }

    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor == null");
      return this;
    }

    public Builder scheduler(Scheduler scheduler) {
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler == null");
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * Sets the re-check delays of a waiting plan (the last repeats).
     *
     * @throws IllegalArgumentException if empty or a delay is negative
     */
    public Builder recheckBackoff(List<Duration> backoff) {
      List<Duration> copy = List.copyOf(backoff);
      if (copy.isEmpty() || copy.stream().anyMatch(Duration::isNegative)) {
        throw new IllegalArgumentException("backoff must be non-empty and non-negative: " + copy);
      }
      this.backoff = copy;
      return this;
    }

    /**
     * Sets how long after a request left it may still be committed at Syncro: longer than any request can take
     * there. Until then a write whose answer was lost is checked again and again, never called absent.
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder settleWindow(Duration settle) {
      if (settle.isNegative() || settle.isZero()) {
        throw new IllegalArgumentException("settle window must be positive: " + settle);
      }
      this.settle = settle;
      return this;
    }

    /**
     * Sets how to tell which Syncro user a Slack user's connected token belongs to; a plan then sends only
     * while it is the user its preview named. Empty when they have no token.
     */
    public Builder tokenUser(Function<String, Optional<Long>> tokenUser) {
      this.tokenUser = Objects.requireNonNull(tokenUser, "tokenUser == null");
      return this;
    }

    /** Sets how long before a send a matching comment may have been created and still count. */
    public Builder commentTolerance(Duration tolerance) {
      if (tolerance.isNegative()) {
        throw new IllegalArgumentException("negative tolerance: " + tolerance);
      }
      this.commentTolerance = tolerance;
      return this;
    }

    /**
     * Sets how long this runner's heartbeat stays fresh, and how long another runner must have been
     * silent before its plans are taken over.
     *
     * @throws IllegalArgumentException if shorter than 3 seconds
     */
    public Builder runnerLease(Duration lease) {
      if (lease.compareTo(Duration.ofSeconds(3)) < 0) {
        throw new IllegalArgumentException("runner lease shorter than 3 s: " + lease);
      }
      this.runnerLease = lease;
      return this;
    }

    /** Where plans' outcomes and unknown outcomes are counted (default: nowhere). */
    public Builder metrics(Metrics metrics) {
      this.metrics = Objects.requireNonNull(metrics, "metrics == null");
      return this;
    }

    /**
     * Returns the engine.
     *
     * @throws IllegalStateException if a required collaborator is missing
     */
    public PlanExecutor build() {
      return new PlanExecutor(this);
    }
  }
}
