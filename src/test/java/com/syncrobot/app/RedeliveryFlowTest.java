package com.syncrobot.app;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.syncrobot.app.WriteFlowHarness.COMMENT;
import static com.syncrobot.app.WriteFlowHarness.JANE;
import static com.syncrobot.app.WriteFlowHarness.actionTs;
import static com.syncrobot.app.WriteFlowHarness.newPath;
import static org.assertj.core.api.Assertions.assertThat;

import com.syncrobot.write.PlanState;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A click's ack never waits for the store's writer (issue 17), and a redelivered click is still recognised (R2):
 * while another connection holds SQLite's write lock, and after a restart.
 */
final class RedeliveryFlowTest {
  @RegisterExtension
  static final WriteFlowHarness bot = WriteFlowHarness.builder().syncroOnWireMock().connect(JANE, "Jane Tech").build();

  @BeforeEach
  void start() {
    bot.ticketExists("In Progress");
    bot.commentPostCreates(560);
  }

  @AfterEach
  void stop() {
    bot.close();
  }

  /** Holds SQLite's write lock on the bot's store from a connection of the test's own until closed. */
  private static final class HeldWriter implements AutoCloseable {
    private final Connection c;
    private final Statement st;

    HeldWriter() throws Exception {
      c = DriverManager.getConnection("jdbc:sqlite:" + bot.dbFile);
      st = c.createStatement();
      st.execute("BEGIN IMMEDIATE");
      st.execute("DELETE FROM slack_deliveries WHERE delivery_key = 'none'");
    }

    @Override
    public void close() throws Exception {
      st.execute("ROLLBACK");
      st.close();
      c.close();
    }
  }

  /** Sends the click on another thread and returns its ack, waiting at most 20 s. */
  private static HttpResponse<String> ackOf(String planId, String path, String ts) throws Exception {
    return CompletableFuture.supplyAsync(() -> bot.click(JANE, "plan_confirm", planId, path, ts))
        .get(20, TimeUnit.SECONDS);
  }

  @Test
  void redeliveredClick_whileAnotherConnectionHoldsTheWriteLock_ackedAndIgnoredBeforeItIsReleased_R2()
      throws Exception {
    WriteFlowHarness.Preview p = bot.preview("comment", "Update", "Held store", "INTERNAL");
    String path = newPath();
    String ts = actionTs();
    bot.click(JANE, "plan_confirm", p.planId(), path, ts);
    bot.awaitState(p.planId(), PlanState.DONE);
    bot.awaitPost(path, "Done.");
    int before = bot.posts(path).size();

    HttpResponse<String> redelivered;
    HttpResponse<String> fresh;
    String other = newPath();
    try (HeldWriter held = new HeldWriter()) {
      // Both acks arrive while the lock is still held: neither waited for the writer.
      redelivered = ackOf(p.planId(), path, ts);
      fresh = ackOf(p.planId(), other, actionTs());
    }
    assertThat(redelivered.statusCode()).isEqualTo(200);
    assertThat(fresh.statusCode()).isEqualTo(200);
    // The click with new ids is answered; the redelivery is not.
    bot.awaitPost(other, "already finished");
    assertThat(bot.posts(path)).hasSize(before);
    assertThat(bot.count(postRequestedFor(urlPathEqualTo(COMMENT)))).isEqualTo(1);
  }

  @Test
  void confirm_whileAnotherConnectionHoldsTheWriteLock_ackedBeforeItIsReleased_thenRunsOnce() throws Exception {
    WriteFlowHarness.Preview p = bot.preview("comment", "Update", "Confirmed while held", "INTERNAL");
    String path = newPath();
    String ts = actionTs();
    HttpResponse<String> ack;
    HttpResponse<String> again;
    try (HeldWriter held = new HeldWriter()) {
      ack = ackOf(p.planId(), path, ts);
      again = ackOf(p.planId(), path, ts);
    }
    assertThat(ack.statusCode()).isEqualTo(200);
    assertThat(again.statusCode()).isEqualTo(200);
    bot.awaitState(p.planId(), PlanState.DONE);
    bot.awaitPost(path, "Done.");
    assertThat(bot.count(postRequestedFor(urlPathEqualTo(COMMENT)))).isEqualTo(1);
  }

  @Test
  void redeliveredClick_afterARestart_isIgnored_R2() throws Exception {
    WriteFlowHarness.Preview p = bot.preview("comment", "Update", "Across a restart", "INTERNAL");
    String path = newPath();
    String ts = actionTs();
    bot.click(JANE, "plan_confirm", p.planId(), path, ts);
    bot.awaitState(p.planId(), PlanState.DONE);
    bot.awaitPost(path, "Done.");
    int before = bot.posts(path).size();

    bot.stop();
    bot.start();

    assertThat(bot.click(JANE, "plan_confirm", p.planId(), path, ts).statusCode()).isEqualTo(200);
    String other = newPath();
    bot.click(JANE, "plan_confirm", p.planId(), other, actionTs());
    bot.awaitPost(other, "already finished");
    assertThat(bot.posts(path)).hasSize(before);
  }
}
