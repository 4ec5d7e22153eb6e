package com.syncrobot.write;

import com.syncrobot.metrics.Metrics;
import com.syncrobot.syncro.Redactor;
import com.syncrobot.syncro.SyncroAmbiguousWriteException;
import com.syncrobot.syncro.SyncroApi;
import com.syncrobot.syncro.SyncroAuthException;
import com.syncrobot.syncro.SyncroException;
import com.syncrobot.syncro.SyncroNotFoundException;
import com.syncrobot.syncro.SyncroRateLimitedException;
import com.syncrobot.syncro.SyncroUnavailableException;
import com.syncrobot.syncro.SyncroValidationException;
import com.syncrobot.syncro.SyncroWrite;
import com.syncrobot.syncro.WriteResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass over a plan that this runner has claimed: sends PENDING steps, verifies SENDING and
 * UNKNOWN ones first (they may have been sent), reads read steps (again, after a restart: reading is
 * safe to repeat), and leaves the plan DONE, FAILED, NEEDS_RECOVERY, NEEDS_DECISION or WAITING (R2, R3,
 * R9, R17). Each step is recorded SENDING before its request goes out.
 */
final class PlanRun {
  private static final Logger log = LoggerFactory.getLogger(PlanRun.class);

  enum Kind {
    /** The plan left EXECUTING for good or for its owner's decision. */
    STOPPED,
    /** The plan is WAITING; run it again after {@code recheckIn}. */
    WAITING,
    /** Another runner holds the plan now; this pass did nothing more. */
    LOST,
    /** The bot is stopping: the plan is WAITING for the next start, which goes on with it. */
    PAUSED
  }

  record End(Kind kind, Duration recheckIn) {
    static final End STOPPED = new End(Kind.STOPPED, Duration.ZERO);
    static final End LOST = new End(Kind.LOST, Duration.ZERO);
    static final End PAUSED = new End(Kind.PAUSED, Duration.ZERO);
  }

  private final PlanStore store;
  private final CheckVerifier verifier;
  private final AssertionReader reader = new AssertionReader();
  private final Clock clock;
  private final List<Duration> backoff;
  private final Consumer<Plan> changed;
  private final String runner;
  private final Duration settle;
  private final @Nullable Function<String, Optional<Long>> tokenUser;
  private final BooleanSupplier stopping;
  private final Metrics metrics;
  /**
   * The last answer, already in the plan this pass holds in memory but not yet in the store: it is recorded with
   * the next step's SENDING mark (one commit), or before anything else this pass asks of the store.
   */
  private PlanStore.@Nullable Answer unrecorded;
  /** Whether an answer of this pass has ended the plan's run of waits yet (once is enough: a wait ends a pass). */
  private boolean waitsEnded;

  /**
   * @param settle how long after a request left it may still be committed at Syncro: a step whose outcome is
   *     unknown is proven absent only by a check after that
   * @param tokenUser the Syncro user a Slack user's connected token belongs to; null to not check it
   * @param changed told each change of the plan once it is stored, with the plan as stored
   * @param stopping whether the bot is stopping: then no further step starts and the plan is left WAITING
   */
  PlanRun(PlanStore store, CheckVerifier verifier, Clock clock, List<Duration> backoff, Consumer<Plan> changed,
      String runner, Duration settle, @Nullable Function<String, Optional<Long>> tokenUser,
      BooleanSupplier stopping, Metrics metrics) {
    this.store = store;
    this.verifier = verifier;
    this.clock = clock;
    this.backoff = List.copyOf(backoff);
    this.changed = changed;
    this.runner = runner;
    this.settle = settle;
    this.tokenUser = tokenUser;
    this.stopping = stopping;
    this.metrics = metrics;
  }

  /** Runs {@code plan}, which this runner has claimed, as far as it can go now. */
  End run(Plan plan, Optional<SyncroApi> api) {
    if (api.isEmpty()) {
      return leave(plan, PlanState.FAILED, PlanNotes.tokenGone(plan));
    }
    @Nullable End otherUser = otherUser(plan);
    if (otherUser != null) {
      return otherUser;
    }
    // While this runner holds the lease only it changes the plan's steps, so the plan it holds in memory is the
    // stored one: the common path (send, answer, read) goes on from memory, and every other path reads it again.
    Plan current = plan;
    for (int i = 0; i < current.steps().size(); i++) {
      Step step = current.step(i);
      if (step.state() == StepState.DONE) {
        continue;
      }
      if (stopping.getAsBoolean()) {
        return pause(current);
      }
      if (step.state() == StepState.PENDING && (step.isRead() || step.attempt() == 1)) {
        Result result = step.isRead() ? read(current, step, api.get()) : send(current, step, api.get());
        if (result.end() != null) {
          return result.end();
        }
        current = result.plan();
        continue;
      }
      if (!flush()) {
        return End.LOST;
      }
      @Nullable End end;
      switch (step.state()) {
        case PENDING :
          // sent before, proven absent, and now to be sent again: look once more right before sending
          end = checkBeforeResend(current, step, api.get());
          if (end == null && reload(current).step(i).state() == StepState.PENDING) {
            current = reload(current);
            end = send(current, current.step(i), api.get()).end();
          }
          break;
        case SENDING :
          if (step.isRead()) {
            // a read that was under way when the process stopped is simply read again: it wrote nothing
            if (!store.restartRead(step, runner)) {
              return End.LOST;
            }
            current = reload(current);
            Result result = read(current, current.step(i), api.get());
            if (result.end() != null) {
              return result.end();
            }
            current = result.plan();
            continue;
          }
          // the process stopped after recording SENDING: the request may have gone out, so verify
          if (!store.markUnknown(step, runner, null, "the bot stopped while this was being sent", null)) {
            return End.LOST;
          }
          metrics.unknownOutcome();
          current = reload(current);
          end = verify(current, current.step(i), api.get());
          break;
        case UNKNOWN :
          end = verify(current, step, api.get());
          break;
        case ABSENT :
          return leave(current, PlanState.NEEDS_DECISION, PlanNotes.absent(step, String.valueOf(step.verification())));
        case FAILED :
          return leave(current, PlanState.FAILED,
              PlanNotes.refused(step, step.resultStatus() == null ? 0 : step.resultStatus(),
                  String.valueOf(step.error()), current));
        default :
          throw new IllegalStateException("unhandled step state " + step.state());
      }
      if (end != null) {
        return end;
      }
      current = reload(current);
    }
    return leave(current, PlanState.DONE, PlanNotes.progress(current));
  }

  /** How a step on the common path went: the run goes on with {@code plan} (as held in memory), or ends. */
  private record Result(@Nullable Plan plan, @Nullable End end) {
    static Result next(Plan plan) {
      return new Result(plan, null);
    }

    static Result ended(End end) {
      return new Result(null, end);
    }

    @Override
    public Plan plan() {
      return java.util.Objects.requireNonNull(plan, "the run ended");
    }
  }

  /** Records the answer held in memory, if any; false if this runner no longer holds the plan. */
  private boolean flush() {
    PlanStore.Answer answer = unrecorded;
    unrecorded = null;
    return answer == null || store.record(answer, runner);
  }

  /**
   * Holds the answer to {@code step} (read from {@code readPath}, null for a write) until the next commit, and
   * returns the plan with the step as that commit stores it.
   */
  private Plan answered(Plan plan, Step step, @Nullable String readPath, Instant sentAt, @Nullable Long resultId,
      int status, @Nullable String body, @Nullable String verification) {
    Instant at = clock.instant();
    unrecorded = new PlanStore.Answer(step, readPath, sentAt, at, resultId, status, body, verification, !waitsEnded);
    waitsEnded = true;
    Step after = readPath == null
        ? step.done(at, resultId, status, body, verification)
        : step.read(sentAt, at, resultId, status, body, String.valueOf(verification));
    return plan.withStep(after);
  }

  /**
   * Sends the step, recorded SENDING (with the answer before it, in one synced commit) before it leaves; its
   * answer is held until the next commit. Goes on with the plan as held in memory when the step is done.
   */
  private Result send(Plan plan, Step step, SyncroApi api) {
    @Nullable End otherUser = otherUser(plan);
    if (otherUser != null) {
      return Result.ended(otherUser);
    }
    SyncroWrite request;
    try {
      request = Placeholders.resolve(step.request(), i -> idOf(plan, i));
    } catch (Placeholders.UnresolvedPlaceholderException e) {
      return Result.ended(leave(plan, PlanState.FAILED, PlanNotes.unresolved(step, e.step(), plan)));
    }
    Instant sentAt = clock.instant();
    PlanStore.Answer before = unrecorded;
    unrecorded = null;
    if (!store.markSending(step, runner, request, sentAt, before)) {
      return Result.ended(End.LOST);
    }
    Plan sending = plan.withStep(step.sending(sentAt, request));
    changed.accept(sending);
    log.info("plan {} step {} attempt {}: {} {}", plan.id(), step.index(), step.attempt(), request.method(),
        request.path());
    WriteResponse response;
    try {
      response = api.write(request);
    } catch (SyncroValidationException e) {
      String message = e.syncroMessage();
      return Result.ended(
          refused(plan, step, e.status(), message, after -> PlanNotes.refused(step, e.status(), message, after)));
    } catch (SyncroNotFoundException e) {
      return Result.ended(
          refused(plan, step, 404, "not found: " + e.redactedPath(), after -> PlanNotes.notFound(step, after)));
    } catch (SyncroAuthException e) {
      String message = e.syncroMessage().isBlank() ? "token refused" : e.syncroMessage();
      return Result.ended(refused(plan, step, e.status(), message, after -> PlanNotes.tokenRefused(step, after)));
    } catch (SyncroRateLimitedException e) {
      if (!store.backToPending(step, runner, 429, "rate limited: not processed")) {
        return Result.ended(End.LOST);
      }
      Duration delay = nextDelay(plan);
      return Result.ended(waitFor(reload(plan), PlanNotes.rateLimited(step, delay), delay));
    } catch (SyncroUnavailableException e) {
      // For a write this means the connection never opened: nothing reached Syncro, so the step
      // is simply not sent yet and goes again once Syncro answers (no need to ask anyone).
      if (!store.backToPending(step, runner, 0, "Syncro unreachable: nothing was sent")) {
        return Result.ended(End.LOST);
      }
      Duration delay = nextDelay(plan);
      return Result.ended(waitFor(reload(plan), PlanNotes.unreachable(step, delay), delay));
    } catch (SyncroAmbiguousWriteException e) {
      return ran(unknown(plan, step, e.status() == 0 ? null : e.status(), e.getMessage(), api), plan);
    } catch (RuntimeException e) {
      // whatever broke, the request may have left: treat it as unknown, never as not sent
      log.warn("plan {} step {}: unexpected {} while sending", plan.id(), step.index(), e.getClass().getName());
      return ran(unknown(plan, step, null, "unexpected " + e.getClass().getSimpleName() + " while sending", api), plan);
    }
    String body = Redactor.redact(response.body().toString());
    log.info("plan {} step {} done: status {} id {}", plan.id(), step.index(), response.status(), response.id());
    Step sent = sending.step(step.index());
    return Result.next(answered(sending, sent, null, sentAt, response.id(), response.status(), body, null));
  }

  /** Goes on after a path off the common one, which stored what it did: with the plan read again. */
  private Result ran(@Nullable End end, Plan plan) {
    return end != null ? Result.ended(end) : Result.next(reload(plan));
  }

  /**
   * Reads and judges a read step (R9, R10). Reading is safe to repeat: an unanswered read is read again
   * later, never "verified". Returns null when the assertion holds and the run goes on.
   */
  private Result read(Plan plan, Step step, SyncroApi api) {
    Assertion assertion = java.util.Objects.requireNonNull(step.assertion(), "assertion");
    String path;
    try {
      path = Placeholders.resolve(assertion.path(), i -> idOf(plan, i));
    } catch (Placeholders.UnresolvedPlaceholderException e) {
      return Result.ended(leave(plan, PlanState.FAILED, PlanNotes.unresolved(step, e.step(), plan)));
    }
    // The answer before is recorded first: a read proves nothing about a write whose answer could be lost with
    // this process. The read itself is not marked: it writes nothing, and a read lost with the process is read again.
    if (unrecorded != null) {
      if (!flush()) {
        return Result.ended(End.LOST);
      }
      changed.accept(plan);
    }
    Instant readAt = clock.instant();
    log.info("plan {} step {}: GET {} to check it", plan.id(), step.index(), path);
    AssertionReader.Outcome outcome;
    try {
      outcome = reader.evaluate(api, assertion, path);
    } catch (SyncroUnavailableException | SyncroRateLimitedException e) {
      if (!markRead(step, path, readAt)
          || !store.backToPending(step, runner, e.status(), Redactor.redact("not read: " + e.getMessage()))) {
        return Result.ended(End.LOST);
      }
      Duration delay = nextDelay(plan);
      return Result.ended(waitFor(reload(plan), PlanNotes.rereading(step, delay), delay));
    } catch (SyncroAuthException e) {
      return Result.ended(readRefused(plan, step, path, readAt, e.status(), "token refused while reading",
          after -> PlanNotes.tokenRefused(step, after)));
    } catch (SyncroException e) {
      String why = "Syncro answered " + e.status() + " while reading " + path;
      return Result.ended(readRefused(plan, step, path, readAt, e.status(), why,
          after -> PlanNotes.unreadable(step, why, after)));
    } catch (RuntimeException e) {
      log.warn("plan {} step {}: unexpected {} while reading", plan.id(), step.index(), e.getClass().getName());
      String why = "unexpected " + e.getClass().getSimpleName() + " while reading " + path;
      return Result.ended(readRefused(plan, step, path, readAt, 0, why,
          after -> PlanNotes.unreadable(step, why, after)));
    }
    String how = Redactor.redact(outcome.how());
    if (outcome instanceof AssertionReader.Outcome.Holds holds) {
      log.info("plan {} step {} holds: {}", plan.id(), step.index(), how);
      return Result.next(answered(plan, step, path, readAt, holds.resultId(), 200, outcome.body(), "asserted: " + how));
    }
    if (!markRead(step, path, readAt) || !store.markFailed(step, runner, 200, outcome.body(), how, clock.instant())) {
      return Result.ended(End.LOST);
    }
    Plan after = reload(plan);
    if (outcome instanceof AssertionReader.Outcome.Recover) {
      log.info("plan {} step {} needs a repair: {}", plan.id(), step.index(), how);
      return Result.ended(leave(after, PlanState.NEEDS_RECOVERY, PlanNotes.recoverable(step, how, after)));
    }
    log.info("plan {} step {} does not hold: {}", plan.id(), step.index(), how);
    return Result.ended(leave(after, PlanState.FAILED, PlanNotes.assertionFailed(step, how, after)));
  }

  /** Records what a read step read and when, before a result other than "holds" is recorded for it. */
  private boolean markRead(Step step, String path, Instant readAt) {
    return store.markReading(step, runner, path, readAt);
  }

  private End readRefused(Plan plan, Step step, String path, Instant readAt, int status, String message,
      Function<Plan, String> note) {
    return markRead(step, path, readAt) ? refused(plan, step, status, message, note) : End.LOST;
  }

  private End refused(Plan plan, Step step, int status, String message, Function<Plan, String> note) {
    if (!store.markFailed(step, runner, status, null, Redactor.redact(message), clock.instant())) {
      return End.LOST;
    }
    log.info("plan {} step {} refused by Syncro with {}", plan.id(), step.index(), status);
    Plan after = reload(plan);
    return leave(after, PlanState.FAILED, Redactor.redact(note.apply(after)));
  }

  private @Nullable End unknown(Plan plan, Step step, @Nullable Integer status, @Nullable String reason,
      SyncroApi api) {
    String why = reason == null ? "outcome unknown" : Redactor.redact(reason);
    if (!store.markUnknown(step, runner, status, why, null)) {
      return End.LOST;
    }
    metrics.unknownOutcome();
    Plan after = reload(plan);
    if (stopping.getAsBoolean()) {
      log.warn("plan {} step {}: outcome unknown ({}); the next start verifies it", plan.id(), step.index(), why);
      return pause(after);
    }
    log.warn("plan {} step {}: outcome unknown ({}); verifying before anything else", plan.id(), step.index(), why);
    changed.accept(after);
    return verify(after, after.step(step.index()), api);
  }

  /**
   * Stops the plan, sending nothing, when the connected token no longer belongs to the Syncro user the
   * preview named (the technician reconnected as someone else). Returns null when it does.
   */
  private @Nullable End otherUser(Plan plan) {
    if (tokenUser == null) {
      return null;
    }
    Optional<Long> now = tokenUser.apply(plan.slackUserId());
    if (now.isEmpty()) {
      return leave(reload(plan), PlanState.FAILED, PlanNotes.tokenGone(reload(plan)));
    }
    if (now.get() == plan.syncroUserId()) {
      return null;
    }
    log.warn("plan {}: the connected token is now of Syncro user {}, not {}; stopping", plan.id(), now.get(),
        plan.syncroUserId());
    Plan current = reload(plan);
    return leave(current, PlanState.FAILED, PlanNotes.otherUser(current));
  }

  /**
   * Before a step proven absent goes out again on its owner's word: reads Syncro once more (it may have
   * landed late after all). Found → the step is done with its id and nothing is sent; returns null with the
   * step still PENDING when it is to be sent now.
   */
  private @Nullable End checkBeforeResend(Plan plan, Step step, SyncroApi api) {
    Instant firstSent = store.firstSentAt(step).orElseGet(clock::instant);
    Verdict verdict;
    try {
      verdict = verifier.verify(api, step.check(), firstSent, i -> idOf(plan, i));
    } catch (SyncroAuthException e) {
      return leave(plan, PlanState.FAILED, PlanNotes.tokenRefused(step, plan));
    } catch (RuntimeException e) {
      // not sent without a fresh look: try the look again later
      log.info("plan {} step {}: could not check before sending again ({})", plan.id(), step.index(),
          e.getClass().getSimpleName());
      Duration delay = nextDelay(plan);
      return waitFor(plan, PlanNotes.checkingBeforeResend(step, delay), delay);
    }
    if (verdict instanceof Verdict.Found found) {
      if (!store.markFoundBeforeResend(step, runner, found.id(), "found before sending again: " + found.how(),
          clock.instant())) {
        return End.LOST;
      }
      log.info("plan {} step {} found before sending it again: id {}; not sent", plan.id(), step.index(), found.id());
      changed.accept(reload(plan));
    }
    return null;
  }

  /** Returns null when the step proved done and the run goes on. */
  private @Nullable End verify(Plan plan, Step step, SyncroApi api) {
    Instant sentAt = step.sentAt() == null ? clock.instant() : step.sentAt();
    Instant settled = sentAt.plus(settle);
    Verdict verdict;
    try {
      verdict = verifier.verify(api, step.check(), sentAt, i -> idOf(plan, i));
    } catch (SyncroUnavailableException | SyncroRateLimitedException e) {
      return waitToVerify(plan, step, "Syncro unreachable: " + e.getMessage());
    } catch (SyncroAuthException e) {
      verdict = new Verdict.Undecided("Syncro refused the token while checking; reconnect it");
    } catch (SyncroException e) {
      verdict = new Verdict.Undecided("Syncro answered " + e.status() + " while checking");
    } catch (RuntimeException e) {
      log.warn("plan {} step {}: unexpected {} while verifying", plan.id(), step.index(), e.getClass().getName());
      return waitToVerify(plan, step, "unexpected " + e.getClass().getSimpleName() + " while checking");
    }
    if (verdict instanceof Verdict.Found found) {
      if (!store.markDone(step, runner, found.id(), null, null, "found: " + found.how(), clock.instant())) {
        return End.LOST;
      }
      log.info("plan {} step {} verified present: id {}", plan.id(), step.index(), found.id());
      metrics.unknownResolved(Metrics.Resolution.FOUND);
      changed.accept(reload(plan));
      return null;
    }
    Instant now = clock.instant();
    if (now.isBefore(settled)) {
      // The request may still be on its way or being processed: never call it absent yet, look again.
      return awaitSettle(plan, step, verdict, now, sentAt, settled);
    }
    if (verdict instanceof Verdict.Absent absent) {
      if (!store.markAbsent(step, runner, "absent: " + absent.how(), clock.instant())) {
        return End.LOST;
      }
      log.info("plan {} step {} verified absent; waiting for the owner's decision", plan.id(), step.index());
      metrics.unknownResolved(Metrics.Resolution.ABSENT);
      return leave(reload(plan), PlanState.NEEDS_DECISION, PlanNotes.absent(step, absent.how()));
    }
    if (!store.markUnknown(step, runner, null, null, "undecided: " + verdict.how())) {
      return End.LOST;
    }
    metrics.unknownResolved(Metrics.Resolution.UNDECIDED);
    return leave(reload(plan), PlanState.NEEDS_DECISION, PlanNotes.undecided(step, verdict.how()));
  }

  /** Waits, sending nothing, and checks again: soon after the send, then further apart, last at {@code settled}. */
  private End awaitSettle(Plan plan, Step step, Verdict verdict, Instant now, Instant sentAt, Instant settled) {
    if (!store.markUnknown(step, runner, null, null, "not there yet, checking again: " + verdict.how())) {
      return End.LOST;
    }
    Duration elapsed = Duration.between(sentAt, now);
    Duration spaced = elapsed.compareTo(settle.dividedBy(8)) > 0 ? elapsed : settle.dividedBy(8);
    Duration left = Duration.between(now, settled).plusMillis(1);
    Duration delay = spaced.compareTo(left) < 0 ? spaced : left;
    log.info("plan {} step {} not found yet; checking again in {} ms (settles at {})", plan.id(), step.index(),
        delay.toMillis(), settled);
    return waitFor(reload(plan), PlanNotes.stillChecking(step, delay), delay);
  }

  private End waitToVerify(Plan plan, Step step, String why) {
    if (!store.markUnknown(step, runner, null, null, "not yet verified: " + Redactor.redact(why))) {
      return End.LOST;
    }
    Duration delay = nextDelay(plan);
    return waitFor(reload(plan), PlanNotes.verifying(step, delay), delay);
  }

  /** Leaves the plan WAITING, to be run again after {@code delay} (by any replica, once that time is past). */
  private End waitFor(Plan plan, String note, Duration delay) {
    if (!flush() || !store.leaveWaiting(plan.id(), runner, note, clock.instant(), clock.instant().plus(delay))) {
      return End.LOST;
    }
    log.info("plan {} is {}", plan.id(), PlanState.WAITING);
    changed.accept(reload(plan));
    return new End(Kind.WAITING, delay);
  }

  /**
   * The bot is stopping: leaves the plan WAITING, due now, for the next start (or another replica) to go on
   * with, and tells its owner so. Nothing more is sent in this pass.
   */
  private End pause(Plan plan) {
    // The answer held in memory is recorded first, so the next start goes on after it instead of checking it.
    if (!flush()
        || !store.leaveWaiting(plan.id(), runner, PlanNotes.restarting(plan), clock.instant(), clock.instant())) {
      return End.LOST;
    }
    log.info("plan {} left for the next start: the bot is stopping", plan.id());
    changed.accept(reload(plan));
    return End.PAUSED;
  }

  private End leave(Plan plan, PlanState state, String note) {
    PlanStore.Answer answer = unrecorded;
    unrecorded = null;
    if (!store.leave(plan.id(), runner, state, note, clock.instant(), answer)) {
      return End.LOST;
    }
    log.info("plan {} is {}", plan.id(), state);
    changed.accept(reload(plan));
    return state == PlanState.WAITING ? new End(Kind.WAITING, Duration.ZERO) : End.STOPPED;
  }

  private Duration nextDelay(Plan plan) {
    int waits = store.waitCount(plan.id());
    return backoff.get(Math.min(waits, backoff.size() - 1));
  }

  /** Reads the plan as stored, after recording the answer held in memory (if this runner still holds it). */
  private Plan reload(Plan plan) {
    flush();
    return store.find(plan.id()).orElseThrow(() -> new IllegalStateException("plan " + plan.id() + " vanished"));
  }

  private static Optional<Long> idOf(Plan plan, int index) {
    if (index < 0 || index >= plan.steps().size()) {
      return Optional.empty();
    }
    Step step = plan.step(index);
    return step.state() == StepState.DONE ? Optional.ofNullable(step.resultId()) : Optional.empty();
  }
}
