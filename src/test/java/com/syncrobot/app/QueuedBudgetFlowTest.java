package com.syncrobot.app;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.syncrobot.app.WriteFlowHarness.JANE;
import static com.syncrobot.app.WriteFlowHarness.actionTs;
import static com.syncrobot.app.WriteFlowHarness.newPath;
import static com.syncrobot.app.WriteFlowHarness.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.syncrobot.playground.sandbox.RequestLog;
import com.syncrobot.playground.sandbox.SyncroSandbox;
import com.syncrobot.syncro.RequestBudget;
import com.syncrobot.testkit.Clocks;
import com.syncrobot.write.PlanState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.threeten.extra.MutableClock;

/**
 * Work that Syncro's request budget holds back (issue 17): a Confirm pressed while the team uses the whole
 * budget says at once that the change is queued and for about how long, then "Done.", and the change reaches
 * Syncro once; more commands than the work pool holds are all taken and answered while the budget is all
 * that holds them back.
 */
final class QueuedBudgetFlowTest {
  static final int LIMIT = 20;

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
    // A request that must wait blocks until the test lets the minute pass.
    budget = new RequestBudget(LIMIT, budgetClock, d -> {
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
  void confirm_whileTheTeamUsesTheBudget_previewSaysQueuedWithTheWait_thenDone_commentSentOnce() throws Exception {
    WriteFlowHarness.Sent c = bot.command(JANE, "comment 32150");
    assertThat(c.ack().statusCode()).isEqualTo(200);
    JsonNode view = bot.lastOpenedView();
    assertThat(bot.submit(JANE, view, "Update", "Replaced the toner.", "INTERNAL", false, "VQ1").body()).isEmpty();
    String planId = WriteFlowHarness.planId(bot.awaitPost(c.responsePath(), "Details"));
    useTheMinute();
    sandbox.requestLog().clear();

    String click = newPath();
    assertThat(bot.click(JANE, "plan_confirm", planId, click, actionTs()).statusCode()).isEqualTo(200);

    String queued = text(bot.awaitPost(click, "Queued"));
    assertThat(queued).contains("Confirmed", LIMIT + " requests a minute", "about 62 s", "no need to click again");
    assertThat(budgetWaiting.await(10, TimeUnit.SECONDS)).as("the comment waits for the budget").isTrue();
    assertThat(sandbox.requestLog().entries()).as("nothing sent while the budget is used up").isEmpty();

    minutePassed.countDown();
    assertThat(text(bot.awaitPost(click, "Done."))).doesNotContain("Queued");
    bot.awaitState(planId, PlanState.DONE);
    List<RequestLog.Entry> writes = sandbox.requestLog().entries().stream()
        .filter(e -> !e.method().equals("GET")).toList();
    assertThat(writes).singleElement().satisfies(e -> {
      assertThat(e.method()).isEqualTo("POST");
      assertThat(e.path()).endsWith("/comment");
    });
  }

  @Test
  void commentSubmitted_whileTheTeamUsesTheBudget_toldThePreviewIsQueued_thenThePreviewComes() throws Exception {
    WriteFlowHarness.Sent c = bot.command(JANE, "comment 32150");
    JsonNode view = bot.lastOpenedView();
    useTheMinute();

    assertThat(bot.submit(JANE, view, "Update", "Replaced the toner.", "INTERNAL", false, "VQ2").body()).isEmpty();

    assertThat(text(bot.awaitPost(c.responsePath(), "Queued"))).contains(LIMIT + " requests a minute",
        "The preview will appear here by itself in about 62 s");
    assertThat(budgetWaiting.await(10, TimeUnit.SECONDS)).as("the preview's reads wait for the budget").isTrue();
    minutePassed.countDown();
    assertThat(text(bot.awaitPost(c.responsePath(), "Details"))).contains("Confirm");
  }

  @Test
  void moreCommandsThanThePoolHolds_whileOnlyTheBudgetHoldsThemBack_noneRefused_allAnswered() throws Exception {
    useTheMinute();
    // the budget's minutes pass on the test's clock, in moments of real time, where the sandbox counts
    sandbox.knobs().rateLimit(1_000_000);
    // more than the pool's 8 threads and 200 places, which used to answer the rest "busy"
    int n = 220;
    List<WriteFlowHarness.Sent> sent = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      sent.add(bot.command(JANE, "ticket 32150"));
    }

    assertThat(sent.stream().map(c -> c.ack().body()).filter(b -> b.contains("busy") || b.contains("try again")))
        .as("commands refused").isEmpty();
    for (WriteFlowHarness.Sent c : sent) {
      assertThat(c.ack().statusCode()).isEqualTo(200);
      assertThat(c.ack().body()).contains("Queued", LIMIT + " requests a minute");
    }
    minutePassed.countDown();
    for (WriteFlowHarness.Sent c : sent) {
      assertThat(text(bot.awaitPost(c.responsePath(), "32150"))).contains("#32150");
    }
  }

  /** The rest of the team uses what is left of the minute. */
  private void useTheMinute() throws InterruptedException {
    while (budget.expectedWait(RequestBudget.Priority.INTERACTIVE).isZero()) {
      budget.acquire(RequestBudget.Priority.INTERACTIVE);
    }
  }
}
