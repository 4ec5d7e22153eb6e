package com.syncrobot.write;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.syncrobot.store.Dialect;
import com.syncrobot.write.SyncroStubs.StoredComment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Several bot processes on one store (replicas): a plan whose process died is taken over by one that is already
 * running, at its next heartbeat once the lease has run out, without waiting for anybody to restart (R2).
 */
@ParameterizedClass
@EnumSource(Dialect.class)
final class ReplicaTakeoverTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @AutoClose
  private final Fixture f;

  ReplicaTakeoverTest(Dialect dialect) {
    this.f = new Fixture(wm, dialect);
  }

  private static final Duration LEASE = PlanExecutor.DEFAULT_RUNNER_LEASE;

  @Test
  void replicaKilledMidPlan_anotherRunningReplicaTakesItOverAtAHeartbeat_stepTwoOnce() {
    PlanExecutor survivor = f.engine(f.newStore(), Runnable::run, f.listener);
    survivor.resume(); // started long before: nothing to resume then

    // the other replica confirms, does step 0, and is killed holding the plan
    Plan plan = f.stored(Plans.close(Fixture.T0));
    f.store.beat("runner-killed", "host-b", 7, Fixture.T0);
    f.store.confirm(plan.id(), Plans.OWNER, Fixture.T0);
    assertThat(f.store.claim(plan.id(), "runner-killed")).isTrue();
    Step step0 = plan.step(0);
    f.store.markSending(step0, "runner-killed", step0.request(), Fixture.T0);
    f.store.markDone(step0, "runner-killed", 5001L, 200, "{\"comment\":{\"id\":5001}}", null, Fixture.T0);
    f.syncro.statusPutSucceeds();

    f.clock.add(LEASE.minusSeconds(1));
    survivor.heartbeat();
    assertThat(f.plan(plan.id()).state()).isEqualTo(PlanState.EXECUTING);
    assertThat(f.syncro.statusPuts()).isZero();

    f.clock.add(Duration.ofSeconds(2));
    survivor.heartbeat();

    Plan after = f.plan(plan.id());
    assertThat(after.state()).isEqualTo(PlanState.DONE);
    assertThat(f.syncro.commentPosts()).isZero();
    assertThat(f.syncro.statusPuts()).isEqualTo(1);
  }

  @Test
  void waitingPlanOfAReplicaThatStopped_takenOverOnlyOnceItsRecheckIsOverdue_thenVerifiedFirst() {
    Plan plan = f.stored(Plans.comment(Fixture.T0));
    f.syncro.commentPostResets();
    f.syncro.commentsAnswer(WireMock.serviceUnavailable());
    f.engine(Runnable::run).confirm(plan.id(), Plans.OWNER);
    assertThat(f.plan(plan.id()).state()).isEqualTo(PlanState.WAITING);
    // that replica stops now: its own re-check (in f.scheduler) never runs
    f.syncro.comments(new StoredComment(5001, Plans.SUBJECT, Plans.BODY, Fixture.T0.plusSeconds(1)));
    PlanExecutor survivor = f.engine(f.newStore(), Runnable::run, f.listener);

    f.clock.add(Duration.ofSeconds(1));
    survivor.heartbeat();
    assertThat(f.plan(plan.id()).state()).as("its re-check is not even due").isEqualTo(PlanState.WAITING);

    f.clock.add(Duration.ofMinutes(10));
    survivor.heartbeat();

    assertThat(f.plan(plan.id()).state()).isEqualTo(PlanState.DONE);
    assertThat(f.plan(plan.id()).step(0).resultId()).isEqualTo(5001L);
    assertThat(f.syncro.commentPosts()).isEqualTo(1);
  }

  @Test
  void confirmedPlansWaitingForAThreadOfThisProcess_notQueuedAgainByItsHeartbeats_eachSentOnce() {
    List<Runnable> pool = new ArrayList<>();
    PlanExecutor engine = f.engine(pool::add);
    engine.resume();
    Plan first = f.stored(Plans.comment(Fixture.T0));
    Plan second = f.stored(Plans.close(Fixture.T0));
    f.syncro.commentPostCreates(5001);
    f.syncro.statusPutSucceeds();
    engine.confirm(first.id(), Plans.OWNER);
    engine.confirm(second.id(), Plans.OWNER);
    assertThat(pool).hasSize(2);

    // every thread busy (e.g. waiting for Syncro's request budget) far past a lease, heartbeat after heartbeat
    for (int i = 0; i < 5; i++) {
      f.clock.add(LEASE);
      engine.heartbeat();
    }
    assertThat(pool).as("no second pass queued for plans already waiting for a thread here").hasSize(2);

    List.copyOf(pool).forEach(Runnable::run);
    assertThat(f.plan(first.id()).state()).isEqualTo(PlanState.DONE);
    assertThat(f.plan(second.id()).state()).isEqualTo(PlanState.DONE);
    assertThat(f.syncro.commentPosts()).isEqualTo(2);
    assertThat(f.syncro.statusPuts()).isEqualTo(1);
  }

  @Test
  void planOfALiveReplica_neverTakenOverByAHeartbeat() {
    Plan plan = f.stored(Plans.close(Fixture.T0));
    f.store.confirm(plan.id(), Plans.OWNER, Fixture.T0);
    PlanExecutor survivor = f.engine(f.newStore(), Runnable::run, f.listener);
    for (int i = 0; i < 6; i++) {
      f.store.beat("runner-alive", "host-b", 7, f.clock.instant());
      if (i == 0) {
        assertThat(f.store.claim(plan.id(), "runner-alive")).isTrue();
      }
      f.clock.add(LEASE.dividedBy(2));
      survivor.heartbeat();
    }
    assertThat(f.plan(plan.id()).state()).isEqualTo(PlanState.EXECUTING);
    assertThat(f.syncro.commentPosts()).isZero();
  }
}
