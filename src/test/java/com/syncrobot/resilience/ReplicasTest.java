package com.syncrobot.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncrobot.app.BotConfig;
import com.syncrobot.digest.DigestDays;
import com.syncrobot.digest.DigestStore;
import com.syncrobot.playground.sandbox.model.SandboxTicket;
import com.syncrobot.playground.slack.BotAck;
import com.syncrobot.playground.slack.SimMessage;
import com.syncrobot.playground.slack.SlackSimulator;
import com.syncrobot.store.Database;
import com.syncrobot.syncro.RequestBudget;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Three production bots (replicas, each a child JVM with its own HTTP port behind a {@link Balancer}) on one
 * PostgreSQL database, one Syncro sandbox and one Slack simulator: a Confirm clicked on all of them at once,
 * and redelivered, runs the plan once; a replica killed with SIGKILL in the middle of each step of a bill has
 * its plan finished once by another, verification first; a digest due while the replicas race posts once;
 * 300 commands in a minute over the three keep within Syncro's 180 requests a minute.
 * The scenarios share one set of replicas; a killed replica is started again once its plan is finished.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(180)
final class ReplicasTest {
  static final String ALICE = KillTest.ALICE;
  static final int REPLICAS = 3;
  static final int CLICKS = 100;
  static final int REDELIVERIES = 20;
  static final int COMMANDS = 300;
  static final Duration COMMAND_SPAN = Duration.ofSeconds(60);
  /** Syncro's limit per source address: the replicas share one egress, so one budget. */
  static final int SYNCRO_LIMIT = 180;
  /** Long enough for a takeover: the lease (3 s), a heartbeat, the settle window, and the rest of the plan. */
  static final Duration TAKEOVER_WAIT = Duration.ofSeconds(60);

  @TempDir
  static Path dir;
  Replicas replicas;
  Rig rig;
  int cases;

  @BeforeAll
  void start() throws Exception {
    replicas = Replicas.start(dir, REPLICAS, Map.of());
    rig = replicas.rig;
  }

  @AfterAll
  void stop() throws Exception {
    if (replicas != null) {
      replicas.close();
    }
  }

  /**
   * 100 Confirm clicks of one bill, held at the balancer until all of them were made and then let go at
   * once, spread round robin over the three replicas, with 20 of them also redelivered byte for byte to
   * another replica at the same moment: Syncro receives each write once, every click but the winning one is
   * told it changed nothing (a redelivery is recognised and told nothing more), and the technician hears the
   * outcome once.
   */
  @Test
  @Order(1)
  void confirm_100ConcurrentClicksOverThreeReplicas_someRedelivered_planRunsOnce_toldOnce() throws Exception {
    Billing b = billing("Hundred clicks");
    int channelBefore = publicMessages().size();
    int dmsBefore = rig.sim.messages(rig.sim.dmChannel(ALICE)).size();
    rig.sandbox.requestLog().clear();
    guarded(() -> {
      rig.sim.setAckTimeout(Duration.ofSeconds(60));
      ExecutorService pool = Executors.newFixedThreadPool(CLICKS + REDELIVERIES);
      try {
        Balancer.Gate gate = replicas.balancer.hold(CLICKS);
        List<Future<BotAck>> clicks = new ArrayList<>();
        for (int i = 0; i < CLICKS; i++) {
          clicks.add(pool.submit(() -> rig.sim.clickButton(ALICE, b.preview(), "Confirm")));
        }
        List<Balancer.Delivery> held = gate.awaitArrived(Rig.WAIT);
        assertThat(held).extracting(Balancer.Delivery::replica).containsOnly(0, 1, 2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Balancer.Answer>> redelivered = new ArrayList<>();
        for (Balancer.Delivery d : held.subList(0, REDELIVERIES)) {
          redelivered.add(pool.submit(() -> {
            go.await();
            Balancer.Answer answer = replicas.balancer.redeliver(d, (d.replica() + 1) % REPLICAS);
            for (int tries = 1; answer.status() == 503 && tries < 20; tries++) {
              Thread.sleep(100); // that replica was full and took nothing: Slack tries again
              answer = replicas.balancer.redeliver(d, (d.replica() + 1) % REPLICAS);
            }
            return answer;
          }));
        }
        gate.open();
        go.countDown();
        for (Future<BotAck> c : clicks) {
          assertThat(c.get().status()).as("a click's ack").isEqualTo(200);
        }
        for (Future<Balancer.Answer> r : redelivered) {
          assertThat(r.get().status()).as("a redelivery's ack").isEqualTo(200);
        }
      } finally {
        pool.shutdownNow();
        rig.sim.setAckTimeout(Duration.ofSeconds(3));
      }

      assertThat(rig.awaitPlanState(b.ticket().number(), Rig.WAIT, "DONE", "NEEDS_DECISION", "FAILED"))
          .isEqualTo("DONE");
      KillTest.assertBilledExactlyOnce(rig, b.ticket(), b.work());
      assertThat(KillTest.awaitTold(rig, b.preview().ts(), m -> m.allText().contains("Done.")).allText())
          .contains("112.50");
      // Every click but the one that confirmed is told it changed nothing; a redelivered one is not told again.
      List<String> refusals = awaitCount(() -> ephemeralsTo(ALICE, "your click changed nothing"), CLICKS - 1);
      assertThat(refusals).as("clicks told they changed nothing").hasSize(CLICKS - 1);
      assertThat(Stream.concat(rig.sim.messages(SlackSimulator.SUPPORT).stream(),
          rig.sim.messages(rig.sim.dmChannel(ALICE)).stream())
          .filter(m -> m.allText().contains("Done.") && m.allText().contains(b.work())))
          .as("messages telling the outcome").hasSize(1);
      assertThat(publicMessages()).as("the channel's one summary of the bill").hasSize(channelBefore + 1);
      assertThat(rig.sim.messages(rig.sim.dmChannel(ALICE))).as("DMs").hasSize(dmsBefore);
      System.out.printf("REPLICAS %d clicks + %d redeliveries over %d replicas: 1 run, %d told it changed nothing%n",
          CLICKS, REDELIVERIES, REPLICAS, refusals.size());
    });
  }

  /**
   * A digest due now, with its claim held up in the database until at least two replicas' ticks wait on it,
   * then let go: the replicas race for the same day's run and exactly one digest reaches the channel.
   */
  @Test
  @Order(2)
  void digestDue_replicasRaceForTheSameRun_oneMessageInTheChannel() throws Exception {
    guarded(() -> {
      Instant now = Instant.now();
      LocalTime due = LocalTime.ofInstant(now, ZoneOffset.UTC).minusMinutes(1).truncatedTo(ChronoUnit.MINUTES);
      long before = digests().size();
      int waiting;
      long scheduleId;
      try (Connection lock = DriverManager.getConnection(rig.dbUrl())) {
        lock.setAutoCommit(false);
        try (Statement st = lock.createStatement()) {
          // Claims are inserts into digest_runs; reads go on.
          st.execute("LOCK TABLE digest_runs IN SHARE ROW EXCLUSIVE MODE");
        }
        // Set up two days ago, so today's run at `due` (a minute ago) is due now.
        try (Database db = Database.open(rig.dbUrl())) {
          scheduleId = new DigestStore(db, Clock.fixed(now.minus(Duration.ofDays(2)), ZoneOffset.UTC))
              .add(SlackSimulator.SUPPORT, due, DigestDays.DAILY, ZoneOffset.UTC, ALICE).id();
        }
        // Every replica ticks within 30 s and then waits at its claim.
        waiting = awaitClaimsWaiting(REPLICAS, Duration.ofSeconds(45));
        lock.commit();
      }
      assertThat(waiting).as("replicas waiting to claim the same run").isGreaterThanOrEqualTo(2);
      SimMessage digest = rig.await(m -> !m.isEphemeral() && !m.isReply() && m.allText().contains("Syncro digest"));
      // every claim that waited has answered once no claim waits any more; then a moment for a second post
      awaitClaimsWaiting(0, Duration.ofSeconds(10));
      Thread.sleep(3000);
      assertThat(digests()).as("digests in the channel").hasSize((int) before + 1);
      assertThat(rig.query("select count(*) from digest_runs where schedule_id = " + scheduleId)).isEqualTo("1");
      System.out.printf("REPLICAS digest: %d replicas waited at the claim, one digest posted (%s)%n", waiting,
          digest.allText().lines().findFirst().orElse(""));
    });
  }

  static Stream<Arguments> everyStep() {
    return IntStream.range(0, KillTest.STEP_NAMES.length).boxed()
        .map(step -> Arguments.of(Named.of((step + 1) + " (" + KillTest.STEP_NAMES[step] + ")", step)));
  }

  /**
   * The replica running a bill is killed with SIGKILL while a step's request is on the wire and Syncro has
   * committed it (only the answer is lost): once its lease expires another replica, already running, takes
   * the plan over, verifies the step first, finds the record and goes on without sending it again. Syncro
   * then holds one comment, one line, one invoice of 112.50 and the status Invoiced, and the technician is
   * told "Done." The killed replica is started again for the next case.
   */
  @ParameterizedTest(name = "runner killed during step {0}")
  @MethodSource("everyStep")
  @Order(3)
  void bill_runnerKilledDuringStep_anotherReplicaTakesOver_finishesOnce(int step) throws Exception {
    for (int i = 0; i < REPLICAS; i++) {
      if (!replicas.alive(i)) {
        replicas.start(i); // a case before failed with it killed
      }
    }
    Billing b = billing("Kill during step " + (step + 1));
    int runner = step % REPLICAS;
    guarded(() -> {
      replicas.balancer.pin(runner);
      replicas.trap.arm(KillTest.stepRequest(step, b.ticket()), WireTrap.Hold.ANSWER);
      rig.sandbox.requestLog().clear();
      assertThat(rig.sim.clickButton(ALICE, b.preview(), "Confirm").ok()).isTrue();
      replicas.balancer.roundRobin();
      WireTrap.Request caught = replicas.trap.awaitCaught(Rig.WAIT);
      assertThat(replicas.runnerOf(b.ticket().number())).as("the replica running the plan").isEqualTo(runner);
      String stepAtKill = rig.stepState(b.ticket().number(), step);
      long killed = System.nanoTime();
      int exit = replicas.kill(runner);
      replicas.trap.release();
      assertThat(exit).as("exit status of kill -9").isEqualTo(ChildJvm.SIGKILLED);
      // a write is recorded SENDING before it leaves; the invoice read-back (step 3) is not marked: it writes nothing
      assertThat(stepAtKill).as("step %d in the store at the kill", step).isEqualTo(step == 3 ? "PENDING" : "SENDING");
      assertThat(rig.planState(b.ticket().number())).isEqualTo("EXECUTING");

      // Only the other replicas run now: one of them must take the plan over.
      String after = rig.awaitPlanState(b.ticket().number(), TAKEOVER_WAIT, "DONE", "NEEDS_DECISION", "FAILED");
      long tookMs = (System.nanoTime() - killed) / 1_000_000;
      assertThat(replicas.alive(runner)).isFalse();
      assertThat(after).as("plan state after the takeover").isEqualTo("DONE");
      KillTest.assertBilledExactlyOnce(rig, b.ticket(), b.work());
      SimMessage told = KillTest.awaitTold(rig, b.preview().ts(), m -> m.allText().contains("Done."));
      assertThat(told.allText()).contains("112.50").doesNotContain("Needs your decision");
      System.out.printf("REPLICAS kill during step %d (%s): request %s %s held, replica %d killed; plan %s"
          + " %d ms after the kill%n", step + 1, KillTest.STEP_NAMES[step], caught.method(), caught.path(), runner,
          after, tookMs);
      replicas.start(runner);
    });
  }

  /**
   * 300 {@code /syncro list} in 60 s, from three technicians, spread round robin over the three replicas,
   * with the sandbox counting like Syncro (180 requests a minute from the deployment's one address): Syncro
   * sees at most 180 requests in any 60 s window (none refused with 429), and every command is answered or
   * told at once that its answer is queued. Needs the request budget the replicas share in the store.
   */
  @Test
  @Order(4)
  void commands300In60sOverThreeReplicas_syncroSeesAtMost180InAnyMinute_everyCommandAnsweredOrQueued()
      throws Exception {
    guarded(() -> {
      List<String> users = rig.botRig.users.stream().map(u -> u.id()).toList();
      // the earlier scenarios ran with the rig's generous budget; now the replicas get Syncro's real one
      replicas.restartAllWith(Map.of(BotConfig.SYNCRO_REQUESTS_PER_MINUTE, Integer.toString(SYNCRO_LIMIT)));
      // Syncro's (the sandbox's) count of the last minute starts empty: the earlier scenarios' requests, sent
      // under the rig's generous budget, leave its window first (the bots' ledger counts them for 62 s too)
      Thread.sleep(RequestBudget.WINDOW.toMillis());
      replicas.balancer.roundRobin();
      rig.sandbox.knobs().rateLimit(SYNCRO_LIMIT);
      rig.sandbox.requestLog().clear();
      int answeredBefore = answers(users).size();
      ScheduledExecutorService pacer = Executors.newScheduledThreadPool(16);
      List<ScheduledFuture<BotAck>> acks = new ArrayList<>();
      try {
        for (int i = 0; i < COMMANDS; i++) {
          String user = users.get(i % users.size());
          acks.add(pacer.schedule(() -> rig.sim.runSlashCommand(user, SlackSimulator.SUPPORT, "/syncro list"),
              i * COMMAND_SPAN.toMillis() / COMMANDS, TimeUnit.MILLISECONDS));
        }
        int queued = 0;
        for (ScheduledFuture<BotAck> a : acks) {
          BotAck ack = a.get();
          assertThat(ack.status()).as("a command's ack").isEqualTo(200);
          queued += ack.body().contains("Queued:") ? 1 : 0;
        }
        // Every command not told it is queued is answered soon; the queued ones as the budget allows.
        int expected = COMMANDS - queued;
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (answers(users).size() - answeredBefore < expected && System.nanoTime() < end) {
          Thread.sleep(200);
        }
        int answered = answers(users).size() - answeredBefore;
        int most = rig.sandbox.requestLog().maxInAnyWindow(Duration.ofSeconds(60));
        long refused = rig.sandbox.requestLog().entries().stream().filter(e -> e.status() == 429).count();
        System.out.printf("REPLICAS %d commands in %d s over %d replicas: %d told queued, %d answered; Syncro saw at"
            + " most %d requests in a 60 s window, %d refused with 429%n", COMMANDS, COMMAND_SPAN.toSeconds(),
            REPLICAS, queued, answered, most, refused);
        assertThat(most).as("requests Syncro saw in the busiest 60 s").isLessThanOrEqualTo(SYNCRO_LIMIT);
        assertThat(refused).as("requests Syncro refused with 429").isZero();
        assertThat(answered).as("commands answered (%d more were told they are queued)", queued)
            .isGreaterThanOrEqualTo(expected);
      } finally {
        pacer.shutdownNow();
        rig.sandbox.knobs().rateLimit(Rig.REQUESTS_PER_MINUTE);
      }
    });
  }

  // ---- helpers ---------------------------------------------------------------------------------------

  private record Billing(SandboxTicket ticket, String work, SimMessage preview) {}

  /** A fresh billable ticket and its bill preview (45 remote minutes, $112.50), its requests spread round robin. */
  private Billing billing(String what) throws Exception {
    String work = what + " " + (++cases) + ": rebuilt the mail profile";
    SandboxTicket t = rig.newBillableTicket("Replicas " + work);
    replicas.balancer.roundRobin();
    SimMessage p = rig.billPreview(ALICE, t.number(), 45, work);
    assertThat(p.allText()).contains("0.75 × Labor - Remote Business at $150.00 = $112.50");
    return new Billing(t, work, p);
  }

  private List<String> ephemeralsTo(String user, String containing) {
    return rig.sim.messages(SlackSimulator.SUPPORT).stream()
        .filter(m -> m.isEphemeral() && m.visibleTo(user))
        .map(SimMessage::allText)
        .filter(t -> t.toLowerCase(Locale.ROOT).contains(containing))
        .toList();
  }

  /** The answers to {@code /syncro list} that {@code users} got so far. */
  private List<SimMessage> answers(List<String> users) {
    return rig.sim.messages(SlackSimulator.SUPPORT).stream()
        .filter(m -> m.isEphemeral() && users.stream().anyMatch(m::visibleTo) && m.allText().contains("open ticket"))
        .toList();
  }

  private List<SimMessage> publicMessages() {
    return rig.sim.messages(SlackSimulator.SUPPORT).stream().filter(m -> !m.isEphemeral()).toList();
  }

  private List<SimMessage> digests() {
    return rig.sim.messages(SlackSimulator.SUPPORT).stream()
        .filter(m -> !m.isEphemeral() && !m.isReply() && m.allText().contains("Syncro digest")).toList();
  }

  private interface Listing {
    List<String> get();
  }

  /** The list once it has {@code count} entries (or after 20 s), then once more after a second for stragglers. */
  private static List<String> awaitCount(Listing list, int count) throws InterruptedException {
    long end = System.nanoTime() + Rig.WAIT.toNanos();
    while (list.get().size() < count && System.nanoTime() < end) {
      Thread.sleep(50);
    }
    Thread.sleep(1000);
    return list.get();
  }

  /** Waits until {@code count} sessions wait on a lock to insert into digest_runs (at least; 0: none); returns how many. */
  private int awaitClaimsWaiting(int count, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    int n = claimsWaiting();
    while ((count == 0 ? n > 0 : n < count) && System.nanoTime() < end) {
      Thread.sleep(100);
      n = claimsWaiting();
    }
    return n;
  }

  private int claimsWaiting() {
    String n = rig.query("select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
        + " and query ilike '%insert into digest_runs%' and pid <> pg_backend_pid()");
    return n.isEmpty() ? 0 : Integer.parseInt(n);
  }

  private interface Body {
    void run() throws Exception;
  }

  /** Runs a scenario; on failure prints what the replicas said, then fails. */
  private void guarded(Body body) throws Exception {
    try {
      body.run();
    } catch (Exception | AssertionError e) {
      System.out.println(replicas.outputs());
      replicas.trap.release();
      throw e;
    }
  }
}
