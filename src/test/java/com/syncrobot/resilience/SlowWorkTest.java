package com.syncrobot.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncrobot.app.BotConfig;
import com.syncrobot.playground.sandbox.model.SandboxTicket;
import com.syncrobot.playground.slack.BotAck;
import com.syncrobot.playground.slack.SimMessage;
import com.syncrobot.playground.slack.SlackSimulator;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slow work never delays a click: with the language model holding more drafts than the bot has threads for
 * clicks, Confirm and Cancel on other previews still run; and a technician's second {@code digest now}
 * while the first is being made is refused with a message instead of making another.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
final class SlowWorkTest {
  static final String ALICE = "U0ALICE";
  static final String BOB = "U0BOB";
  /** More drafts than the threads that used to serve clicks as well (8). */
  static final int HELD_DRAFTS = 10;

  @TempDir
  static Path dir;
  Rig rig;
  HeldModel model;
  WireTrap trap;

  @BeforeAll
  void start() throws Exception {
    rig = new Rig(dir);
    model = HeldModel.start();
    trap = WireTrap.start(rig.sandbox.baseUrl());
    rig.startBot(Map.of(BotConfig.OLLAMA_URLS, model.url(), BotConfig.SYNCRO_BASE_URL, trap.baseUrl()));
  }

  @AfterAll
  void stop() {
    if (rig != null) {
      rig.close();
    }
    if (model != null) {
      model.close();
    }
    if (trap != null) {
      trap.close();
    }
  }

  @Test
  void confirmAndCancel_whileTheModelHoldsMoreDraftsThanThereAreThreads_stillRun() throws Exception {
    SandboxTicket confirmed = rig.openTicket(0);
    SandboxTicket cancelled = rig.openTicket(1);
    SandboxTicket drafted = rig.openTicket(2);
    SimMessage toConfirm = rig.preview(ALICE, "comment", confirmed.number(), "Swapped the fuser while drafts wait");
    SimMessage toCancel = rig.preview(ALICE, "comment", cancelled.number(), "Reseated the cable while drafts wait");

    for (int i = 0; i < HELD_DRAFTS; i++) {
      assertThat(rig.sim.runSlashCommand(BOB, SlackSimulator.SUPPORT, "/syncro comment " + drafted.number()).ok())
          .isTrue();
      assertThat(rig.sim.awaitModal(BOB, m -> true, Rig.WAIT)).as("no comment modal").isPresent();
      BotAck submitted = rig.sim.submitModal(BOB, Map.of("subject", "Update", "body", "notes " + i,
          "draft", List.of("draft")));
      assertThat(submitted.ok()).as("draft %d acked: %s", i, submitted).isTrue();
    }
    model.awaitChats(1, Rig.WAIT);

    assertThat(rig.sim.clickButton(ALICE, toConfirm, "Confirm").ok()).isTrue();
    assertThat(rig.sim.clickButton(ALICE, toCancel, "Cancel").ok()).isTrue();
    assertThat(rig.awaitPlanState(confirmed.number(), Rig.WAIT, "DONE", "FAILED", "NEEDS_DECISION"))
        .isEqualTo("DONE");
    assertThat(rig.awaitPlanState(cancelled.number(), Rig.WAIT, "CANCELLED")).isEqualTo("CANCELLED");
    assertThat(rig.sandbox.state().commentsOf(confirmed.id()).stream()
        .filter(c -> c.body().contains("Swapped the fuser while drafts wait"))).hasSize(1);
    // The drafts were held all along: the clicks did not wait for them.
    assertThat(model.chats()).isBetween(1, HELD_DRAFTS);

    model.release();
    long end = System.nanoTime() + Rig.WAIT.toNanos();
    while (drafts() < HELD_DRAFTS && System.nanoTime() < end) {
      Thread.sleep(50);
    }
    assertThat(drafts()).as("every held draft became a preview once the model answered").isEqualTo(HELD_DRAFTS);
  }

  private long drafts() {
    return rig.sim.messages(SlackSimulator.SUPPORT).stream()
        .filter(m -> m.visibleTo(BOB) && m.allText().contains("Drafted by the held model.")).count();
  }

  @Test
  void digestNow_twiceWhileTheFirstIsBeingMade_secondIsRefused_otherTechniciansAreNot() throws Exception {
    trap.arm(r -> r.method().equals("GET") && r.path().equals("/tickets"), WireTrap.Hold.REQUEST);
    int before = replies(ALICE).size();
    assertThat(rig.sim.runSlashCommand(ALICE, SlackSimulator.SUPPORT, "/syncro digest now").ok()).isTrue();
    trap.awaitCaught(Rig.WAIT);

    BotAck second = rig.sim.runSlashCommand(ALICE, SlackSimulator.SUPPORT, "/syncro digest now");
    assertThat(second.ok()).isTrue();
    assertThat(second.body()).contains("still being made", "Run `/syncro digest now` again after that");
    BotAck bobs = rig.sim.runSlashCommand(BOB, SlackSimulator.SUPPORT, "/syncro digest now");
    assertThat(bobs.ok()).isTrue();
    assertThat(bobs.body()).doesNotContain("still being made");

    trap.release();
    long end = System.nanoTime() + Rig.WAIT.toNanos();
    while (replies(ALICE).size() <= before && System.nanoTime() < end) {
      Thread.sleep(50);
    }
    assertThat(replies(ALICE)).as("the first digest now answered").hasSizeGreaterThan(before);
    BotAck third = rig.sim.runSlashCommand(ALICE, SlackSimulator.SUPPORT, "/syncro digest now");
    assertThat(third.ok()).isTrue();
    assertThat(third.body()).doesNotContain("still being made");
  }

  /** The answers to {@code user}'s digest commands so far (posted, or why not), without the refusals. */
  private List<String> replies(String user) {
    return rig.sim.messages(SlackSimulator.SUPPORT).stream()
        .filter(m -> m.isEphemeral() && m.visibleTo(user))
        .map(SimMessage::allText)
        .filter(t -> (t.contains("the digest") || t.contains("No digest was posted")) && !t.contains("still being"))
        .toList();
  }
}
