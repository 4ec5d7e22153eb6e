package com.syncrobot.slack.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.syncrobot.syncro.SyncroWrite;
import com.syncrobot.syncro.TicketId;
import com.syncrobot.write.Check;
import com.syncrobot.write.Plan;
import com.syncrobot.write.PlanListener;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Plan changes are told off the runner's thread: in order and one at a time per plan, other plans meanwhile. */
final class OrderedNoticesTest {
  private static Plan plan(String id, String title) {
    return Plan.builder().id(id).kind("close").owner("U0OWNER", 1735, "Dana Tech").channel("C0CHAN").title(title)
        .step("Set status Resolved",
            new SyncroWrite("PUT", "/tickets/7", JsonNodeFactory.instance.objectNode().put("status", "Resolved"),
                "/ticket/id"),
            Check.TicketFieldsAre.status(new TicketId(7), "Resolved"))
        .build(Instant.parse("2026-12-06T12:00:00Z"), Duration.ofMinutes(30));
  }

  @Test
  void onePlansChanges_areToldInOrderOneAtATime_whileTheRunnerGoesOn_andOtherPlansAreToldMeanwhile()
      throws InterruptedException {
    CountDownLatch slackAnswers = new CountDownLatch(1);
    CountDownLatch otherTold = new CountDownLatch(1);
    CountDownLatch allTold = new CountDownLatch(4);
    List<String> told = new CopyOnWriteArrayList<>();
    AtomicInteger atOnce = new AtomicInteger();
    AtomicInteger mostAtOnce = new AtomicInteger();
    PlanListener slack = p -> {
      if (!p.id().equals("other")) {
        mostAtOnce.accumulateAndGet(atOnce.incrementAndGet(), Math::max);
        if (p.title().equals("A1")) {
          try {
            slackAnswers.await(10, TimeUnit.SECONDS); // Slack is slow to answer the first update
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        atOnce.decrementAndGet();
      }
      told.add(p.title());
      if (p.id().equals("other")) {
        otherTold.countDown();
      }
      allTold.countDown();
    };
    try (OrderedNotices notices = new OrderedNotices(slack, 4)) {
      notices.planChanged(plan("a", "A1"));
      notices.planChanged(plan("a", "A2"));
      notices.planChanged(plan("other", "B1"));
      notices.planChanged(plan("a", "A3"));
      // the runner was not held up by Slack: all four were handed over while the first is still unanswered
      assertThat(otherTold.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(told).containsExactly("B1");

      slackAnswers.countDown();

      assertThat(allTold.await(10, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(told).containsExactly("B1", "A1", "A2", "A3");
    assertThat(mostAtOnce.get()).isEqualTo(1);
  }
}
