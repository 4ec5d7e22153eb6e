package com.syncrobot.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncrobot.playground.sandbox.WriteFault;
import com.syncrobot.playground.sandbox.model.SandboxComment;
import com.syncrobot.playground.sandbox.model.SandboxTicket;
import com.syncrobot.playground.slack.SimMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every Syncro write answering with each {@link WriteFault}, on step 1 (the resolution comment) and
 * on step 2 (status Resolved) of {@code /syncro close}: the sandbox ends with exactly one comment and
 * the status Resolved, or, when the bot cannot know, it asks the technician and says nothing false.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(90)
final class FaultTest {
  static final String ALICE = "U0ALICE";

  @TempDir
  static Path dir;
  Rig rig;
  Deque<SandboxTicket> tickets;

  @BeforeAll
  void start() throws Exception {
    rig = new Rig(dir);
    rig.startBot();
    tickets = rig.openTickets();
    // A 429 asks for one second, so the client's own wait stays inside the test's bound.
    rig.sandbox.knobs().retryAfterSeconds(1);
  }

  /** An open ticket of the seed data while they last, then a new one. */
  private SandboxTicket ticket() throws Exception {
    return tickets.isEmpty() ? rig.newBillableTicket("Fault test ticket " + System.nanoTime()) : tickets.pop();
  }

  @AfterAll
  void stop() {
    if (rig != null) {
      rig.close();
    }
  }

  @org.junit.jupiter.api.Test
  void confirm_100ConcurrentClicks_oneExecution_R2() throws Exception {
    SandboxTicket t = ticket();
    String body = "Hundred clicks: replaced the patch cable.";
    SimMessage p = rig.preview(ALICE, "close", t.number(), body);
    rig.sandbox.requestLog().clear();
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(100);
    java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
    List<java.util.concurrent.Future<Boolean>> acks = new java.util.ArrayList<>();
    for (int i = 0; i < 100; i++) {
      acks.add(pool.submit(() -> {
        go.await();
        try {
          return rig.sim.clickButton(ALICE, p, "Confirm").status() == 200;
        } catch (RuntimeException e) {
          // The simulator refuses a click once the message lost its Confirm button: that click never reached the bot.
          return false;
        }
      }));
    }
    go.countDown();
    int acked = 0;
    for (var f : acks) {
      acked += f.get() ? 1 : 0;
    }
    pool.shutdown();
    assertThat(acked).isPositive();
    assertThat(rig.awaitPlanState(t.number(), Rig.WAIT, "DONE", "NEEDS_DECISION", "FAILED")).isEqualTo("DONE");
    assertThat(rig.sandbox.state().commentsOf(t.id()).stream().filter(c -> c.body().contains(body))).hasSize(1);
    assertThat(rig.sandbox.requestLog().entries().stream()
        .filter(e -> !e.method().equals("GET"))).hasSize(2);
    System.out.printf("CLICKS 100 concurrent -> %d acked, 1 comment, 2 writes%n", acked);
  }

  @org.junit.jupiter.api.Test
  void confirm_whileSqliteHeldExclusiveFor1500ms_confirmationNotLost() throws Exception {
    SandboxTicket t = ticket();
    String body = "Busy store: reseated the RAM.";
    SimMessage p = rig.preview(ALICE, "close", t.number(), body);
    try (var c = java.sql.DriverManager.getConnection(rig.dbUrl()); var st = c.createStatement()) {
      st.execute("BEGIN EXCLUSIVE");
      var click = java.util.concurrent.CompletableFuture.supplyAsync(() -> rig.sim.clickButton(ALICE, p, "Confirm"));
      Thread.sleep(1500);
      st.execute("COMMIT");
      System.out.println("BUSY click ack: " + click.get().status());
    }
    assertThat(rig.awaitPlanState(t.number(), Rig.WAIT, "DONE", "NEEDS_DECISION", "FAILED")).isEqualTo("DONE");
    assertThat(rig.sandbox.state().commentsOf(t.id()).stream().filter(c -> c.body().contains(body))).hasSize(1);
    assertThat(rig.sandbox.state().ticket(t.id()).orElseThrow().status()).isEqualTo("Resolved");
  }

  @org.junit.jupiter.api.Test
  void run_whileSqliteHeldExclusivePastTheBusyTimeout_planRetriedAndFinishes() throws Exception {
    SandboxTicket t = ticket();
    String body = "Busy store mid-run: replaced the case fan.";
    SimMessage p = rig.preview(ALICE, "close", t.number(), body);
    // Each request takes 500 ms, so the store can be locked while the comment is on its way.
    rig.sandbox.faults().latency(Duration.ofMillis(500));
    assertThat(rig.sim.clickButton(ALICE, p, "Confirm").ok()).isTrue();
    rig.awaitStep(t.number(), 0, "SENDING");
    try (var c = java.sql.DriverManager.getConnection(rig.dbUrl()); var st = c.createStatement()) {
      st.execute("BEGIN EXCLUSIVE");
      // longer than the bot's 5 s busy timeout: recording the answer fails with SQLITE_BUSY
      Thread.sleep(7000);
      st.execute("COMMIT");
    }
    rig.sandbox.faults().latency(Duration.ZERO);
    assertThat(rig.awaitPlanState(t.number(), Rig.WAIT, "DONE", "NEEDS_DECISION", "FAILED")).isEqualTo("DONE");
    assertThat(rig.sandbox.state().commentsOf(t.id()).stream().filter(c -> c.body().contains(body))).hasSize(1);
    assertThat(rig.sandbox.state().ticket(t.id()).orElseThrow().status()).isEqualTo("Resolved");
    assertThat(rig.awaitText(p.ts(), "Done.")).contains("Done.");
  }

  @org.junit.jupiter.api.Test
  void syncroDownMidPlan_planWaits_thenVerifiesAndAsks_noDuplicate() throws Exception {
    SandboxTicket t = ticket();
    String body = "Outage mid-plan: replaced the UPS battery.";
    SimMessage p = rig.preview(ALICE, "close", t.number(), body);
    rig.sandbox.faults().latency(Duration.ofMillis(300));
    assertThat(rig.sim.clickButton(ALICE, p, "Confirm").ok()).isTrue();
    rig.awaitStep(t.number(), 0, "DONE");
    rig.sandbox.faults().down(true);
    String waiting = rig.awaitPlanState(t.number(), Rig.WAIT, "WAITING", "NEEDS_DECISION", "DONE", "FAILED");
    System.out.println("DOWN plan state while Syncro is down: " + waiting + "; shown: "
        + rig.text(p.ts()).lines().findFirst().orElse(""));
    rig.sandbox.faults().latency(Duration.ZERO);
    rig.sandbox.faults().down(false);
    String end = rig.awaitPlanState(t.number(), Rig.WAIT, "DONE", "NEEDS_DECISION", "FAILED");
    System.out.println("DOWN plan state after Syncro is back: " + end);
    assertThat(waiting).isEqualTo("WAITING");
    assertThat(rig.sandbox.state().commentsOf(t.id()).stream().filter(c -> c.body().contains(body))).hasSize(1);
    // The sandbox's outage drops connections after reading the request, so the in-flight status write is
    // ambiguous: once Syncro is back the bot verifies, finds the status unchanged and asks before resending.
    assertThat(end).isEqualTo("NEEDS_DECISION");
    assertThat(rig.stepState(t.number(), 0)).isEqualTo("DONE");
    assertThat(rig.sandbox.state().ticket(t.id()).orElseThrow().status()).isNotEqualTo("Resolved");
  }

  @ParameterizedTest
  @EnumSource(value = WriteFault.class, mode = EnumSource.Mode.EXCLUDE, names = {"REFUSED_422", "PASS"})
  void closeStep1_fault_oneCommentStatusResolved_truthTold(WriteFault fault) throws Exception {
    run(fault, 0);
  }

  @ParameterizedTest
  @EnumSource(value = WriteFault.class, mode = EnumSource.Mode.EXCLUDE, names = {"REFUSED_422", "PASS"})
  void closeStep2_fault_oneCommentStatusResolved_truthTold(WriteFault fault) throws Exception {
    run(fault, 1);
  }

  private void run(WriteFault fault, int step) throws Exception {
    SandboxTicket t = ticket();
    String body = "Fault " + fault + " on step " + (step + 1) + ": replaced the switch.";
    SimMessage p = rig.preview(ALICE, "close", t.number(), body);
    rig.sandbox.requestLog().clear();
    if (step == 0) {
      rig.sandbox.faults().nextWrite(fault);
      assertThat(rig.sim.clickButton(ALICE, p, "Confirm").ok()).isTrue();
    } else {
      // Every request waits 300 ms before the sandbox takes a fault, so one set as soon as step 1 is
      // recorded done still meets step 2's request.
      rig.sandbox.faults().latency(Duration.ofMillis(300));
      assertThat(rig.sim.clickButton(ALICE, p, "Confirm").ok()).isTrue();
      rig.awaitStep(t.number(), 0, "DONE");
      rig.sandbox.faults().nextWrite(fault);
    }
    String state = rig.awaitPlanState(t.number(), Duration.ofSeconds(45), "DONE", "NEEDS_DECISION", "FAILED");
    rig.sandbox.faults().latency(Duration.ZERO);
    rig.sandbox.faults().clear();
    List<SandboxComment> comments = rig.sandbox.state().commentsOf(t.id()).stream()
        .filter(c -> c.body().contains(body)).toList();
    String status = rig.sandbox.state().ticket(t.id()).orElseThrow().status();
    // The technician is told how it ended, in the preview message itself (a response_url takes only
    // five messages, so progress updates must leave room for this one).
    String outcome = state.equals("DONE") ? "Done" : "Needs your decision";
    String told = rig.awaitText(p.ts(), outcome);
    System.out.printf("FAULT %s step %d -> plan %s, comments %d, status %s, last shown: %s%n", fault, step + 1, state,
        comments.size(), status, told.lines().findFirst().orElse(""));
    // Never a duplicate; a step that committed is never lost; one refused before commit is not faked.
    boolean stepOneLanded = state.equals("DONE") || step == 1 || fault.commits();
    assertThat(comments).as("resolution comments in Syncro").hasSize(stepOneLanded ? 1 : 0);
    assertThat(told).as("what the technician sees at the end").contains(outcome);
    // Whatever the technician last saw never claims more than happened.
    assertThat(told).doesNotContain("refused by Syncro", "Nothing was sent");
    if (state.equals("DONE")) {
      assertThat(status).isEqualTo("Resolved");
      return;
    }
    // The write never reached Syncro (a drop or 502 before commit): only after the settle window, counted
    // from when the request left, does the bot call it absent and ask; Syncro holds the status unchanged.
    assertThat(fault.commits()).isFalse();
    assertThat(status).isNotEqualTo("Resolved");
    assertThat(told).doesNotContain("Done.").contains("Send it again");
    assertThat(rig.absentAfter(t.number(), step)).as("ms from send to 'absent'")
        .isGreaterThanOrEqualTo(Rig.SETTLE.toMillis());
    // The technician clicks what the bot offers, as a person would: exactly one of each record in the end.
    assertThat(rig.sim.clickButton(ALICE, rig.await(m -> m.ts().equals(p.ts())), "Send it again").ok()).isTrue();
    assertThat(rig.awaitPlanState(t.number(), Duration.ofSeconds(30), "DONE", "FAILED")).isEqualTo("DONE");
    assertThat(rig.sandbox.state().commentsOf(t.id()).stream().filter(c -> c.body().contains(body))).hasSize(1);
    assertThat(rig.sandbox.state().ticket(t.id()).orElseThrow().status()).isEqualTo("Resolved");
    assertThat(rig.awaitText(p.ts(), "Done.")).contains("Done.");
  }
}
