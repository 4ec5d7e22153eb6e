package com.syncrobot.app;

import static com.syncrobot.playground.slack.SlackSimulator.SUPPORT;
import static org.assertj.core.api.Assertions.assertThat;

import com.syncrobot.playground.sandbox.RequestLog;
import com.syncrobot.playground.slack.BotAck;
import com.syncrobot.store.Database;
import com.syncrobot.store.StoreRequestLedger;
import com.syncrobot.syncro.RequestBudget;
import com.syncrobot.testkit.BotRig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real bot spends the Syncro request budget of its egress kept in its store (issue 15): requests another
 * process on the same store and egress made count against it, a technician is told the answer is queued,
 * and nothing reaches Syncro before those requests leave the window.
 */
final class SharedBudgetFlowTest {
  static final String ALICE = "U0ALICE";
  static final String EGRESS = "office-nat";
  static final int LIMIT = 5;

  @TempDir
  Path dir;

  BotRig rig;

  @AfterEach
  void tearDown() {
    if (rig != null) {
      rig.close();
    }
  }

  @Test
  void requestsOfAnotherProcessOnTheEgress_holdTheCommandBack_technicianToldItIsQueued() throws Exception {
    rig = BotRig.builder().requestsPerMinute(LIMIT).env(BotConfig.EGRESS, EGRESS).start(dir);
    rig.startBot(Map.of());
    long number = rig.sandbox.state().tickets().get(0).number();
    // Another replica behind the same address used the whole minute's budget 50 s ago.
    Instant usedAt;
    try (Database replica = Database.open(rig.dbUrl())) {
      RequestBudget other = new RequestBudget(LIMIT, new StoreRequestLedger(replica, EGRESS),
          Clock.offset(Clock.systemUTC(), Duration.ofSeconds(-50)), d -> {
            throw new AssertionError("the other replica waited " + d);
          });
      usedAt = other.acquire(RequestBudget.Priority.INTERACTIVE);
      for (int i = 1; i < LIMIT; i++) {
        other.acquire(RequestBudget.Priority.INTERACTIVE);
      }
    }

    BotAck ack = rig.sim.runSlashCommand(ALICE, SUPPORT, "/syncro ticket " + number);

    assertThat(ack.ok()).as(ack.body()).isTrue();
    assertThat(ack.body()).contains("Queued", "no need to run the command again");
    String answer = rig.sim.awaitMessage(SUPPORT, m -> m.fromBot() && ALICE.equals(m.ephemeralTo())
        && m.allText().contains("#" + number), Duration.ofSeconds(60))
        .orElseThrow(() -> new AssertionError("no answer")).allText();
    assertThat(answer).contains("#" + number);
    List<RequestLog.Entry> sent = rig.sandbox.requestLog().entries();
    assertThat(sent).isNotEmpty();
    assertThat(sent.get(0).time()).as("the first request reached Syncro after the other's left the window")
        .isAfterOrEqualTo(usedAt.plus(RequestBudget.WINDOW));
    rig.stopBot();
    try (Database db = Database.open(rig.dbUrl())) {
      List<String> egresses = db.jdbi().withHandle(h -> h.createQuery("SELECT egress FROM syncro_permits")
          .mapTo(String.class).list());
      assertThat(egresses).hasSizeGreaterThanOrEqualTo(LIMIT + sent.size()).containsOnly(EGRESS);
    }
  }
}
