package com.syncrobot.write;

import com.syncrobot.store.Database;
import com.syncrobot.syncro.SyncroWrite;
import com.syncrobot.write.PlanRows.AuditRow;
import com.syncrobot.write.PlanRows.PlanHead;
import com.syncrobot.write.PlanRows.PlanRow;
import com.syncrobot.write.PlanRows.StepRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.jspecify.annotations.Nullable;

/**
 * Stores plans and their steps; thread-safe. Every transition is one conditional UPDATE (or a short
 * transaction whose first statement is that UPDATE), so of many concurrent clicks exactly one
 * wins (R2), and SQLite's busy timeout, not a read-then-write race, decides who waits.
 */
public final class PlanStore {
  private final Jdbi jdbi;

  /** Creates a store over {@code jdbi}, whose schema has migration V2 applied. */
  public PlanStore(Jdbi jdbi) {
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi == null");
    // a singleton plugin: installing it again on a shared Jdbi changes nothing
    jdbi.installPlugin(new SqlObjectPlugin());
  }

  /**
   * Stores a new plan and its steps in one transaction.
   *
   * @throws IllegalArgumentException if the plan is not PREVIEWED with every step PENDING
   */
  public void create(Plan plan) {
    if (plan.state() != PlanState.PREVIEWED
        || plan.steps().stream().anyMatch(s -> s.state() != StepState.PENDING || s.attempt() != 1)) {
      throw new IllegalArgumentException("plan " + plan.id() + " is not a fresh preview: " + plan.state());
    }
    jdbi.useTransaction(h -> {
      PlanDao dao = h.attach(PlanDao.class);
      dao.insertPlan(PlanRow.of(plan));
      for (Step step : plan.steps()) {
        dao.insertStep(StepRow.of(step));
      }
    });
  }

  /** Returns the plan with its steps, read in one transaction (that does not wait for writers). */
  public Optional<Plan> find(String id) {
    return Database.read(jdbi, h -> {
      PlanDao dao = h.attach(PlanDao.class);
      return dao.plan(id).map(row -> row.toPlan(dao.steps(id)));
    });
  }

  /**
   * Moves a previewed plan to EXECUTING if {@code slackUserId} owns it and it has not expired; of
   * concurrent calls at most one returns CONFIRMED (R1, R2).
   */
  public ConfirmResult confirm(String id, String slackUserId, Instant now) {
    long at = now.toEpochMilli();
    PlanDao dao = dao();
    if (dao.confirm(id, slackUserId, at) == 1) {
      return ConfirmResult.CONFIRMED;
    }
    Optional<PlanHead> head = dao.head(id);
    if (head.isEmpty()) {
      return ConfirmResult.NOT_FOUND;
    }
    if (!head.get().slackUserId().equals(slackUserId)) {
      return ConfirmResult.NOT_OWNER;
    }
    switch (head.get().planState()) {
      case PREVIEWED :
        // the only way the UPDATE missed a previewed plan of this owner is its expiry
        dao.expire(id, at);
        return ConfirmResult.EXPIRED;
      case EXPIRED :
        return ConfirmResult.EXPIRED;
      case CANCELLED :
        return ConfirmResult.CANCELLED;
      case DONE :
      case FAILED :
      case NEEDS_RECOVERY :
        return ConfirmResult.ALREADY_DONE;
      default :
        return ConfirmResult.ALREADY_RUNNING;
    }
  }

  /**
   * Cancels a previewed plan, or one that waits for its owner's decision (the steps not yet done
   * are then never sent). Only the owner may cancel.
   */
  public CancelResult cancel(String id, String slackUserId, Instant now) {
    long at = now.toEpochMilli();
    PlanDao dao = dao();
    if (dao.cancel(id, slackUserId, at, "Cancelled by <@" + slackUserId + ">") == 1) {
      return CancelResult.CANCELLED;
    }
    Optional<PlanHead> head = dao.head(id);
    if (head.isEmpty()) {
      return CancelResult.NOT_FOUND;
    }
    if (!head.get().slackUserId().equals(slackUserId)) {
      return CancelResult.NOT_OWNER;
    }
    switch (head.get().planState()) {
      case PREVIEWED :
        dao.expire(id, at);
        return CancelResult.EXPIRED;
      case EXPIRED :
        return CancelResult.EXPIRED;
      case CANCELLED :
        return CancelResult.ALREADY_CANCELLED;
      case DONE :
      case FAILED :
      case NEEDS_RECOVERY :
        return CancelResult.ALREADY_DONE;
      default :
        return CancelResult.ALREADY_RUNNING;
    }
  }

  /**
   * Lets a step that was proven absent be sent once more: ABSENT → PENDING with attempt + 1 and the
   * plan NEEDS_DECISION → EXECUTING, atomically and only for the owner (R2). The absent attempt is
   * kept for the audit. Of concurrent calls at most one returns ACCEPTED.
   */
  public DecisionResult resend(String planId, int stepIndex, String slackUserId) {
    return jdbi.inTransaction(h -> {
      PlanDao dao = h.attach(PlanDao.class);
      if (dao.decide(planId, slackUserId, stepIndex, StepState.ABSENT.name(), PlanState.EXECUTING.name()) == 1) {
        dao.archiveAbsentAttempt(planId, stepIndex);
        if (dao.reopenAbsent(planId, stepIndex) != 1) {
          throw new IllegalStateException("plan " + planId + " step " + stepIndex + " left ABSENT mid-transaction");
        }
        return DecisionResult.ACCEPTED;
      }
      return refusal(dao, planId, slackUserId);
    });
  }

  /**
   * Records the owner's word on a step whose outcome could not be read back: {@code landed} → the
   * step is DONE and the plan runs on; otherwise the step is ABSENT and may be resent.
   */
  public DecisionResult settle(String planId, int stepIndex, String slackUserId, boolean landed, Instant now) {
    return jdbi.inTransaction(h -> {
      PlanDao dao = h.attach(PlanDao.class);
      String newPlanState = landed ? PlanState.EXECUTING.name() : PlanState.NEEDS_DECISION.name();
      if (dao.decide(planId, slackUserId, stepIndex, StepState.UNKNOWN.name(), newPlanState) == 1) {
        String how = landed
            ? "<@" + slackUserId + "> found it in Syncro"
            : "<@" + slackUserId + "> found it missing in Syncro";
        String stepState = landed ? StepState.DONE.name() : StepState.ABSENT.name();
        if (dao.settleUnknown(planId, stepIndex, stepState, now.toEpochMilli(), how) != 1) {
          throw new IllegalStateException("plan " + planId + " step " + stepIndex + " left UNKNOWN mid-transaction");
        }
        return DecisionResult.ACCEPTED;
      }
      return refusal(dao, planId, slackUserId);
    });
  }

  /** Marks every preview whose time ran out EXPIRED and returns those plans. */
  public List<Plan> expirePreviews(Instant now) {
    long at = now.toEpochMilli();
    PlanDao dao = dao();
    List<Plan> expired = new ArrayList<>();
    for (String id : dao.expiredPreviewIds(at)) {
      if (dao.expire(id, at) == 1) {
        find(id).ifPresent(expired::add);
      }
    }
    return expired;
  }

  /** Returns the plans that were executing or waiting, oldest first (to resume after a restart). */
  public List<Plan> unfinished() {
    List<Plan> plans = new ArrayList<>();
    for (String id : dao().unfinishedIds()) {
      find(id).ifPresent(plans::add);
    }
    return plans;
  }

  /**
   * Returns the plans that ended, or stopped to ask their owner, since {@code since} (DONE, FAILED,
   * NEEDS_DECISION, NEEDS_RECOVERY), oldest first: after a restart, the ones whose owner was not told yet.
   */
  public List<Plan> endedSince(Instant since) {
    List<Plan> plans = new ArrayList<>();
    for (String id : dao().endedIds(since.toEpochMilli())) {
      find(id).ifPresent(plans::add);
    }
    return plans;
  }

  /**
   * Returns the plans on {@code ticket} that ended part-way (FAILED or CANCELLED), newest first, at most
   * {@code limit}: where a follow-up may still be owed.
   */
  public List<Plan> stoppedOnTicket(TicketRef ticket, int limit) {
    List<Plan> plans = new ArrayList<>();
    for (String id : dao().stoppedIdsOfTicket(ticket.id().value(), ticket.number().value(), limit)) {
      find(id).ifPresent(plans::add);
    }
    return plans;
  }

  /** Stores the latest Slack response_url that can update the preview; false if no such plan. */
  public boolean setResponseUrl(String id, @Nullable String responseUrl) {
    return dao().setResponseUrl(id, responseUrl) == 1;
  }

  /** Stores the Slack side's render data; false if no such plan. */
  public boolean setPreviewJson(String id, @Nullable String previewJson) {
    return dao().setPreviewJson(id, previewJson) == 1;
  }

  /** Returns every send of every step that matches {@code query}, oldest first. */
  public List<AuditEntry> audit(AuditQuery query) {
    Long ticket = query.ticket() == null ? null : query.ticket().value();
    Long since = query.since() == null ? null : query.since().toEpochMilli();
    return dao().audit(ticket, since, query.slackUserId()).stream().map(AuditRow::toEntry).toList();
  }

  // --- engine side: the runner lease and step transitions --------------------------------------------

  /** Takes the plan for {@code runner} if it is EXECUTING or WAITING and nobody runs it. */
  boolean claim(String planId, String runner) {
    return dao().claim(planId, runner) == 1;
  }

  /**
   * Takes the plan for {@code runner} if nobody runs it or its runner's last heartbeat is older than
   * {@code staleBefore} (that runner is dead); a plan whose runner beats is left alone.
   */
  boolean takeOver(String planId, String runner, Instant staleBefore) {
    return dao().takeOver(planId, runner, staleBefore.toEpochMilli()) == 1;
  }

  /** The runner named on the plan while it is EXECUTING or WAITING; empty when nobody holds it or it ended. */
  Optional<String> holder(String planId) {
    return dao().head(planId).filter(h -> h.planState() == PlanState.EXECUTING || h.planState() == PlanState.WAITING)
        .map(PlanHead::runner);
  }

  /** Records {@code runner}'s heartbeat (registering it on the first), with where it runs. */
  void beat(String runner, String host, long pid, Instant now) {
    dao().beat(runner, host, pid, now.toEpochMilli());
  }

  /** Forgets runners silent since {@code before} that hold no plan; returns how many. */
  int pruneRunners(Instant before) {
    return dao().pruneRunners(before.toEpochMilli());
  }

  void release(String planId, String runner) {
    dao().release(planId, runner);
  }

  /** Moves the plan out of EXECUTING and gives up the lease, in one statement. */
  boolean leave(String planId, String runner, PlanState state, @Nullable String note, Instant now) {
    return leave(planId, runner, state, note, now, null);
  }

  /** {@link #leave(String, String, PlanState, String, Instant)}, recording {@code answer} first, in one transaction. */
  boolean leave(String planId, String runner, PlanState state, @Nullable String note, Instant now,
      @Nullable Answer answer) {
    Long finishedAt = state.isFinal() ? now.toEpochMilli() : null;
    if (answer == null) {
      return dao().leave(planId, runner, state.name(), note, finishedAt, null) == 1;
    }
    return jdbi.inTransaction(h -> {
      PlanDao dao = h.attach(PlanDao.class);
      return record(dao, answer, runner) && dao.leave(planId, runner, state.name(), note, finishedAt, null) == 1;
    });
  }

  /** Moves the plan from EXECUTING to WAITING until {@code recheckAt} and gives up the lease, in one statement. */
  boolean leaveWaiting(String planId, String runner, String note, Instant now, Instant recheckAt) {
    return dao().leave(planId, runner, PlanState.WAITING.name(), note, null, recheckAt.toEpochMilli()) == 1;
  }

  /**
   * Returns the ids of the plans whose runner is gone: see {@link PlanDao#orphanedIds}. A plan is orphaned only
   * once {@code staleBefore} is past its runner's last heartbeat, its confirmation or its due re-check.
   */
  List<String> orphaned(Instant staleBefore) {
    return dao().orphanedIds(staleBefore.toEpochMilli());
  }

  /** Returns how many times in a row the plan has had to wait. */
  int waitCount(String planId) {
    return dao().waitCount(planId);
  }

  /**
   * Records that the step's request is about to leave. This record must survive an OS crash or a
   * power loss, not only the bot's own crash: its commit is synced to disk before this returns
   * (SQLite synchronous=FULL on this connection; the WAL is synced whole, so every earlier commit
   * with it; PostgreSQL syncs every commit by default). Other transitions keep NORMAL on SQLite: losing
   * one only means verifying again.
   */
  boolean markSending(Step step, String runner, SyncroWrite sent, Instant now) {
    return markSending(step, runner, sent, now, null);
  }

  /**
   * {@link #markSending(Step, String, SyncroWrite, Instant)}, first recording {@code answer} (the step before's,
   * not yet recorded) in the same transaction: one synced commit between two dependent requests instead of two.
   * False if this runner no longer holds the plan: both statements require its lease, so then neither changes a row.
   */
  boolean markSending(Step step, String runner, SyncroWrite sent, Instant now, @Nullable Answer answer) {
    return jdbi.withHandle(h -> {
      boolean sqlite = Database.isSqlite(h);
      if (sqlite) {
        h.execute("PRAGMA synchronous = FULL");
      }
      try {
        HandleCallback<Boolean, RuntimeException> mark = tx -> {
          PlanDao dao = tx.attach(PlanDao.class);
          if (answer != null && !record(dao, answer, runner)) {
            return false;
          }
          return dao.markSending(step.planId(), step.index(), step.attempt(), runner, now.toEpochMilli(), sent.path(),
              PlanJson.writeNode(sent.body())) == 1;
        };
        return answer == null ? mark.withHandle(h) : h.inTransaction(mark);
      } finally {
        if (sqlite) {
          // The connection goes back to the pool: the next commits on it keep NORMAL.
          h.execute("PRAGMA synchronous = NORMAL");
        }
      }
    });
  }

  /**
   * A step's answer the runner holds in memory until its next commit (R2: the step is SENDING in the store until
   * then, so a crash meanwhile verifies it). A read step's answer carries what it read and when: a read is never
   * marked SENDING before, as reading again is safe. {@code endsWaits}: the plan's run of waits ends with it.
   */
  record Answer(Step step, @Nullable String readPath, Instant sentAt, Instant at, @Nullable Long resultId,
      @Nullable Integer status, @Nullable String body, @Nullable String verification, boolean endsWaits) {}

  /** Records {@code answer} in one transaction; false if this runner no longer holds the plan. */
  boolean record(Answer answer, String runner) {
    return jdbi.inTransaction(h -> record(h.attach(PlanDao.class), answer, runner));
  }

  private static boolean record(PlanDao dao, Answer a, String runner) {
    Step s = a.step();
    int n = a.readPath() == null
        ? dao.markDone(s.planId(), s.index(), s.attempt(), runner, a.at().toEpochMilli(), a.resultId(), a.status(),
            PlanJson.cap(a.body()), a.verification())
        : dao.markReadDone(s.planId(), s.index(), s.attempt(), runner, a.sentAt().toEpochMilli(), a.readPath(),
            a.at().toEpochMilli(), a.resultId(), a.status() == null ? 200 : a.status(), PlanJson.cap(a.body()),
            String.valueOf(a.verification()));
    if (n != 1) {
      return false;
    }
    if (a.endsWaits()) {
      dao.resetWaits(s.planId());
    }
    return true;
  }

  /** Records that a read step is being read now, with the path it reads (placeholders resolved). */
  boolean markReading(Step step, String runner, String path, Instant now) {
    return dao().markSending(step.planId(), step.index(), step.attempt(), runner, now.toEpochMilli(), path, null) == 1;
  }

  /** Puts a read step that may have been read (SENDING after a crash) back to PENDING: reading again is safe. */
  boolean restartRead(Step step, String runner) {
    return dao().restartRead(step.planId(), step.index(), step.attempt(), runner) == 1;
  }

  /** Records the step's result; a step that got done ends any run of waits. */
  boolean markDone(Step step, String runner, @Nullable Long resultId, @Nullable Integer status,
      @Nullable String body, @Nullable String verification, Instant now) {
    return jdbi.inTransaction(h -> {
      PlanDao dao = h.attach(PlanDao.class);
      if (dao.markDone(step.planId(), step.index(), step.attempt(), runner, now.toEpochMilli(), resultId, status,
          PlanJson.cap(body), verification) != 1) {
        return false;
      }
      dao.resetWaits(step.planId());
      return true;
    });
  }

  boolean markFailed(Step step, String runner, int status, @Nullable String body, String error, Instant now) {
    return dao().markFailed(step.planId(), step.index(), step.attempt(), runner, now.toEpochMilli(), status,
        PlanJson.cap(body), PlanJson.cap(error)) == 1;
  }

  boolean markUnknown(Step step, String runner, @Nullable Integer status, @Nullable String error,
      @Nullable String verification) {
    return dao().markUnknown(step.planId(), step.index(), step.attempt(), runner, status, PlanJson.cap(error),
        verification) == 1;
  }

  boolean markAbsent(Step step, String runner, String verification, Instant now) {
    return dao().markAbsent(step.planId(), step.index(), step.attempt(), runner, now.toEpochMilli(),
        verification) == 1;
  }

  /** Returns when the step was first sent, over every earlier attempt; empty if it never was. */
  Optional<Instant> firstSentAt(Step step) {
    return Optional.ofNullable(dao().firstSentAt(step.planId(), step.index())).map(Instant::ofEpochMilli);
  }

  /** Marks a step about to be sent again DONE because a last look found it in Syncro after all. */
  boolean markFoundBeforeResend(Step step, String runner, long resultId, String verification, Instant now) {
    return jdbi.inTransaction(h -> {
      PlanDao dao = h.attach(PlanDao.class);
      if (dao.markFoundBeforeResend(step.planId(), step.index(), step.attempt(), runner, now.toEpochMilli(),
          resultId, verification) != 1) {
        return false;
      }
      dao.resetWaits(step.planId());
      return true;
    });
  }

  /** Puts a step that Syncro did not process (429) back to PENDING. */
  boolean backToPending(Step step, String runner, int status, String error) {
    return dao().backToPending(step.planId(), step.index(), step.attempt(), runner, status, error) == 1;
  }

  private PlanDao dao() {
    return jdbi.onDemand(PlanDao.class);
  }

  private static DecisionResult refusal(PlanDao dao, String planId, String slackUserId) {
    Optional<PlanHead> head = dao.head(planId);
    if (head.isEmpty()) {
      return DecisionResult.NOT_FOUND;
    }
    return head.get().slackUserId().equals(slackUserId) ? DecisionResult.NOT_APPLICABLE : DecisionResult.NOT_OWNER;
  }

  /** How many plans are in each state (states without plans are absent): one grouped count, for the metrics. */
  public Map<PlanState, Long> countByState() {
    return Database.read(jdbi, h -> {
      Map<PlanState, Long> counts = new EnumMap<>(PlanState.class);
      h.createQuery("SELECT state, COUNT(*) AS n FROM plans GROUP BY state")
          .map((rs, ctx) -> Map.entry(PlanState.valueOf(rs.getString("state")), rs.getLong("n")))
          .forEach(e -> counts.put(e.getKey(), e.getValue()));
      return counts;
    });
  }
}
