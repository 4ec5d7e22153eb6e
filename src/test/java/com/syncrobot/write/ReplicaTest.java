package com.syncrobot.write;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.syncrobot.store.Dialect;
import com.syncrobot.write.SyncroStubs.StoredComment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Several bot replicas on one database, each with its own {@link com.syncrobot.store.Database} (its own
 * connections, on PostgreSQL its own pool) and its own engine: a plan still runs once (R2).
 */
@ParameterizedClass
@EnumSource(Dialect.class)
final class ReplicaTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final int REPLICAS = 4;
  private static final int CONFIRMS = 100;

  @AutoClose
  private final Fixture f;
  private final List<ExecutorService> pools = new ArrayList<>();

  ReplicaTest(Dialect dialect) {
    this.f = new Fixture(wm, dialect);
  }

  @AfterEach
  void tearDown() throws InterruptedException {
    for (ExecutorService pool : pools) {
      pool.shutdownNow();
      assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }
  }

  private ExecutorService pool(int threads) {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    pools.add(pool);
    return pool;
  }

  @Test
  void hundredConfirmsAcrossReplicas_exactlyOneConfirmed_planRunsOnce_R2() throws Exception {
    // a slow Syncro keeps the plan running while the other confirms arrive
    f.syncro.commentPostAnswers(okJson("{\"comment\":{\"id\":5001}}").withFixedDelay(150));
    f.syncro.statusPutAnswers(okJson(SyncroStubs.ticketJson("Resolved")).withFixedDelay(150));
    Plan plan = f.stored(Plans.close(Fixture.T0));
    List<PlanExecutor> replicas = new ArrayList<>();
    List<ExecutorService> engineThreads = new ArrayList<>();
    for (int i = 0; i < REPLICAS; i++) {
      ExecutorService threads = pool(2);
      engineThreads.add(threads);
      replicas.add(f.engine(f.newStore(), threads, f.listener));
    }

    ExecutorService callers = pool(CONFIRMS);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<ConfirmResult>> futures = new ArrayList<>();
    for (int i = 0; i < CONFIRMS; i++) {
      PlanExecutor replica = replicas.get(i % REPLICAS);
      futures.add(callers.submit(() -> {
        go.await();
        return replica.confirm(plan.id(), Plans.OWNER);
      }));
    }
    go.countDown();
    List<ConfirmResult> results = new ArrayList<>();
    for (Future<ConfirmResult> future : futures) {
      results.add(future.get(60, TimeUnit.SECONDS));
    }
    f.listener.await(plan.id(), PlanState.DONE, WAIT);
    for (ExecutorService threads : engineThreads) {
      threads.shutdown();
      assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }

    assertThat(results).filteredOn(r -> r == ConfirmResult.CONFIRMED).hasSize(1);
    // a confirm that came after the plan finished is told so; none runs it again
    assertThat(results).filteredOn(r -> r != ConfirmResult.CONFIRMED)
        .hasSize(CONFIRMS - 1)
        .allMatch(r -> r == ConfirmResult.ALREADY_RUNNING || r == ConfirmResult.ALREADY_DONE);
    assertThat(f.syncro.commentPosts()).isEqualTo(1);
    assertThat(f.syncro.statusPuts()).isEqualTo(1);
    Plan after = f.plan(plan.id());
    assertThat(after.state()).isEqualTo(PlanState.DONE);
    assertThat(after.steps()).extracting(Step::attempt).containsOnly(1);
  }

  @Test
  void planHeldByLiveReplica_notTakenOver_untilItStopsBeating_thenVerifiedFirst_R2() throws Exception {
    Plan plan = f.stored(Plans.close(Fixture.T0));
    // What Syncro shows once replica A's comment POST (in flight when A dies) has landed.
    f.syncro.comments(new StoredComment(5001, Plans.SUBJECT, Plans.BODY, Fixture.T0.plusSeconds(1)));
    f.syncro.statusPutSucceeds();
    CountDownLatch sending = new CountDownLatch(1);
    CountDownLatch dead = new CountDownLatch(1);
    AtomicBoolean stopped = new AtomicBoolean();
    // Replica A stops in the middle of step 0 (SENDING: its POST about to leave), holding the plan's lease;
    // once told it is dead it never sends anything.
    PlanListener stopAtSending = p -> {
      if (p.step(0).state() == StepState.SENDING && stopped.compareAndSet(false, true)) {
        sending.countDown();
        try {
          dead.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        throw new RestartTest.Killed();
      }
    };
    ExecutorService threadA = pool(1);
    PlanExecutor a = f.engine(f.newStore(), threadA, stopAtSending);
    PlanExecutor b = f.engine(f.newStore(), Runnable::run, f.listener);

    assertThat(a.confirm(plan.id(), Plans.OWNER)).isEqualTo(ConfirmResult.CONFIRMED);
    assertThat(sending.await(30, TimeUnit.SECONDS)).isTrue();
    try {
      // B starts while A runs and beats: B leaves the plan alone, however long A keeps beating
      b.resume();
      for (int i = 0; i < 4; i++) {
        f.clock.add(Duration.ofSeconds(20));
        a.heartbeat();
        b.heartbeat();
      }
      Plan held = f.plan(plan.id());
      assertThat(held.state()).isEqualTo(PlanState.EXECUTING);
      assertThat(held.step(0).state()).isEqualTo(StepState.SENDING);
      assertThat(f.syncro.count(getRequestedFor(urlPathEqualTo(SyncroStubs.COMMENTS_PATH)))).isZero();
      assertThat(f.syncro.statusPuts()).isZero();

      // A falls silent: once its heartbeat is older than the lease, B takes the plan over and first looks
      // for the comment A may have sent, instead of sending it again
      f.clock.add(PlanExecutor.DEFAULT_RUNNER_LEASE.plusSeconds(1));
      b.heartbeat();
    } finally {
      dead.countDown();
    }

    Plan after = f.plan(plan.id());
    assertThat(after.state()).isEqualTo(PlanState.DONE);
    assertThat(after.step(0).resultId()).isEqualTo(5001L);
    assertThat(f.syncro.count(getRequestedFor(urlPathEqualTo(SyncroStubs.COMMENTS_PATH)))).isPositive();
    threadA.shutdown();
    assertThat(threadA.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    assertThat(f.syncro.commentPosts()).isZero();
    assertThat(f.syncro.statusPuts()).isEqualTo(1);
  }
}
