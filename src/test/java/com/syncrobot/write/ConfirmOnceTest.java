package com.syncrobot.write;

import com.syncrobot.store.Dialect;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A plan runs only after its owner's Confirm, and at most once however often that comes (R1, R2). */
@ParameterizedClass
@EnumSource(Dialect.class)
final class ConfirmOnceTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final Duration WAIT = Duration.ofSeconds(30);

  @AutoClose
  private final Fixture f;
  private final List<ExecutorService> pools = new ArrayList<>();

  ConfirmOnceTest(Dialect dialect) {
    this.f = new Fixture(wm, dialect);
  }

  @BeforeEach
  void setUp() {
    // a slow Syncro keeps every racing runner in flight together
    f.syncro.commentPostAnswers(okJson("{\"comment\":{\"id\":5001}}").withFixedDelay(150));
    f.syncro.statusPutAnswers(okJson(SyncroStubs.ticketJson("Resolved")).withFixedDelay(150));
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
  void doubleConfirmConcurrently_onePostPerStep_R2() throws Exception {
    Plan plan = f.stored(Plans.close(Fixture.T0));
    ExecutorService engineThreads = pool(4);
    PlanExecutor engine = f.engine(engineThreads);

    List<ConfirmResult> results = race(8, () -> engine.confirm(plan.id(), Plans.OWNER));
    f.listener.await(plan.id(), PlanState.DONE, WAIT);
    quiesce(engineThreads);

    assertThat(results).filteredOn(r -> r == ConfirmResult.CONFIRMED).hasSize(1);
    assertThat(results).filteredOn(r -> r != ConfirmResult.CONFIRMED).containsOnly(ConfirmResult.ALREADY_RUNNING);
    assertThat(f.syncro.commentPosts()).isEqualTo(1);
    assertThat(f.syncro.statusPuts()).isEqualTo(1);
    assertThat(f.plan(plan.id()).state()).isEqualTo(PlanState.DONE);
  }

  @Test
  void engineRunTwiceConcurrently_inOneAndTwoInstances_onePostPerStep_R2() throws Exception {
    // execute() called over and over, by this engine and by a second one on the same database file
    Plan plan = f.stored(Plans.close(Fixture.T0));
    assertThat(f.store.confirm(plan.id(), Plans.OWNER, Fixture.T0)).isEqualTo(ConfirmResult.CONFIRMED);
    ExecutorService threadsA = pool(4);
    ExecutorService threadsB = pool(4);
    PlanExecutor a = f.engine(threadsA);
    PlanExecutor b = f.engine(f.newStore(), threadsB, f.listener);

    race(8, () -> {
      a.execute(plan.id());
      b.execute(plan.id());
      return null;
    });
    f.listener.await(plan.id(), PlanState.DONE, WAIT);
    quiesce(threadsA);
    quiesce(threadsB);

    assertThat(f.syncro.commentPosts()).isEqualTo(1);
    assertThat(f.syncro.statusPuts()).isEqualTo(1);
    Plan after = f.plan(plan.id());
    assertThat(after.steps()).extracting(Step::state).containsOnly(StepState.DONE);
    assertThat(after.steps()).extracting(Step::attempt).containsOnly(1);
  }

  @Test
  void secondEngineWhileStepInFlight_leavesThePlanAlone_R2() {
    // While bot A's POST is in flight (step SENDING), bot B on the same file is asked to run the
    // plan: it must neither send nor "verify" a request that has not been answered yet.
    Plan plan = f.stored(Plans.close(Fixture.T0));
    AtomicBoolean triggered = new AtomicBoolean();
    PlanExecutor[] b = new PlanExecutor[1];
    PlanListener interfere = p -> {
      if (p.step(0).state() == StepState.SENDING && triggered.compareAndSet(false, true)) {
        b[0].execute(p.id());
      }
    };
    b[0] = f.engine(f.newStore(), Runnable::run, PlanListener.none());
    PlanExecutor a = f.engine(f.store, Runnable::run, interfere);

    a.confirm(plan.id(), Plans.OWNER);

    assertThat(triggered).isTrue();
    Plan after = f.plan(plan.id());
    assertThat(after.state()).isEqualTo(PlanState.DONE);
    assertThat(after.step(0).verification()).isNull();
    assertThat(f.syncro.commentPosts()).isEqualTo(1);
    assertThat(f.syncro.statusPuts()).isEqualTo(1);
  }

  @Test
  void confirmByAnotherUser_refused_zeroPosts_R1() {
    Plan plan = f.stored(Plans.comment(Fixture.T0));
    PlanExecutor engine = f.engine(Runnable::run);

    assertThat(engine.confirm(plan.id(), Plans.OTHER)).isEqualTo(ConfirmResult.NOT_OWNER);

    assertThat(f.plan(plan.id()).state()).isEqualTo(PlanState.PREVIEWED);
    assertThat(f.syncro.commentPosts()).isZero();
  }

  @Test
  void expiredPreview_confirmRefused_zeroPosts_R1() {
    Plan plan = f.stored(Plans.comment(Fixture.T0));
    PlanExecutor engine = f.engine(Runnable::run);
    f.clock.add(Plans.TTL);

    assertThat(engine.confirm(plan.id(), Plans.OWNER)).isEqualTo(ConfirmResult.EXPIRED);

    assertThat(f.plan(plan.id()).state()).isEqualTo(PlanState.EXPIRED);
    assertThat(f.listener.states(plan.id())).containsExactly(PlanState.EXPIRED);
    assertThat(f.syncro.commentPosts()).isZero();
  }

  @Test
  void expirePreviews_tellsListener_R1() {
    Plan plan = f.stored(Plans.comment(Fixture.T0));
    PlanExecutor engine = f.engine(Runnable::run);
    f.clock.add(Plans.TTL.plusSeconds(1));

    assertThat(engine.expirePreviews()).extracting(Plan::id).containsExactly(plan.id());
    assertThat(f.listener.states(plan.id())).containsExactly(PlanState.EXPIRED);
  }

  @Test
  void cancelledPlan_confirmRefused_zeroPosts_R1() {
    Plan plan = f.stored(Plans.comment(Fixture.T0));
    PlanExecutor engine = f.engine(Runnable::run);

    assertThat(engine.cancel(plan.id(), Plans.OTHER)).isEqualTo(CancelResult.NOT_OWNER);
    assertThat(engine.cancel(plan.id(), Plans.OWNER)).isEqualTo(CancelResult.CANCELLED);
    assertThat(engine.confirm(plan.id(), Plans.OWNER)).isEqualTo(ConfirmResult.CANCELLED);

    assertThat(f.plan(plan.id()).state()).isEqualTo(PlanState.CANCELLED);
    assertThat(f.syncro.commentPosts()).isZero();
  }

  @Test
  void confirmAfterDone_alreadyDone_noSecondPost_R2() {
    Plan plan = f.stored(Plans.comment(Fixture.T0));
    PlanExecutor engine = f.engine(Runnable::run);
    engine.confirm(plan.id(), Plans.OWNER);

    // a redelivered Slack payload, minutes later
    assertThat(engine.confirm(plan.id(), Plans.OWNER)).isEqualTo(ConfirmResult.ALREADY_DONE);
    engine.execute(plan.id());
    assertThat(engine.resume()).isZero();

    assertThat(f.syncro.commentPosts()).isEqualTo(1);
  }

  /** Waits until the pool has run everything it was given, so no stray runner can still send. */
  private static void quiesce(ExecutorService pool) throws InterruptedException {
    pool.shutdown();
    assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
  }

  private <T> List<T> race(int n, Callable<T> task) throws Exception {
    ExecutorService callers = pool(n);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<T>> futures = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      futures.add(callers.submit(() -> {
        go.await();
        return task.call();
      }));
    }
    go.countDown();
    List<T> results = new ArrayList<>();
    for (Future<T> future : futures) {
      results.add(future.get(30, TimeUnit.SECONDS));
    }
    return results;
  }
}
