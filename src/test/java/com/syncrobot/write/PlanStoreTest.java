package com.syncrobot.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.syncrobot.store.Database;
import com.syncrobot.store.Dialect;
import com.syncrobot.syncro.TicketNumber;
import com.syncrobot.testkit.TestStores;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Dialect.class)
final class PlanStoreTest {
  private static final Instant T0 = Instant.parse("2026-03-02T15:00:00Z");

  @Parameter
  Dialect dialect;
  @TempDir
  Path dir;
  private String url;
  private Database db;
  private PlanStore store;

  @BeforeEach
  void open() {
    url = TestStores.newStore(dialect, dir);
    db = Database.open(url);
    store = new PlanStore(db.jdbi());
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void createThenFind_roundTripsPlanStepsAndChecks() {
    Plan plan = Plans.close(T0);

    store.create(plan);

    assertThat(store.find(plan.id())).contains(plan);
  }

  @Test
  void find_whileAnotherConnectionHoldsTheWriteLockPastTheBusyTimeout_stillReads() throws Exception {
    Plan plan = Plans.close(T0);
    store.create(plan);
    // Reading takes no write lock: a writer holding the store (even beyond the 5 s busy timeout) does not
    // keep the bot from reading a plan, e.g. to tell its owner where it is.
    try (var c = java.sql.DriverManager.getConnection(url); var st = c.createStatement()) {
      if (dialect == Dialect.SQLITE) {
        st.execute("BEGIN IMMEDIATE");
      } else {
        c.setAutoCommit(false);
      }
      st.execute("UPDATE plans SET note = 'held' WHERE id = '" + plan.id() + "'");
      try {
        assertThat(store.find(plan.id())).contains(plan);
      } finally {
        st.execute("ROLLBACK");
      }
    }
  }

  @Test
  void markSending_commitsWithSynchronousFull_soTheRecordSurvivesAPowerLoss() {
    assumeTrue(dialect == Dialect.SQLITE, "PostgreSQL syncs every commit; the pragma is SQLite's");
    // (connection, statement) in the order SQLite ran them
    List<String> ran = java.util.Collections.synchronizedList(new ArrayList<>());
    db.jdbi().setSqlLogger(new org.jdbi.v3.core.statement.SqlLogger() {
      @Override
      public void logBeforeExecution(org.jdbi.v3.core.statement.StatementContext ctx) {
        ran.add(System.identityHashCode(ctx.getConnection()) + " " + ctx.getRawSql().strip());
      }
    });
    Plan plan = Plans.comment(T0);
    store.create(plan);
    store.confirm(plan.id(), Plans.OWNER, T0);
    assertThat(store.claim(plan.id(), "runner-1")).isTrue();

    assertThat(store.markSending(plan.step(0), "runner-1", plan.step(0).request(), T0)).isTrue();

    String sending = ran.stream().filter(r -> r.contains("SET state = 'SENDING'")).findFirst().orElseThrow();
    String connection = sending.substring(0, sending.indexOf(' '));
    assertThat(ran.subList(0, ran.indexOf(sending))).contains(connection + " PRAGMA synchronous = FULL");
  }

  @Test
  void markSending_connectionBackInThePool_nextCommitsOnItKeepNormal() {
    assumeTrue(dialect == Dialect.SQLITE, "the pragma is SQLite's");
    Plan plan = Plans.comment(T0);
    store.create(plan);
    store.confirm(plan.id(), Plans.OWNER, T0);
    assertThat(store.claim(plan.id(), "runner-1")).isTrue();
    assertThat(store.markSending(plan.step(0), "runner-1", plan.step(0).request(), T0)).isTrue();

    // The pool hands this thread the connection it returned last.
    int synchronous = db.jdbi().withHandle(h -> h.createQuery("PRAGMA synchronous").mapTo(Integer.class).one());
    assertThat(synchronous).as("1 = NORMAL, 2 = FULL").isEqualTo(1);
  }

  @Test
  void create_planNotFresh_refused() {
    Plan plan = Plans.comment(T0);
    Plan running = new Plan(plan.id(), plan.kind(), plan.slackUserId(), plan.syncroUserId(), plan.syncroUserName(),
        plan.channelId(), plan.ticket(), plan.title(), PlanState.EXECUTING, plan.createdAt(), plan.expiresAt(),
        null, null, null, null, null, plan.steps());

    assertThatThrownBy(() -> store.create(running)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void concurrentConfirms_exactlyOneConfirmed_R2() throws Exception {
    // Two devices, a double click and Slack redeliveries all race to confirm the same plan.
    Plan plan = Plans.comment(T0);
    store.create(plan);
    List<ConfirmResult> results = race(12, () -> store.confirm(plan.id(), Plans.OWNER, T0.plusSeconds(5)));

    assertThat(results).filteredOn(r -> r == ConfirmResult.CONFIRMED).hasSize(1);
    assertThat(results).filteredOn(r -> r != ConfirmResult.CONFIRMED).containsOnly(ConfirmResult.ALREADY_RUNNING);
    assertThat(store.find(plan.id()).orElseThrow().state()).isEqualTo(PlanState.EXECUTING);
  }

  @Test
  void confirmByAnotherUser_notOwner_planStaysPreviewed_R1() {
    Plan plan = Plans.comment(T0);
    store.create(plan);

    assertThat(store.confirm(plan.id(), Plans.OTHER, T0)).isEqualTo(ConfirmResult.NOT_OWNER);
    assertThat(store.find(plan.id()).orElseThrow().state()).isEqualTo(PlanState.PREVIEWED);
  }

  @Test
  void confirmAfterExpiry_expired_andPlanStaysExpired_R1() {
    Plan plan = Plans.comment(T0);
    store.create(plan);

    assertThat(store.confirm(plan.id(), Plans.OWNER, T0.plus(Plans.TTL))).isEqualTo(ConfirmResult.EXPIRED);
    assertThat(store.find(plan.id()).orElseThrow().state()).isEqualTo(PlanState.EXPIRED);
    // going back in time does not revive it
    assertThat(store.confirm(plan.id(), Plans.OWNER, T0)).isEqualTo(ConfirmResult.EXPIRED);
  }

  @Test
  void cancelThenConfirm_confirmRefusedAsCancelled_R1() {
    Plan plan = Plans.comment(T0);
    store.create(plan);

    assertThat(store.cancel(plan.id(), Plans.OTHER, T0)).isEqualTo(CancelResult.NOT_OWNER);
    assertThat(store.cancel(plan.id(), Plans.OWNER, T0)).isEqualTo(CancelResult.CANCELLED);
    assertThat(store.cancel(plan.id(), Plans.OWNER, T0)).isEqualTo(CancelResult.ALREADY_CANCELLED);
    assertThat(store.confirm(plan.id(), Plans.OWNER, T0)).isEqualTo(ConfirmResult.CANCELLED);
    assertThat(store.find(plan.id()).orElseThrow().state()).isEqualTo(PlanState.CANCELLED);
  }

  @Test
  void cancelRunningPlan_refused() {
    Plan plan = Plans.comment(T0);
    store.create(plan);
    store.confirm(plan.id(), Plans.OWNER, T0);

    assertThat(store.cancel(plan.id(), Plans.OWNER, T0)).isEqualTo(CancelResult.ALREADY_RUNNING);
  }

  @Test
  void unknownPlan_notFound() {
    assertThat(store.confirm("nope", Plans.OWNER, T0)).isEqualTo(ConfirmResult.NOT_FOUND);
    assertThat(store.cancel("nope", Plans.OWNER, T0)).isEqualTo(CancelResult.NOT_FOUND);
    assertThat(store.resend("nope", 0, Plans.OWNER)).isEqualTo(DecisionResult.NOT_FOUND);
    assertThat(store.find("nope")).isEmpty();
  }

  @Test
  void expirePreviews_expiresOnlyTimedOutPreviews() {
    Plan old = Plans.comment(T0);
    Plan fresh = Plans.comment(T0.plus(Duration.ofMinutes(20)));
    store.create(old);
    store.create(fresh);

    List<Plan> expired = store.expirePreviews(T0.plus(Duration.ofMinutes(31)));

    assertThat(expired).extracting(Plan::id).containsExactly(old.id());
    assertThat(store.find(fresh.id()).orElseThrow().state()).isEqualTo(PlanState.PREVIEWED);
  }

  @Test
  void stepTransitions_requireTheRunnerLease_R2() {
    Plan plan = Plans.comment(T0);
    store.create(plan);
    store.confirm(plan.id(), Plans.OWNER, T0);
    Step step = plan.step(0);

    // nobody holds the plan: no step may be marked as sending
    assertThat(store.markSending(step, "runner-a", step.request(), T0)).isFalse();
    assertThat(store.claim(plan.id(), "runner-a")).isTrue();
    assertThat(store.claim(plan.id(), "runner-b")).isFalse();
    assertThat(store.markSending(step, "runner-b", step.request(), T0)).isFalse();
    assertThat(store.markSending(step, "runner-a", step.request(), T0)).isTrue();
    // and only once per attempt
    assertThat(store.markSending(step, "runner-a", step.request(), T0)).isFalse();
    assertThat(store.find(plan.id()).orElseThrow().step(0).state()).isEqualTo(StepState.SENDING);
  }

  @Test
  void concurrentResends_exactlyOneAccepted_attemptKeptForAudit_R2() throws Exception {
    Plan plan = absentComment();

    List<DecisionResult> results = race(10, () -> store.resend(plan.id(), 0, Plans.OWNER));

    assertThat(results).filteredOn(r -> r == DecisionResult.ACCEPTED).hasSize(1);
    assertThat(results).filteredOn(r -> r != DecisionResult.ACCEPTED).containsOnly(DecisionResult.NOT_APPLICABLE);
    Plan after = store.find(plan.id()).orElseThrow();
    assertThat(after.state()).isEqualTo(PlanState.EXECUTING);
    assertThat(after.step(0).state()).isEqualTo(StepState.PENDING);
    assertThat(after.step(0).attempt()).isEqualTo(2);
    assertThat(after.step(0).sentAt()).isNull();
    assertThat(store.audit(AuditQuery.all()))
        .singleElement()
        .satisfies(e -> {
          assertThat(e.attempt()).isEqualTo(1);
          assertThat(e.state()).isEqualTo(StepState.ABSENT);
          assertThat(e.verification()).contains("absent");
        });
  }

  @Test
  void resendByAnotherUser_notOwner_stepStaysAbsent_R2() {
    Plan plan = absentComment();

    assertThat(store.resend(plan.id(), 0, Plans.OTHER)).isEqualTo(DecisionResult.NOT_OWNER);
    assertThat(store.resend(plan.id(), 1, Plans.OWNER)).isEqualTo(DecisionResult.NOT_APPLICABLE);
    assertThat(store.find(plan.id()).orElseThrow().step(0).state()).isEqualTo(StepState.ABSENT);
  }

  @Test
  void audit_filtersByTicketSinceAndUser() {
    Plan mine = doneComment(Plans.comment(T0), T0.plusSeconds(10), 501);
    Plan other = Plans.base(Plans.OTHER)
        .ticket(new TicketRef(Plans.TICKET.id(), new TicketNumber(40000), "Other", "Other Co"))
        .step("Post internal note", Plans.commentWrite(), Plans.commentCheck())
        .build(T0, Plans.TTL);
    doneComment(other, T0.plusSeconds(3600), 777);

    assertThat(store.audit(AuditQuery.all())).extracting(AuditEntry::resultId).containsExactly(501L, 777L);
    assertThat(store.audit(new AuditQuery(new TicketNumber(32203), null, null)))
        .singleElement()
        .satisfies(e -> {
          assertThat(e.planId()).isEqualTo(mine.id());
          assertThat(e.slackUserId()).isEqualTo(Plans.OWNER);
          assertThat(e.syncroUserName()).isEqualTo("Dana Tech");
          assertThat(e.method()).isEqualTo("POST");
          assertThat(e.path()).isEqualTo("/tickets/9001/comment");
          assertThat(e.body()).contains("\"subject\":\"Update\"");
          assertThat(e.resultBody()).isEqualTo("{\"comment\":{\"id\":501}}");
          assertThat(e.sentAt()).isEqualTo(T0.plusSeconds(10));
        });
    assertThat(store.audit(new AuditQuery(new TicketNumber(32203), null, null)).get(0).line())
        .isEqualTo("2026-03-02T15:00:10Z  #32203  U0OWNER (Dana Tech, 1735)  comment " + mine.id()
            + "/1 “Post internal note” try 1  POST /tickets/9001/comment  DONE 200 id 501");
    assertThat(store.audit(new AuditQuery(null, T0.plusSeconds(60), null)))
        .extracting(AuditEntry::resultId).containsExactly(777L);
    assertThat(store.audit(new AuditQuery(null, null, Plans.OTHER)))
        .extracting(AuditEntry::resultId).containsExactly(777L);
  }

  @Test
  void resultBody_cappedAt16k() {
    Plan plan = Plans.comment(T0);
    store.create(plan);
    store.confirm(plan.id(), Plans.OWNER, T0);
    store.claim(plan.id(), "r");
    store.markSending(plan.step(0), "r", plan.step(0).request(), T0);
    String huge = "x".repeat(40_000);

    store.markDone(plan.step(0), "r", 1L, 200, huge, null, T0);

    String stored = store.find(plan.id()).orElseThrow().step(0).resultBody();
    assertThat(stored).startsWith("x".repeat(PlanJson.MAX_BODY_CHARS)).endsWith("more chars cut]");
    assertThat(stored.length()).isLessThan(PlanJson.MAX_BODY_CHARS + 40);
  }

  /** A confirmed one-step plan whose comment was sent and proven absent. */
  private Plan absentComment() {
    Plan plan = Plans.comment(T0);
    store.create(plan);
    store.confirm(plan.id(), Plans.OWNER, T0);
    store.claim(plan.id(), "r");
    Step step = plan.step(0);
    assertThat(store.markSending(step, "r", step.request(), T0)).isTrue();
    assertThat(store.markUnknown(step, "r", null, "read timed out", null)).isTrue();
    assertThat(store.markAbsent(step, "r", "absent: no such comment", T0)).isTrue();
    assertThat(store.leave(plan.id(), "r", PlanState.NEEDS_DECISION, "send again?", T0)).isTrue();
    return plan;
  }

  private Plan doneComment(Plan plan, Instant at, long id) {
    store.create(plan);
    store.confirm(plan.id(), plan.slackUserId(), plan.createdAt());
    store.claim(plan.id(), "r");
    Step step = plan.step(0);
    store.markSending(step, "r", step.request(), at);
    store.markDone(step, "r", id, 200, "{\"comment\":{\"id\":" + id + "}}", null, at);
    store.leave(plan.id(), "r", PlanState.DONE, null, at);
    return plan;
  }

  /** Runs {@code n} copies of {@code task} on n threads released at the same instant. */
  private static <T> List<T> race(int n, Callable<T> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      CountDownLatch ready = new CountDownLatch(n);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        futures.add(pool.submit(() -> {
          ready.countDown();
          go.await();
          return task.call();
        }));
      }
      assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
      go.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> f : futures) {
        results.add(f.get(30, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void countByState_onlyStatesWithPlans() {
    Plan previewed = Plans.comment(T0);
    Plan confirmed = Plans.close(T0);
    store.create(previewed);
    store.create(confirmed);
    store.confirm(confirmed.id(), Plans.OWNER, T0);

    assertThat(store.countByState())
        .containsExactlyInAnyOrderEntriesOf(java.util.Map.of(PlanState.PREVIEWED, 1L, PlanState.EXECUTING, 1L));
  }
}
