package com.syncrobot.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncrobot.app.BotConfig;
import com.syncrobot.playground.sandbox.RequestLog;
import com.syncrobot.playground.sandbox.model.SandboxInvoice;
import com.syncrobot.playground.sandbox.model.SandboxLineItem;
import com.syncrobot.playground.sandbox.model.SandboxState;
import com.syncrobot.playground.sandbox.model.SandboxTicket;
import com.syncrobot.playground.slack.SimMessage;
import com.syncrobot.playground.slack.SlackSimulator;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The production bot in a child JVM, killed with SIGKILL in the middle of each step of {@code /syncro bill}
 * (comment → line item → invoice → read the invoice total → status Invoiced), then started again on the
 * same SQLite file and port: every plan completes exactly once (R2), and what Syncro holds afterwards
 * is exactly one comment, one line, one invoice of the preview's total and the status Invoiced.
 *
 * <p>The bot reaches the sandbox through a {@link WireTrap}, which stops the chosen step's request either
 * before Syncro sees it or after Syncro committed it, so the kill lands at a known point: the step is
 * recorded SENDING in the store and its request is in flight. The restarted bot of one case is the bot
 * the next case starts with, so each case costs one JVM start.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
final class KillTest {
  static final String ALICE = "U0ALICE";
  static final Duration START = Duration.ofSeconds(30);
  static final long REMOTE_LABOUR = 1190473;
  static final String[] STEP_NAMES = {"comment", "line item", "invoice", "invoice total read", "status Invoiced"};

  @TempDir
  static Path dir;
  Rig rig;
  WireTrap trap;
  Deque<SandboxTicket> tickets;
  @Nullable
  ChildJvm child;
  int starts;
  final List<ChildJvm> earlier = new ArrayList<>();

  @BeforeAll
  void start() throws Exception {
    rig = new Rig(dir);
    trap = WireTrap.start(rig.sandbox.baseUrl());
    SandboxState s = rig.sandbox.state();
    // Open tickets of customers without prepaid hours, nothing uninvoiced and no invoice yet: the bill
    // of 45 remote minutes then makes exactly one invoice of 112.50.
    tickets = new ArrayDeque<>(s.tickets().stream()
        .filter(t -> !List.of("Resolved", "Invoiced", "Closed").contains(t.status()))
        .filter(t -> s.prepayHours(t.customerId()).map(p -> p.signum() == 0).orElse(true))
        .filter(t -> s.lineItemsOf(t.id()).stream().allMatch(li -> li.invoiceId() != null))
        .filter(t -> s.invoicesOf(t.id()).isEmpty())
        .toList());
  }

  @AfterAll
  void stop() throws Exception {
    if (child != null) {
      child.close();
    }
    if (trap != null) {
      trap.close();
    }
    if (rig != null) {
      rig.close();
    }
  }

  static Stream<Arguments> everyStepAndHold() {
    return IntStream.range(0, STEP_NAMES.length).boxed()
        .flatMap(step -> Stream.of(WireTrap.Hold.REQUEST, WireTrap.Hold.ANSWER)
            .map(h -> Arguments.of(Named.of((step + 1) + " (" + STEP_NAMES[step] + ")", step), h)));
  }

  /**
   * Hold REQUEST: the bot dies with the step recorded SENDING and its request not yet at Syncro; the
   * restarted bot verifies, proves a write absent and asks before sending it again (R2); the technician
   * says "Send it again". Hold ANSWER: Syncro committed the write, the bot died before the answer; the
   * restarted bot verifies, finds the record and goes on without sending it again.
   */
  @ParameterizedTest(name = "killed during step {0}, {1} held")
  @MethodSource("everyStepAndHold")
  void bill_botKilledDuringStep_restartedOnSameStore_planCompletesExactlyOnce_R2(int step, WireTrap.Hold hold)
      throws Exception {
    SandboxTicket t = nextTicket();
    String work = "Kill test " + (step + 1) + " " + hold.name().toLowerCase(Locale.ROOT) + " rebuilt mail profile on "
        + t.number();
    guarded(() -> {
      long began = System.nanoTime();
      ChildJvm first = bot();
      SimMessage preview = billPreview(t, work);
      Predicate<WireTrap.Request> request = stepRequest(step, t);
      trap.arm(request, hold);
      rig.sandbox.requestLog().clear();
      assertThat(rig.sim.clickButton(ALICE, preview, "Confirm").ok()).isTrue();
      WireTrap.Request caught = trap.awaitCaught(Rig.WAIT);
      String stepAtKill = rig.stepState(t.number(), step);
      String planAtKill = rig.planState(t.number());
      int exit = first.kill();
      trap.release();
      // The kill came while the step was recorded as being sent and its request was on the wire.
      assertThat(exit).as("exit status of kill -9").isEqualTo(ChildJvm.SIGKILLED);
      // a write is recorded SENDING before it leaves; the invoice read-back (step 3) is not marked: it writes nothing
      assertThat(stepAtKill).as("step %d in the store at the kill", step).isEqualTo(step == 3 ? "PENDING" : "SENDING");
      assertThat(planAtKill).isEqualTo("EXECUTING");
      assertThat(heldRecordInSyncro(rig, step, t, work)).as("step %d's record in Syncro after the kill", step)
          .isEqualTo(hold == WireTrap.Hold.ANSWER && step != 3);

      restart();
      String after = rig.awaitPlanState(t.number(), Rig.WAIT, "DONE", "NEEDS_DECISION", "FAILED");
      // The read step is simply read again; a write that never arrived is proven absent by reading Syncro.
      boolean provenAbsent = hold == WireTrap.Hold.REQUEST && step != 3;
      boolean asked = after.equals("NEEDS_DECISION");
      if (provenAbsent) {
        assertThat(after).as("a write proven absent waits for the technician (R2)").isEqualTo("NEEDS_DECISION");
        assertThat(rig.stepState(t.number(), step)).isEqualTo("ABSENT");
        SimMessage ask = awaitTold(rig, preview.ts(), m -> m.buttons().contains("Send it again"));
        assertThat(ask.allText()).contains("did not reach Syncro");
        assertThat(rig.sim.clickButton(ALICE, ask, "Send it again").ok()).isTrue();
        after = rig.awaitPlanState(t.number(), Rig.WAIT, "DONE", "FAILED");
      }
      assertThat(after).as("plan state after the restart").isEqualTo("DONE");

      assertBilledExactlyOnce(rig, t, work);
      SimMessage told = awaitTold(rig, preview.ts(), m -> m.allText().contains("Done."));
      assertThat(told.allText()).contains("112.50").doesNotContain("Needs your decision");
      System.out.printf("KILL step %d (%s) %s held: request %s %s, at kill step %s plan %s, exit %d; restarted;"
          + " asked first: %s; plan %s in %d ms%n", step + 1, STEP_NAMES[step], hold, caught.method(), caught.path(),
          stepAtKill, planAtKill, exit, asked, after, (System.nanoTime() - began) / 1_000_000);
    });
  }

  /**
   * Killed after Syncro committed the last write (status Invoiced) and before the bot recorded its answer or told
   * the technician: after the restart the technician still hears how it ended, with the total. (Until issue 17
   * the bot read the ticket back after the last step, and the kill came during that read; the result now comes
   * from the last write's own answer, so no request is left between the last step and the telling.)
   */
  @Test
  void bill_botKilledAfterLastWriteCommittedBeforeTechnicianTold_restart_technicianTold_R2() throws Exception {
    SandboxTicket t = nextTicket();
    String work = "Kill test after the last write rebuilt mail profile on " + t.number();
    guarded(() -> {
      ChildJvm first = bot();
      SimMessage preview = billPreview(t, work);
      String ticketPath = "/tickets/" + t.id();
      trap.arm(r -> r.method().equals("PUT") && r.path().equals(ticketPath), WireTrap.Hold.ANSWER);
      rig.sandbox.requestLog().clear();
      assertThat(rig.sim.clickButton(ALICE, preview, "Confirm").ok()).isTrue();
      trap.awaitCaught(Rig.WAIT);
      String planAtKill = rig.planState(t.number());
      assertThat(first.kill()).isEqualTo(ChildJvm.SIGKILLED);
      trap.release();
      assertThat(planAtKill).isEqualTo("EXECUTING");
      assertThat(rig.text(preview.ts())).doesNotContain("Done.");
      restart();
      assertThat(rig.awaitPlanState(t.number(), Rig.WAIT, "DONE", "NEEDS_DECISION", "FAILED")).isEqualTo("DONE");
      assertBilledExactlyOnce(rig, t, work);
      assertThat(awaitTold(rig, preview.ts(), m -> m.allText().contains("Done.")).allText()).contains("112.50");
    });
  }

  // ---- the flow ----------------------------------------------------------------------------------

  private SandboxTicket nextTicket() {
    SandboxTicket t = tickets.poll();
    if (t == null) {
      throw new AssertionError("the seed has too few open, unbilled tickets of customers without prepaid hours");
    }
    return t;
  }

  /** The bot child, started if there is none (the first case, or after a failed one). */
  private ChildJvm bot() throws Exception {
    if (child == null || !child.alive()) {
      restart();
    }
    return Objects.requireNonNull(child);
  }

  /** Starts a new child on the same store and port; {@code BotServer.start} resumes unfinished plans. */
  private void restart() throws Exception {
    if (child != null) {
      earlier.add(child);
      child.close();
    }
    Map<String, String> env = rig.botEnv();
    env.put(BotConfig.SYNCRO_BASE_URL, trap.baseUrl());
    starts++;
    child = ChildJvm.start(env, rig.botPort, dir.resolve("child-" + starts + ".log"), START);
  }

  /** Runs {@code /syncro bill N}, fills 45 remote minutes and returns the preview with Confirm. */
  private SimMessage billPreview(SandboxTicket t, String work) throws InterruptedException {
    SimMessage p = rig.billPreview(ALICE, t.number(), 45, work);
    assertThat(p.allText()).contains("0.75 × Labor - Remote Business at $150.00 = $112.50");
    return p;
  }

  /** The request that step {@code step} of the bill of {@code t} sends. */
  static Predicate<WireTrap.Request> stepRequest(int step, SandboxTicket t) {
    String ticket = "/tickets/" + t.id();
    return switch (step) {
      case 0 -> r -> r.method().equals("POST") && r.path().equals(ticket + "/comment");
      case 1 -> r -> r.method().equals("POST") && r.path().equals(ticket + "/add_line_item");
      case 2 -> r -> r.method().equals("POST") && r.path().equals("/invoices");
      case 3 -> r -> r.method().equals("GET") && r.path().matches("/invoices/\\d+");
      case 4 -> r -> r.method().equals("PUT") && r.path().equals(ticket);
      default -> throw new IllegalArgumentException("no step " + step);
    };
  }

  /** Whether the record that step {@code step} writes is in Syncro now (the read step writes none). */
  static boolean heldRecordInSyncro(Rig rig, int step, SandboxTicket t, String work) {
    SandboxState s = rig.sandbox.state();
    return switch (step) {
      case 0 -> s.commentsOf(t.id()).stream().anyMatch(c -> c.body().contains(work));
      case 1 -> s.lineItemsOf(t.id()).stream().anyMatch(li -> li.description().contains(work));
      case 2 -> !s.invoicesOf(t.id()).isEmpty();
      case 3 -> false;
      case 4 -> s.ticket(t.id()).orElseThrow().status().equals("Invoiced");
      default -> throw new IllegalArgumentException("no step " + step);
    };
  }

  /** Syncro holds exactly one of each record, and each write reached it exactly once. */
  static void assertBilledExactlyOnce(Rig rig, SandboxTicket t, String work) {
    SandboxState s = rig.sandbox.state();
    assertThat(s.commentsOf(t.id()).stream().filter(c -> c.body().contains(work))).as("comments").hasSize(1);
    List<SandboxLineItem> lines = s.lineItemsOf(t.id()).stream()
        .filter(li -> Long.valueOf(REMOTE_LABOUR).equals(li.productId()) && li.description().contains(work)).toList();
    assertThat(lines).as("line items").singleElement().satisfies(li -> {
      assertThat(li.quantity()).isEqualByComparingTo("0.75");
      assertThat(li.priceRetail()).isEqualByComparingTo("150.00");
    });
    List<SandboxInvoice> invoices = s.invoicesOf(t.id());
    assertThat(invoices).as("invoices").singleElement()
        .satisfies(i -> assertThat(i.total()).isEqualByComparingTo(new BigDecimal("112.50")));
    assertThat(lines.get(0).invoiceId()).isEqualTo(invoices.get(0).id());
    assertThat(s.ticket(t.id()).orElseThrow().status()).isEqualTo("Invoiced");
    String ticket = "/tickets/" + t.id();
    List<String> writes = rig.sandbox.requestLog().entries().stream().filter(e -> !e.method().equals("GET"))
        .map(e -> e.method() + " " + e.path()).toList();
    assertThat(writes).as("writes Syncro received").containsExactlyInAnyOrder("POST " + ticket + "/comment",
        "POST " + ticket + "/add_line_item", "POST /invoices", "PUT " + ticket);
    assertThat(rig.sandbox.requestLog().entries()).extracting(RequestLog.Entry::status).doesNotContain(0);
  }

  /** The message that tells {@link #ALICE} about the plan: the preview (replaced) or, failing that, a DM. */
  static SimMessage awaitTold(Rig rig, String previewTs, Predicate<SimMessage> match) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (true) {
      Optional<SimMessage> found = Stream.concat(
          rig.sim.messages(SlackSimulator.SUPPORT).stream().filter(m -> m.ts().equals(previewTs)),
          rig.sim.messages(rig.sim.dmChannel(ALICE)).stream())
          .filter(match).findFirst();
      if (found.isPresent()) {
        return found.get();
      }
      if (System.nanoTime() > end) {
        throw new AssertionError("the technician was not told; preview now: " + rig.text(previewTs) + "\nDMs: "
            + rig.sim.messages(rig.sim.dmChannel(ALICE)).stream().map(SimMessage::allText).toList());
      }
      Thread.sleep(50);
    }
  }

  private interface Body {
    void run() throws Exception;
  }

  /** Runs a case; on failure prints what the child bots said, then fails. */
  private void guarded(Body body) throws Exception {
    try {
      body.run();
    } catch (Exception | AssertionError e) {
      for (ChildJvm c : earlier.subList(Math.max(0, earlier.size() - 1), earlier.size())) {
        System.out.println("---- previous child bot output ----\n" + c.output());
      }
      if (child != null) {
        System.out.println("---- current child bot output ----\n" + child.output());
      }
      trap.release();
      throw e;
    }
  }
}
