package com.syncrobot.write;

import com.syncrobot.store.Dialect;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.syncrobot.write.SyncroStubs.StoredComment;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A bot killed in the middle of a plan, then started again on the same database file, neither
 * repeats a step that happened nor loses one that did not (R2).
 */
@ParameterizedClass
@EnumSource(Dialect.class)
final class RestartTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @AutoClose
  private final Fixture f;

  RestartTest(Dialect dialect) {
    this.f = new Fixture(wm, dialect);
  }

  /** Thrown by a listener to stop the first bot dead at a chosen point, like a kill -9. */
  static final class Killed extends Error {
    private static final long serialVersionUID = 1L;
  }

  /** A listener that kills the bot the first time it sees a plan matching {@code when}. */
  private static PlanListener killWhen(Predicate<Plan> when) {
    return plan -> {
      if (when.test(plan)) {
        throw new Killed();
      }
    };
  }

  @Test
  void killedBetweenStepsOfClose_restartDoesStepTwoOnce_withoutRepeatingStepOne_R2() {
    Plan plan = f.stored(Plans.close(Fixture.T0));
    f.syncro.commentPostCreates(5001);
    f.syncro.statusPutSucceeds();
    // Step 1's answer is held until step 2's SENDING mark (one commit); the first bot dies between the two, as it
    // checks the token before step 2: step 1 is still SENDING in the store, its answer lost with the process.
    AtomicInteger tokenChecks = new AtomicInteger();
    PlanExecutor first = PlanExecutor.builder().store(f.store)
        .apis(slackUserId -> java.util.Optional.ofNullable(f.apis.get(slackUserId)))
        .tokenUser(slackUserId -> {
          if (tokenChecks.incrementAndGet() == 3) { // at the start, before step 1, before step 2
            throw new Killed();
          }
          return java.util.Optional.of(1735L);
        })
        .listener(PlanListener.none()).executor(Runnable::run).scheduler(f.scheduler).clock(f.clock).build();
    assertThatThrownBy(() -> first.confirm(plan.id(), Plans.OWNER)).isInstanceOf(Killed.class);
    assertThat(f.syncro.commentPosts()).isEqualTo(1);
    assertThat(f.syncro.statusPuts()).isZero();
    assertThat(f.plan(plan.id()).step(0).state()).isEqualTo(StepState.SENDING);
    assertThat(f.plan(plan.id()).step(1).state()).isEqualTo(StepState.PENDING);
    f.syncro.comments(new StoredComment(5001, Plans.SUBJECT, Plans.BODY, Fixture.T0.plusSeconds(1)));

    PlanExecutor second = f.engine(f.newStore(), Runnable::run, f.listener);
    assertThat(second.resume()).isEqualTo(1);

    Plan after = f.plan(plan.id());
    assertThat(after.state()).isEqualTo(PlanState.DONE);
    assertThat(after.step(0).resultId()).isEqualTo(5001L);
    assertThat(f.syncro.commentPosts()).isEqualTo(1);
    assertThat(f.syncro.statusPuts()).isEqualTo(1);
  }

  @Test
  void runnerLeaseOfDeadProcess_restartTakesOver_R2() {
    // The first process died holding the plan (no clean release): step 0 done, step 1 pending.
    Plan plan = f.stored(Plans.close(Fixture.T0));
    f.store.confirm(plan.id(), Plans.OWNER, Fixture.T0);
    assertThat(f.store.claim(plan.id(), "runner-dead")).isTrue();
    Step step0 = plan.step(0);
    f.store.markSending(step0, "runner-dead", step0.request(), Fixture.T0);
    f.store.markDone(step0, "runner-dead", 5001L, 200, "{\"comment\":{\"id\":5001}}", null, Fixture.T0);
    f.syncro.statusPutSucceeds();

    PlanExecutor restarted = f.engine(f.newStore(), Runnable::run, f.listener);
    // an ordinary execute() must not barge in on a plan someone holds...
    restarted.execute(plan.id());
    assertThat(f.syncro.statusPuts()).isZero();
    // ...but at start-up the holder is known dead
    restarted.resume();

    assertThat(f.plan(plan.id()).state()).isEqualTo(PlanState.DONE);
    assertThat(f.syncro.commentPosts()).isZero();
    assertThat(f.syncro.statusPuts()).isEqualTo(1);
  }

  @Test
  void planOfRunnerWithFreshHeartbeat_notTakenOver_untilTheHeartbeatExpires_thenVerifiedFirst_R2() {
    // Another process runs the plan and beats: its comment POST is in flight (SENDING).
    Plan plan = f.stored(Plans.close(Fixture.T0));
    f.store.confirm(plan.id(), Plans.OWNER, Fixture.T0);
    f.store.beat("runner-alive", "other-host", 4242, Fixture.T0);
    assertThat(f.store.claim(plan.id(), "runner-alive")).isTrue();
    Step step0 = plan.step(0);
    f.store.markSending(step0, "runner-alive", step0.request(), Fixture.T0);
    f.syncro.comments(new StoredComment(5001, Plans.SUBJECT, Plans.BODY, Fixture.T0.plusSeconds(1)));
    f.syncro.statusPutSucceeds();

    f.clock.add(Duration.ofSeconds(10));
    PlanExecutor second = f.engine(f.newStore(), Runnable::run, f.listener);
    second.resume();
    f.clock.add(Duration.ofSeconds(15));
    f.store.beat("runner-alive", "other-host", 4242, f.clock.instant());
    f.clock.add(Duration.ofSeconds(25));
    second.heartbeat();

    // 40 s after the plan was taken, but the holder beat 25 s ago: left alone, nothing read or sent
    Plan held = f.plan(plan.id());
    assertThat(held.state()).isEqualTo(PlanState.EXECUTING);
    assertThat(held.step(0).state()).isEqualTo(StepState.SENDING);
    assertThat(f.syncro.count(getRequestedFor(urlPathEqualTo(SyncroStubs.COMMENTS_PATH)))).isZero();
    assertThat(f.syncro.statusPuts()).isZero();

    // the holder was killed: once its heartbeat is older than the lease, the plan is taken over,
    // and the step in flight is verified before anything is sent
    f.clock.add(Duration.ofSeconds(6));
    second.heartbeat();

    Plan after = f.plan(plan.id());
    assertThat(after.state()).isEqualTo(PlanState.DONE);
    assertThat(after.step(0).resultId()).isEqualTo(5001L);
    assertThat(f.syncro.count(getRequestedFor(urlPathEqualTo(SyncroStubs.COMMENTS_PATH)))).isPositive();
    assertThat(f.syncro.commentPosts()).isZero();
    assertThat(f.syncro.statusPuts()).isEqualTo(1);
  }

  @Test
  void planStartedByAnotherReplicaAfterThisOneStarted_thatReplicaDies_takenOverAtAHeartbeat_verifiedFirst_R2() {
    // This replica started (and resumed nothing) before the plan existed; another one runs it.
    PlanExecutor survivor = f.engine(f.newStore(), Runnable::run, f.listener);
    assertThat(survivor.resume()).isZero();
    Plan plan = f.stored(Plans.close(Fixture.T0));
    f.store.confirm(plan.id(), Plans.OWNER, Fixture.T0);
    f.store.beat("runner-killed", "other-host", 4242, Fixture.T0);
    assertThat(f.store.claim(plan.id(), "runner-killed")).isTrue();
    Step step0 = plan.step(0);
    f.store.markSending(step0, "runner-killed", step0.request(), Fixture.T0);
    f.syncro.comments(new StoredComment(5001, Plans.SUBJECT, Plans.BODY, Fixture.T0.plusSeconds(1)));
    f.syncro.statusPutSucceeds();

    // its runner still beats: left alone
    f.clock.add(Duration.ofSeconds(20));
    survivor.heartbeat();
    assertThat(f.plan(plan.id()).step(0).state()).isEqualTo(StepState.SENDING);
    assertThat(f.syncro.statusPuts()).isZero();

    // killed: once its heartbeat is older than the lease, the next heartbeat here takes the plan over and
    // verifies the step in flight before sending anything
    f.clock.add(Duration.ofSeconds(11));
    survivor.heartbeat();

    Plan after = f.plan(plan.id());
    assertThat(after.state()).isEqualTo(PlanState.DONE);
    assertThat(after.step(0).resultId()).isEqualTo(5001L);
    assertThat(f.syncro.commentPosts()).isZero();
    assertThat(f.syncro.statusPuts()).isEqualTo(1);
  }

  @Test
  void killedWhileSending_commentLanded_restartVerifiesInsteadOfResending_R2() {
    Plan plan = f.stored(Plans.close(Fixture.T0));
    f.syncro.commentPostCreates(5001);
    f.syncro.statusPutSucceeds();
    PlanExecutor first = f.engine(f.store, Runnable::run, killWhen(p -> p.step(0).state() == StepState.SENDING));
    assertThatThrownBy(() -> first.confirm(plan.id(), Plans.OWNER)).isInstanceOf(Killed.class);
    // killed after SENDING was committed; whether the POST left is unknown to the next bot
    assertThat(f.plan(plan.id()).step(0).state()).isEqualTo(StepState.SENDING);
    f.syncro.comments(new StoredComment(5001, Plans.SUBJECT, Plans.BODY, Fixture.T0.plusSeconds(1)));

    f.engine(f.newStore(), Runnable::run, f.listener).resume();

    Plan after = f.plan(plan.id());
    assertThat(after.state()).isEqualTo(PlanState.DONE);
    assertThat(after.step(0).resultId()).isEqualTo(5001L);
    assertThat(after.step(0).error()).contains("stopped while this was being sent");
    assertThat(f.syncro.commentPosts()).isZero();
    assertThat(f.syncro.statusPuts()).isEqualTo(1);
  }

  @Test
  void killedWhileSending_commentAbsent_restartAsksOwnerInsteadOfResending_R2() {
    Plan plan = f.stored(Plans.close(Fixture.T0));
    f.syncro.commentPostCreates(5001);
    PlanExecutor first = f.engine(f.store, Runnable::run, killWhen(p -> p.step(0).state() == StepState.SENDING));
    assertThatThrownBy(() -> first.confirm(plan.id(), Plans.OWNER)).isInstanceOf(Killed.class);
    f.settle();
    f.syncro.comments();

    f.engine(f.newStore(), Runnable::run, f.listener).resume();

    Plan after = f.plan(plan.id());
    assertThat(after.state()).isEqualTo(PlanState.NEEDS_DECISION);
    assertThat(after.step(0).state()).isEqualTo(StepState.ABSENT);
    assertThat(f.syncro.commentPosts()).isZero();
    assertThat(f.syncro.statusPuts()).isZero();
  }

  @Test
  void killedWhileSending_restartWithinTheSettleWindow_keepsChecking_neverAbsent_thenFindsIt() {
    Plan plan = f.stored(Plans.close(Fixture.T0));
    f.syncro.commentPostCreates(5001);
    f.syncro.statusPutSucceeds();
    PlanExecutor first = f.engine(f.store, Runnable::run, killWhen(p -> p.step(0).state() == StepState.SENDING));
    assertThatThrownBy(() -> first.confirm(plan.id(), Plans.OWNER)).isInstanceOf(Killed.class);
    f.syncro.comments();
    f.clock.add(Duration.ofSeconds(30));

    f.engine(f.newStore(), Runnable::run, f.listener).resume();

    Plan waiting = f.plan(plan.id());
    assertThat(waiting.state()).isEqualTo(PlanState.WAITING);
    assertThat(waiting.step(0).state()).isEqualTo(StepState.UNKNOWN);
    assertThat(waiting.note()).contains("still checking").contains("looks again in about");
    // the request may still land: it does, and the next look finds it; nothing was sent twice
    f.syncro.comments(new StoredComment(5001, Plans.SUBJECT, Plans.BODY, Fixture.T0.plusSeconds(40)));
    f.clock.add(Duration.ofSeconds(30));
    f.scheduler.runDue();
    Plan after = f.plan(plan.id());
    assertThat(after.state()).isEqualTo(PlanState.DONE);
    assertThat(after.step(0).resultId()).isEqualTo(5001L);
    assertThat(f.syncro.commentPosts()).isZero();
    assertThat(f.syncro.statusPuts()).isEqualTo(1);
  }

  @Test
  void waitingPlanAtRestart_resumedAndVerified_R2() {
    Plan plan = f.stored(Plans.comment(Fixture.T0));
    f.syncro.commentPostResets();
    f.syncro.commentsAnswer(com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable());
    f.engine(Runnable::run).confirm(plan.id(), Plans.OWNER);
    assertThat(f.plan(plan.id()).state()).isEqualTo(PlanState.WAITING);
    f.syncro.comments(new StoredComment(5001, Plans.SUBJECT, Plans.BODY, Fixture.T0.plusSeconds(1)));

    f.engine(f.newStore(), Runnable::run, f.listener).resume();

    assertThat(f.plan(plan.id()).state()).isEqualTo(PlanState.DONE);
    assertThat(f.syncro.commentPosts()).isEqualTo(1);
  }
}
