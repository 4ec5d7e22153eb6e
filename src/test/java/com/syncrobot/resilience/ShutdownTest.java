package com.syncrobot.resilience;

import static com.syncrobot.resilience.KillTest.ALICE;
import static com.syncrobot.resilience.KillTest.assertBilledExactlyOnce;
import static com.syncrobot.resilience.KillTest.awaitTold;
import static com.syncrobot.resilience.KillTest.heldRecordInSyncro;
import static com.syncrobot.resilience.KillTest.stepRequest;
import static org.assertj.core.api.Assertions.assertThat;

import com.syncrobot.app.BotConfig;
import com.syncrobot.playground.sandbox.model.SandboxTicket;
import com.syncrobot.playground.slack.SimMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production bot ({@code serve}, with its shutdown hook) in a child JVM, stopped as {@code docker stop}
 * stops it: SIGTERM, and SIGKILL if it is still running {@link ChildJvm#DOCKER_STOP_TIMEOUT} later. Whatever
 * it is doing, it ends on its own before that kill (exit status 143, 128 + SIGTERM): idle, with a write whose
 * answer comes late (the answer is recorded and the rest of the plan is left for the next start), and with a
 * write whose answer never comes (it is left "maybe sent", and the next start checks Syncro before anything
 * else). After the restart each bill completes exactly once and the technician is told.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
final class ShutdownTest {
  static final Duration START = Duration.ofSeconds(30);
  /** The line item (step 2 of a bill: comment, line item, invoice, invoice total read, status). */
  static final int LINE_ITEM = 1;

  @TempDir
  static Path dir;
  Rig rig;
  WireTrap trap;
  @Nullable
  ChildJvm child;
  int starts;

  @BeforeAll
  void start() throws Exception {
    rig = new Rig(dir);
    trap = WireTrap.start(rig.sandbox.baseUrl());
  }

  @AfterEach
  void stopChild() throws Exception {
    trap.release();
    if (child != null) {
      child.close();
      child = null;
    }
  }

  @AfterAll
  void stop() throws Exception {
    if (trap != null) {
      trap.close();
    }
    if (rig != null) {
      rig.close();
    }
  }

  @Test
  void idle_sigterm_exitsOnItsOwnBeforeDockersKill() throws Exception {
    ChildJvm bot = startBot();
    ChildJvm.Stopped stopped = bot.terminate(ChildJvm.DOCKER_STOP_TIMEOUT);
    System.out.printf("SHUTDOWN idle: exit %d after %d ms%n", stopped.exit(), stopped.took().toMillis());
    assertExitedOnItsOwn(bot, stopped);
  }

  /**
   * Syncro takes a while to answer the line item, and SIGTERM comes while it is on the wire: the answer is
   * waited for and recorded, nothing more is sent, the plan is left for the next start, and the technician's
   * message says it goes on after the restart. The restarted bot sends the rest, once.
   */
  @Test
  void bill_sigtermWhileStepAwaitsSlowAnswer_answerRecorded_restSentAfterRestart_exactlyOnce() throws Exception {
    SandboxTicket t = rig.newBillableTicket("Shutdown slow answer");
    String work = "Shutdown test slow answer rebuilt mail profile on " + t.number();
    ChildJvm bot = startBot();
    SimMessage preview = rig.billPreview(ALICE, t.number(), 45, work);
    trap.arm(stepRequest(LINE_ITEM, t), WireTrap.Hold.ANSWER);
    rig.sandbox.requestLog().clear();
    assertThat(rig.sim.clickButton(ALICE, preview, "Confirm").ok()).isTrue();
    trap.awaitCaught(Rig.WAIT);
    // Syncro committed the line and answers once the bot has begun to stop.
    Thread answer = new Thread(() -> {
      awaitOutput(bot, "Taking no new work");
      trap.deliver();
    });
    answer.start();
    ChildJvm.Stopped stopped = bot.terminate(ChildJvm.DOCKER_STOP_TIMEOUT);
    answer.join();
    System.out.printf("SHUTDOWN mid-plan, slow answer: exit %d after %d ms%n", stopped.exit(),
        stopped.took().toMillis());
    assertExitedOnItsOwn(bot, stopped);
    assertThat(rig.stepState(t.number(), LINE_ITEM)).as("the line item's answer is recorded").isEqualTo("DONE");
    assertThat(rig.stepState(t.number(), LINE_ITEM + 1)).as("nothing sent after SIGTERM").isEqualTo("PENDING");
    assertThat(rig.planState(t.number())).as("left for the next start").isEqualTo("WAITING");
    assertThat(rig.text(preview.ts())).contains("The bot is restarting. It goes on with the remaining steps");

    startBot();
    assertThat(rig.awaitPlanState(t.number(), Rig.WAIT, "DONE", "NEEDS_DECISION", "FAILED")).isEqualTo("DONE");
    assertBilledExactlyOnce(rig, t, work);
    assertThat(awaitTold(rig, preview.ts(), m -> m.allText().contains("Done.")).allText()).contains("112.50");
  }

  /**
   * SIGTERM while the line item is on the wire and Syncro never answers (it commits the line, then hangs for
   * longer than the bot may take to stop): the bot ends on its own anyway, the step stays recorded as maybe
   * sent, and the restarted bot finds the line in Syncro before sending anything, then finishes the bill once.
   */
  @Test
  void bill_sigtermWhileStepHangsPastTheStopTimeout_exitsInTime_stepMaybeSent_restartFindsIt_exactlyOnce()
      throws Exception {
    SandboxTicket t = rig.newBillableTicket("Shutdown hung answer");
    String work = "Shutdown test hung answer rebuilt mail profile on " + t.number();
    ChildJvm bot = startBot();
    SimMessage preview = rig.billPreview(ALICE, t.number(), 45, work);
    trap.arm(stepRequest(LINE_ITEM, t), WireTrap.Hold.ANSWER);
    rig.sandbox.requestLog().clear();
    assertThat(rig.sim.clickButton(ALICE, preview, "Confirm").ok()).isTrue();
    trap.awaitCaught(Rig.WAIT);
    ChildJvm.Stopped stopped = bot.terminate(ChildJvm.DOCKER_STOP_TIMEOUT);
    trap.release();
    System.out.printf("SHUTDOWN mid-plan, hung answer: exit %d after %d ms%n", stopped.exit(),
        stopped.took().toMillis());
    assertExitedOnItsOwn(bot, stopped);
    assertThat(rig.stepState(t.number(), LINE_ITEM)).as("maybe sent").isIn("SENDING", "UNKNOWN");
    assertThat(heldRecordInSyncro(rig, LINE_ITEM, t, work)).isTrue();
    assertThat(rig.planState(t.number())).as("left for the next start").isEqualTo("WAITING");
    assertThat(rig.text(preview.ts())).contains("The bot is restarting. It goes on with the remaining steps",
        "first checking in Syncro whether the step it was sending arrived");

    startBot();
    assertThat(rig.awaitPlanState(t.number(), Rig.WAIT, "DONE", "NEEDS_DECISION", "FAILED")).isEqualTo("DONE");
    assertBilledExactlyOnce(rig, t, work);
    assertThat(awaitTold(rig, preview.ts(), m -> m.allText().contains("Done.")).allText()).contains("112.50");
  }

  // ---- helpers ------------------------------------------------------------------------------------

  /** A new child bot on the rig's store and port, reaching Syncro through the trap. */
  private ChildJvm startBot() throws Exception {
    if (child != null) {
      child.close();
    }
    Map<String, String> env = rig.botEnv();
    env.put(BotConfig.SYNCRO_BASE_URL, trap.baseUrl());
    starts++;
    child = ChildJvm.start(env, rig.botPort, dir.resolve("child-" + starts + ".log"), START);
    return Objects.requireNonNull(child);
  }

  /** It ended by itself after SIGTERM, with the JVM's status for it, before Docker would have killed it. */
  private static void assertExitedOnItsOwn(ChildJvm bot, ChildJvm.Stopped stopped) {
    assertThat(stopped.killed()).as("still running %s after SIGTERM, so Docker would kill it; it said:%n%s",
        ChildJvm.DOCKER_STOP_TIMEOUT, bot.output()).isFalse();
    assertThat(stopped.exit()).as("exit status after SIGTERM; it said:%n%s", bot.output())
        .isEqualTo(ChildJvm.SIGTERMED);
    assertThat(bot.output()).contains("Stopped");
  }

  /** Waits (up to {@link Rig#WAIT}) until the child has printed {@code text}. */
  private static void awaitOutput(ChildJvm bot, String text) {
    long end = System.nanoTime() + Rig.WAIT.toNanos();
    while (!bot.output().contains(text) && System.nanoTime() < end) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
