package com.syncrobot.write;

import com.syncrobot.store.Dialect;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.syncrobot.syncro.SyncroToken;
import com.syncrobot.syncro.TicketId;
import com.syncrobot.testkit.Fixtures;
import com.syncrobot.write.SyncroStubs.StoredComment;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Unknown outcomes are verified by reading Syncro and never resent blindly (R2, R3). */
@ParameterizedClass
@EnumSource(Dialect.class)
final class AmbiguousWriteTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @AutoClose
  private final Fixture f;
  private final PlanExecutor engine;

  AmbiguousWriteTest(Dialect dialect) {
    this.f = new Fixture(wm, dialect);
    this.engine = f.engine(Runnable::run);
  }

  private static StoredComment landed(long id) {
    return new StoredComment(id, Plans.SUBJECT, Plans.BODY, Fixture.T0.plusSeconds(2));
  }

  @Test
  void commentPostConnectionReset_commentLanded_verifiesWithoutResend_R2() {
    Plan plan = f.stored(Plans.comment(Fixture.T0));
    f.syncro.commentPostResets();
    f.syncro.comments(new StoredComment(4000, "Other", "older note", Fixture.T0.minusSeconds(86_400)), landed(5001));

    assertThat(engine.confirm(plan.id(), Plans.OWNER)).isEqualTo(ConfirmResult.CONFIRMED);

    Plan after = f.plan(plan.id());
    assertThat(after.state()).isEqualTo(PlanState.DONE);
    assertThat(after.step(0).state()).isEqualTo(StepState.DONE);
    assertThat(after.step(0).resultId()).isEqualTo(5001L);
    assertThat(after.step(0).verification()).startsWith("found: comment 5001");
    assertThat(f.syncro.commentPosts()).isEqualTo(1);
  }

  @Test
  void commentPostTimesOut_commentLanded_verifiesWithoutResend_R2() {
    // Syncro created the comment but its answer came after the client's read timeout.
    Duration readTimeout = Duration.ofMillis(300);
    f.apis.put(Plans.OWNER, f.client(readTimeout).as(new SyncroToken(Fixtures.SYNCRO_TOKEN)));
    Plan plan = f.stored(Plans.comment(Fixture.T0));
    f.syncro.commentPostAnswers(okJson("{\"comment\":{\"id\":5001}}")
        .withFixedDelay((int) readTimeout.multipliedBy(5).toMillis()));
    f.syncro.comments(landed(5001));

    engine.confirm(plan.id(), Plans.OWNER);

    Plan after = f.plan(plan.id());
    assertThat(after.state()).isEqualTo(PlanState.DONE);
    assertThat(after.step(0).resultId()).isEqualTo(5001L);
    assertThat(f.syncro.commentPosts()).isEqualTo(1);
  }

  @Test
  void commentPost5xx_commentLandedWithBrVariants_verifiesWithoutResend_R2() {
    Plan plan = f.stored(Plans.comment(Fixture.T0));
    f.syncro.commentPostAnswers(aResponse().withStatus(502).withBody("<html>Bad gateway</html>"));
    f.syncro.comments(new StoredComment(5002, Plans.SUBJECT, "Replaced the toner.<br />Printer is back  online.",
        Fixture.T0.plusSeconds(1)));

    engine.confirm(plan.id(), Plans.OWNER);

    assertThat(f.plan(plan.id()).state()).isEqualTo(PlanState.DONE);
    assertThat(f.plan(plan.id()).step(0).resultId()).isEqualTo(5002L);
    assertThat(f.syncro.commentPosts()).isEqualTo(1);
  }

  @Test
  void commentPost2xxWithoutWrappedId_treatedAsUnknownAndVerified_R3() {
    // A flat body has no /comment/id: not a failure to retry, an unknown outcome to verify.
    Plan plan = f.stored(Plans.comment(Fixture.T0));
    f.syncro.commentPostAnswers(okJson("{\"id\":5003,\"subject\":\"Update\"}"));
    f.syncro.comments(landed(5003));

    engine.confirm(plan.id(), Plans.OWNER);

    assertThat(f.plan(plan.id()).state()).isEqualTo(PlanState.DONE);
    assertThat(f.plan(plan.id()).step(0).resultId()).isEqualTo(5003L);
    assertThat(f.syncro.commentPosts()).isEqualTo(1);
  }

  @Test
  void commentPostReset_commentAbsent_needsDecisionWithoutResend_R2() {
    Plan plan = f.stored(Plans.comment(Fixture.T0));
    f.syncro.commentPostResets();
    f.syncro.comments(new StoredComment(4000, "Other", "older note", Fixture.T0.minusSeconds(3600)));

    engine.confirm(plan.id(), Plans.OWNER);
    f.settle();

    Plan after = f.plan(plan.id());
    assertThat(after.state()).isEqualTo(PlanState.NEEDS_DECISION);
    assertThat(after.step(0).state()).isEqualTo(StepState.ABSENT);
    assertThat(after.note()).contains("did not reach Syncro").contains("send it again");
    assertThat(f.syncro.commentPosts()).isEqualTo(1);
    assertThat(f.scheduler.pending()).isZero();
  }

  @Test
  void identicalCommentMadeMinutesBefore_doesNotCountAsLanded_R2() {
    // The identical note posted 5 minutes before the plan was made was on the ticket then: it must not
    // pass for the lost POST, however recent it is.
    Plan plan = f.stored(Plans.comment(Fixture.T0));
    f.syncro.commentPostResets();
    f.syncro.comments(new StoredComment(3999, Plans.SUBJECT, Plans.BODY, Fixture.T0.minus(Duration.ofMinutes(5))));

    engine.confirm(plan.id(), Plans.OWNER);
    f.settle();

    Plan after = f.plan(plan.id());
    assertThat(after.state()).isEqualTo(PlanState.NEEDS_DECISION);
    assertThat(after.step(0).state()).isEqualTo(StepState.ABSENT);
    assertThat(after.step(0).resultId()).isNull();
    assertThat(after.step(0).verification()).contains("1 identical comment(s) were there before and do not count");
  }

  @Test
  void planStoredWithoutCommentIds_keepsTheTimeRule_R2() {
    // A plan stored before the ticket's comment ids were recorded: an identical comment from yesterday
    // does not count, one made just after sending does.
    Plan plan = f.stored(Plans.base(Plans.OWNER).step("Post internal note", Plans.commentWrite(),
        new Check.CommentExists(new TicketId(Plans.TICKET_ID), Plans.SUBJECT, Plans.BODY, null)).build(Fixture.T0,
            Plans.TTL));
    f.syncro.commentPostResets();
    f.syncro.comments(new StoredComment(3999, Plans.SUBJECT, Plans.BODY, Fixture.T0.minus(Duration.ofHours(20))));

    engine.confirm(plan.id(), Plans.OWNER);
    f.settle();

    assertThat(f.plan(plan.id()).state()).isEqualTo(PlanState.NEEDS_DECISION);
    assertThat(f.plan(plan.id()).step(0).verification()).contains("older");

    Plan again = f.stored(Plans.base(Plans.OWNER).step("Post internal note", Plans.commentWrite(),
        new Check.CommentExists(new TicketId(Plans.TICKET_ID), Plans.SUBJECT, Plans.BODY, null)).build(Fixture.T0,
            Plans.TTL));
    f.syncro.comments(new StoredComment(3999, Plans.SUBJECT, Plans.BODY, Fixture.T0.minus(Duration.ofHours(20))),
        landed(5002));
    engine.confirm(again.id(), Plans.OWNER);

    assertThat(f.plan(again.id()).state()).isEqualTo(PlanState.DONE);
    assertThat(f.plan(again.id()).step(0).resultId()).isEqualTo(5002L);
  }

  @Test
  void resendAfterAbsent_byOwner_sendsExactlyOneMorePost_R2() {
    Plan plan = f.stored(Plans.comment(Fixture.T0));
    f.syncro.commentPostResets();
    f.syncro.comments();
    engine.confirm(plan.id(), Plans.OWNER);
    f.settle();
    f.syncro.commentPostCreates(5010);

    assertThat(engine.resend(plan.id(), 0, Plans.OTHER)).isEqualTo(DecisionResult.NOT_OWNER);
    assertThat(f.syncro.commentPosts()).isEqualTo(1);
    assertThat(engine.resend(plan.id(), 0, Plans.OWNER)).isEqualTo(DecisionResult.ACCEPTED);
    assertThat(engine.resend(plan.id(), 0, Plans.OWNER)).isEqualTo(DecisionResult.NOT_APPLICABLE);

    Plan after = f.plan(plan.id());
    assertThat(after.state()).isEqualTo(PlanState.DONE);
    assertThat(after.step(0).attempt()).isEqualTo(2);
    assertThat(after.step(0).resultId()).isEqualTo(5010L);
    assertThat(f.syncro.commentPosts()).isEqualTo(2);
    // the audit keeps both sends: the lost one and the resent one
    assertThat(f.store.audit(AuditQuery.all()))
        .extracting(AuditEntry::attempt, AuditEntry::state)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, StepState.ABSENT),
            org.assertj.core.groups.Tuple.tuple(2, StepState.DONE));
  }

  @Test
  void resendClickedConcurrently_sendsOneMorePost_R2() throws Exception {
    Plan plan = f.stored(Plans.comment(Fixture.T0));
    f.syncro.commentPostResets();
    f.syncro.comments();
    engine.confirm(plan.id(), Plans.OWNER);
    f.settle();
    f.syncro.commentPostCreates(5011);
    int clicks = 8;
    ExecutorService pool = Executors.newFixedThreadPool(clicks);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<DecisionResult>> results = new java.util.ArrayList<>();
      for (int i = 0; i < clicks; i++) {
        results.add(pool.submit(() -> {
          go.await();
          return engine.resend(plan.id(), 0, Plans.OWNER);
        }));
      }
      go.countDown();
      int accepted = 0;
      for (Future<DecisionResult> r : results) {
        if (r.get(30, TimeUnit.SECONDS) == DecisionResult.ACCEPTED) {
          accepted++;
        }
      }
      assertThat(accepted).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(f.plan(plan.id()).state()).isEqualTo(PlanState.DONE);
    assertThat(f.syncro.commentPosts()).isEqualTo(2);
  }

  @Test
  void cancelAfterAbsent_endsPlan_resendRefused_R2() {
    Plan plan = f.stored(Plans.close(Fixture.T0));
    f.syncro.commentPostResets();
    f.syncro.comments();
    engine.confirm(plan.id(), Plans.OWNER);
    f.settle();

    assertThat(engine.cancel(plan.id(), Plans.OWNER)).isEqualTo(CancelResult.CANCELLED);
    assertThat(engine.resend(plan.id(), 0, Plans.OWNER)).isEqualTo(DecisionResult.NOT_APPLICABLE);
    assertThat(f.syncro.commentPosts()).isEqualTo(1);
    assertThat(f.syncro.statusPuts()).isZero();
  }

  @Test
  void statusPutTimesOut_ticketShowsStatus_verifiedDone_R2() {
    Plan plan = f.stored(Plans.close(Fixture.T0));
    f.syncro.commentPostCreates(5001);
    f.syncro.statusPutAnswers(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
    f.syncro.ticketShows("Resolved");

    engine.confirm(plan.id(), Plans.OWNER);

    Plan after = f.plan(plan.id());
    assertThat(after.state()).isEqualTo(PlanState.DONE);
    assertThat(after.step(1).resultId()).isEqualTo(Plans.TICKET_ID);
    assertThat(f.syncro.statusPuts()).isEqualTo(1);
  }

  @Test
  void statusPutLost_ticketShowsOldStatus_needsDecision_thenResendOnce_R2() {
    Plan plan = f.stored(Plans.close(Fixture.T0));
    f.syncro.commentPostCreates(5001);
    f.syncro.statusPutAnswers(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
    f.syncro.ticketShows("In Progress");
    engine.confirm(plan.id(), Plans.OWNER);
    f.settle();
    assertThat(f.plan(plan.id()).state()).isEqualTo(PlanState.NEEDS_DECISION);
    assertThat(f.plan(plan.id()).step(1).verification()).contains("In Progress");

    f.syncro.statusPutSucceeds();
    engine.resend(plan.id(), 1, Plans.OWNER);

    assertThat(f.plan(plan.id()).state()).isEqualTo(PlanState.DONE);
    assertThat(f.syncro.commentPosts()).isEqualTo(1);
    assertThat(f.syncro.statusPuts()).isEqualTo(2);
  }

  @Test
  void uncheckableStep_unknownOutcome_needsOwnerToLook_thenRunsOn_R2() {
    Plan plan = f.stored(Plans.base(Plans.OWNER)
        .step("Post internal note", Plans.commentWrite(), new Check.None("look at the ticket's comments"))
        .step("Set status Resolved", Plans.statusWrite("Resolved"),
            Check.TicketFieldsAre.status(new TicketId(Plans.TICKET_ID), "Resolved"))
        .build(Fixture.T0, Plans.TTL));
    f.syncro.commentPostResets();
    f.syncro.statusPutSucceeds();
    engine.confirm(plan.id(), Plans.OWNER);
    f.settle();
    Plan waiting = f.plan(plan.id());
    assertThat(waiting.state()).isEqualTo(PlanState.NEEDS_DECISION);
    assertThat(waiting.step(0).state()).isEqualTo(StepState.UNKNOWN);
    assertThat(waiting.note()).contains("look at the ticket's comments");
    // an undecided step is not absent: it cannot be resent without someone looking first
    assertThat(engine.resend(plan.id(), 0, Plans.OWNER)).isEqualTo(DecisionResult.NOT_APPLICABLE);
    assertThat(engine.settle(plan.id(), 0, Plans.OTHER, true)).isEqualTo(DecisionResult.NOT_OWNER);

    assertThat(engine.settle(plan.id(), 0, Plans.OWNER, true)).isEqualTo(DecisionResult.ACCEPTED);

    Plan after = f.plan(plan.id());
    assertThat(after.state()).isEqualTo(PlanState.DONE);
    assertThat(after.step(0).verification()).contains("found it in Syncro");
    assertThat(f.syncro.commentPosts()).isEqualTo(1);
    assertThat(f.syncro.statusPuts()).isEqualTo(1);
  }
}
