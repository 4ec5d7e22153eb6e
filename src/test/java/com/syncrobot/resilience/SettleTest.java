package com.syncrobot.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncrobot.playground.sandbox.WriteFault;
import com.syncrobot.playground.sandbox.model.SandboxTicket;
import com.syncrobot.playground.slack.SimMessage;
import java.nio.file.Path;
import java.util.Deque;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write whose answer was lost is never called absent while Syncro may still be working on it: the bot
 * keeps checking, sending nothing, until the settle window has passed since the request left; "Send it
 * again" looks once more before it sends; and a plan sends only with the token of the Syncro user its
 * preview named. Through the real bot, the Syncro sandbox and the Slack simulator ({@code /syncro close}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(90)
final class SettleTest {
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
  }

  @AfterEach
  void clearFaults() {
    rig.sandbox.faults().clear();
    rig.sandbox.faults().commitDelay(Rig.COMMIT_DELAY);
  }

  @AfterAll
  void stop() {
    if (rig != null) {
      rig.close();
    }
  }

  @Test
  void commentNeverArrives_stillCheckingUntilTheSettleWindow_thenOneClickSendsExactlyOne() throws Exception {
    SandboxTicket t = tickets.pop();
    String body = "Never arrived: reseated the network card.";
    SimMessage p = rig.preview(ALICE, "close", t.number(), body);
    rig.sandbox.faults().nextWrite(WriteFault.DROP_BEFORE_COMMIT);
    assertThat(rig.sim.clickButton(ALICE, p, "Confirm").ok()).isTrue();

    assertThat(rig.awaitPlanState(t.number(), Rig.WAIT, "WAITING", "NEEDS_DECISION", "DONE", "FAILED"))
        .isEqualTo("WAITING");
    String meanwhile = rig.awaitText(p.ts(), "still checking");
    System.out.println("SETTLE shown while checking: " + meanwhile);
    assertThat(meanwhile).contains("still checking", "looks again in about").doesNotContain("Send it again");

    assertThat(rig.awaitPlanState(t.number(), Rig.WAIT, "NEEDS_DECISION", "DONE", "FAILED"))
        .isEqualTo("NEEDS_DECISION");
    assertThat(rig.absentAfter(t.number(), 0)).isGreaterThanOrEqualTo(Rig.SETTLE.toMillis());
    assertThat(rig.sandbox.state().commentsOf(t.id()).stream().filter(c -> c.body().contains(body))).isEmpty();
    assertThat(rig.awaitText(p.ts(), "Send it again")).contains("Send it again");

    assertThat(rig.sim.clickButton(ALICE, rig.await(m -> m.ts().equals(p.ts())), "Send it again").ok()).isTrue();
    assertThat(rig.awaitPlanState(t.number(), Rig.WAIT, "DONE", "FAILED")).isEqualTo("DONE");
    assertThat(rig.sandbox.state().commentsOf(t.id()).stream().filter(c -> c.body().contains(body))).hasSize(1);
    assertThat(rig.sandbox.state().ticket(t.id()).orElseThrow().status()).isEqualTo("Resolved");
  }

  @Test
  void commentLandsAfterTheSettleWindow_sendItAgainLooksFirst_findsIt_sendsNothing() throws Exception {
    SandboxTicket t = tickets.pop();
    String body = "Landed very late: replaced the power supply.";
    SimMessage p = rig.preview(ALICE, "close", t.number(), body);
    // A proxy answers 504 at once; Syncro commits the comment only after the bot has called it absent.
    rig.sandbox.faults().commitDelay(Rig.SETTLE.plusSeconds(3));
    rig.sandbox.faults().nextWrite(WriteFault.GATEWAY_TIMEOUT_THEN_COMMIT);
    rig.sandbox.requestLog().clear();
    assertThat(rig.sim.clickButton(ALICE, p, "Confirm").ok()).isTrue();
    assertThat(rig.awaitPlanState(t.number(), Rig.WAIT, "NEEDS_DECISION", "DONE", "FAILED"))
        .isEqualTo("NEEDS_DECISION");
    assertThat(rig.awaitText(p.ts(), "Send it again")).contains("Send it again");
    long end = System.nanoTime() + Rig.WAIT.toNanos();
    while (rig.sandbox.state().commentsOf(t.id()).stream().noneMatch(c -> c.body().contains(body))) {
      assertThat(System.nanoTime()).as("the late comment landed").isLessThan(end);
      Thread.sleep(20);
    }

    assertThat(rig.sim.clickButton(ALICE, rig.await(m -> m.ts().equals(p.ts())), "Send it again").ok()).isTrue();
    assertThat(rig.awaitPlanState(t.number(), Rig.WAIT, "DONE", "FAILED")).isEqualTo("DONE");
    assertThat(rig.sandbox.state().commentsOf(t.id()).stream().filter(c -> c.body().contains(body))).hasSize(1);
    assertThat(rig.sandbox.requestLog().entries().stream()
        .filter(e -> e.method().equals("POST") && e.path().endsWith("/comment"))).as("comment POSTs").hasSize(1);
    assertThat(rig.sandbox.state().ticket(t.id()).orElseThrow().status()).isEqualTo("Resolved");
    assertThat(rig.awaitText(p.ts(), "Done.")).contains("Done.");
  }

  @Test
  void reconnectedAsAnotherSyncroUser_betweenPreviewAndConfirm_nothingSent_toldWhy() throws Exception {
    SandboxTicket t = tickets.pop();
    String body = "Other token: cleaned the fans.";
    SimMessage p = rig.preview(ALICE, "close", t.number(), body);
    long previewed = rig.botRig.techOf.get(ALICE);
    long other = rig.sandbox.seedTokens().keySet().stream().filter(id -> id != previewed).findFirst().orElseThrow();
    rig.botRig.reconnect(ALICE, other);
    try {
      rig.sandbox.requestLog().clear();
      assertThat(rig.sim.clickButton(ALICE, p, "Confirm").ok()).isTrue();
      assertThat(rig.awaitPlanState(t.number(), Rig.WAIT, "FAILED", "DONE", "NEEDS_DECISION")).isEqualTo("FAILED");
      String told = rig.awaitText(p.ts(), "Run the command again");
      System.out.println("OTHER USER shown: " + told);
      assertThat(told).contains("belongs to someone else", "Run the command again");
      assertThat(rig.sandbox.requestLog().entries().stream().filter(e -> !e.method().equals("GET"))).isEmpty();
      assertThat(rig.sandbox.state().commentsOf(t.id()).stream().filter(c -> c.body().contains(body))).isEmpty();
      assertThat(rig.sandbox.state().ticket(t.id()).orElseThrow().status()).isNotEqualTo("Resolved");
    } finally {
      rig.botRig.reconnect(ALICE, previewed);
    }
  }
}
