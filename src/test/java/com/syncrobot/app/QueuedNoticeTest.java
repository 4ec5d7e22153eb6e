package com.syncrobot.app;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.syncrobot.app.WriteFlowHarness.JANE;
import static com.syncrobot.app.WriteFlowHarness.readable;
import static com.syncrobot.app.WriteFlowHarness.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.syncrobot.playground.sandbox.SyncroSandbox;
import com.syncrobot.syncro.RequestBudget;
import com.syncrobot.testkit.Clocks;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.threeten.extra.MutableClock;

/**
 * A command that Syncro's shared request budget holds back is acked at once with "Queued … about N s",
 * and its answer still comes, by itself, once the budget has room (issue 8: every command completes or
 * is told it is queued); a form's dialog says the same while it loads (issue 17).
 */
final class QueuedNoticeTest {
  @RegisterExtension
  static WireMockExtension slack = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir
  Path dir;

  SyncroSandbox sandbox;
  WriteFlowHarness bot;
  final MutableClock budgetClock = Clocks.now();
  final CountDownLatch budgetWaiting = new CountDownLatch(1);
  final CountDownLatch minutePassed = new CountDownLatch(1);
  RequestBudget budget;

  @BeforeEach
  void start() throws Exception {
    // Two requests a minute; a request that must wait blocks until the test lets the minute pass.
    budget = new RequestBudget(2, budgetClock, d -> {
      budgetWaiting.countDown();
      if (!minutePassed.await(20, TimeUnit.SECONDS)) {
        throw new InterruptedException("the test never let the minute pass");
      }
      budgetClock.add(d);
    });
    bot = WriteFlowHarness.builder(slack).sandbox().budget(budget).start(dir);
    sandbox = bot.sandbox();
    bot.connectToSandbox(JANE, 1735, "Dana Tech");
  }

  @AfterEach
  void stop() {
    minutePassed.countDown();
    bot.close();
  }

  @Test
  void ticket_whileTheTeamUsedTheBudget_ackSaysQueuedWithTheWait_thenTheAnswerComesByItself() throws Exception {
    budget.acquire(RequestBudget.Priority.INTERACTIVE); // the rest of the team used the minute's requests
    budgetClock.add(Duration.ofSeconds(15));
    budget.acquire(RequestBudget.Priority.INTERACTIVE);

    WriteFlowHarness.Sent c = bot.command(JANE, "ticket 32150");

    assertThat(c.ack().statusCode()).isEqualTo(200);
    // the budget's configured limit, not Syncro's usual 180
    assertThat(c.ack().body()).contains("Queued", "2 requests a minute", "about 47 s",
        "no need to run the command again");
    assertThat(budgetWaiting.await(10, TimeUnit.SECONDS)).as("the read waits for the budget").isTrue();
    assertThat(sandbox.requestLog().entries()).as("nothing sent while the budget is used up").isEmpty();

    minutePassed.countDown();
    assertThat(text(bot.awaitPost(c.responsePath(), "32150"))).contains("#32150");
  }

  @Test
  void bill_whileTheTeamUsedTheBudget_dialogSaysQueuedWithTheWait_thenTheFormFillsIn() throws Exception {
    useTheMinute();

    WriteFlowHarness.Sent c = bot.command(JANE, "bill 32150");

    assertThat(c.ack().statusCode()).isEqualTo(200);
    assertThat(c.ack().body()).isEmpty();
    String loading = readable(bot.lastOpenedView());
    assertThat(loading).contains("Loading ticket #32150", "Queued", "2 requests a minute", "about 47 s",
        "keep this dialog open");
    assertThat(budgetWaiting.await(10, TimeUnit.SECONDS)).as("the form's reads wait for the budget").isTrue();
    assertThat(sandbox.requestLog().entries()).as("nothing sent while the budget is used up").isEmpty();

    minutePassed.countDown();
    JsonNode form = new BillStubs(bot).lastUpdatedView();
    assertThat(form.path("callback_id").asText()).isEqualTo("syncro_bill");
    assertThat(form.path("submit").path("text").asText()).isEqualTo("Preview");
  }

  @Test
  void create_whileTheTeamUsedTheBudget_dialogSaysQueuedWithTheWait_thenTheFormFillsIn() throws Exception {
    useTheMinute();

    WriteFlowHarness.Sent c = bot.command(JANE, "create");

    assertThat(c.ack().statusCode()).isEqualTo(200);
    assertThat(c.ack().body()).isEmpty();
    assertThat(readable(bot.lastOpenedView())).contains("Loading the account's issue types", "Queued",
        "2 requests a minute", "about 47 s");
    assertThat(budgetWaiting.await(10, TimeUnit.SECONDS)).as("the form's reads wait for the budget").isTrue();
    assertThat(sandbox.requestLog().entries()).as("nothing sent while the budget is used up").isEmpty();

    minutePassed.countDown();
    JsonNode form = new BillStubs(bot).lastUpdatedView();
    assertThat(form.path("callback_id").asText()).isEqualTo("syncro_create");
    assertThat(readable(form)).contains("Everything for the new ticket in one pass");
  }

  /** The rest of the team used the minute's two requests, the last 15 s ago: a new one waits 47 s. */
  private void useTheMinute() throws InterruptedException {
    budget.acquire(RequestBudget.Priority.INTERACTIVE);
    budgetClock.add(Duration.ofSeconds(15));
    budget.acquire(RequestBudget.Priority.INTERACTIVE);
  }

  @Test
  void ticket_withRoomInTheBudget_plainAck() throws Exception {
    WriteFlowHarness.Sent c = bot.command(JANE, "ticket 32150");

    assertThat(c.ack().statusCode()).isEqualTo(200);
    assertThat(c.ack().body()).doesNotContain("Queued");
    assertThat(text(bot.awaitPost(c.responsePath(), "32150"))).contains("#32150");
  }
}
