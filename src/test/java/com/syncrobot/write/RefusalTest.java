package com.syncrobot.write;

import com.syncrobot.store.Dialect;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.syncrobot.testkit.Fixtures;
import com.syncrobot.write.SyncroStubs.StoredComment;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Definite refusals stop the plan with Syncro's own words; waits are re-checked later (R17, R2). */
@ParameterizedClass
@EnumSource(Dialect.class)
final class RefusalTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @AutoClose
  private final Fixture f;
  private final PlanExecutor engine;

  RefusalTest(Dialect dialect) {
    this.f = new Fixture(wm, dialect);
    this.engine = f.engine(Runnable::run);
  }

  /** Syncro's 422 bodies as documented and observed, each with the text the technician must see. */
  static Stream<Arguments> validationBodies() {
    return Stream.of(
        Arguments.of("{\"success\":false,\"message\":[\"Body can't be blank\",\"Subject can't be blank\"]}",
            "Body can't be blank"),
        Arguments.of("{\"errors\":\"Name can't be blank, Description can't be blank\",\"params\":{}}",
            "Name can't be blank, Description can't be blank"),
        Arguments.of("{\"error\":\"Customer required field\"}", "Customer required field"),
        Arguments.of("{\"success\":false,\"error\":\"Summary can't be blank\",\"message\":\"Summary can't be blank\","
            + "\"params\":{}}", "Summary can't be blank"),
        Arguments.of("{\"record\":{\"id\":null},\"errors\":\"Email is not an email\"}", "Email is not an email"),
        Arguments.of("{\"errors\":[\"billable must be true or false\"]}", "billable must be true or false"),
        Arguments.of("{\"errors\":{\"mute_for\":[\"is not included in the list\"]}}", "is not included in the list"),
        Arguments.of("{\"error\":\"Validation failed: Item can't be blank, Name can't be blank\"}",
            "Validation failed: Item can't be blank"),
        Arguments.of("{\"error\":\"no implicit conversion of nil into String\"}",
            "no implicit conversion of nil into String"));
  }

  @ParameterizedTest
  @MethodSource("validationBodies")
  void commentRefusedWith422_planFailsWithSyncroMessage_laterStepsNotSent_R17(String body, String message) {
    Plan plan = f.stored(Plans.close(Fixture.T0));
    f.syncro.commentPostAnswers(aResponse().withStatus(422).withHeader("Content-Type", "application/json")
        .withBody(body));
    f.syncro.statusPutSucceeds();

    engine.confirm(plan.id(), Plans.OWNER);

    Plan after = f.plan(plan.id());
    assertThat(after.state()).isEqualTo(PlanState.FAILED);
    assertThat(after.step(0).state()).isEqualTo(StepState.FAILED);
    assertThat(after.step(0).resultStatus()).isEqualTo(422);
    assertThat(after.step(0).error()).contains(message);
    assertThat(after.step(1).state()).isEqualTo(StepState.PENDING);
    assertThat(after.note()).contains(message).contains("Nothing was written to Syncro")
        .contains("Not sent: “Set status Resolved”");
    assertThat(f.syncro.commentPosts()).isEqualTo(1);
    assertThat(f.syncro.statusPuts()).isZero();
  }

  @Test
  void secondStepRefused_noteSaysWhichStepsHappened_R17() {
    Plan plan = f.stored(Plans.close(Fixture.T0));
    f.syncro.commentPostCreates(5001);
    f.syncro.statusPutAnswers(aResponse().withStatus(422).withHeader("Content-Type", "application/json")
        .withBody("{\"success\":false,\"message\":[\"Status is not included in the list\"]}"));

    engine.confirm(plan.id(), Plans.OWNER);

    Plan after = f.plan(plan.id());
    assertThat(after.state()).isEqualTo(PlanState.FAILED);
    assertThat(after.note()).contains("Status is not included in the list")
        .contains("Done: “Post resolution comment” (id 5001)");
    assertThat(f.syncro.statusPuts()).isEqualTo(1);
  }

  @Test
  void tokenRefused401_planFails_toldToReconnect_R17() {
    Plan plan = f.stored(Plans.comment(Fixture.T0));
    f.syncro.commentPostAnswers(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
        .withBody("{\"error\":\"Not authorized. Please ask account admin to update your group permissions.\"}"));

    engine.confirm(plan.id(), Plans.OWNER);

    Plan after = f.plan(plan.id());
    assertThat(after.state()).isEqualTo(PlanState.FAILED);
    assertThat(after.note()).contains("Reconnect").contains("Dana Tech");
    assertThat(after.step(0).error()).contains("Not authorized");
    assertThat(f.syncro.commentPosts()).isEqualTo(1);
  }

  @Test
  void ticketGone404_planFails_R17() {
    Plan plan = f.stored(Plans.comment(Fixture.T0));
    f.syncro.commentPostAnswers(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
        .withBody("{\"message\":\"Not found\"}"));

    engine.confirm(plan.id(), Plans.OWNER);

    assertThat(f.plan(plan.id()).state()).isEqualTo(PlanState.FAILED);
    assertThat(f.plan(plan.id()).note()).contains("404").contains("does not exist");
    assertThat(f.syncro.commentPosts()).isEqualTo(1);
  }

  @Test
  void ownerTokenRemovedBeforeRun_planFails_nothingSent_R11() {
    Plan plan = f.stored(Plans.comment(Fixture.T0));
    f.apis.remove(Plans.OWNER);

    engine.confirm(plan.id(), Plans.OWNER);

    assertThat(f.plan(plan.id()).state()).isEqualTo(PlanState.FAILED);
    assertThat(f.plan(plan.id()).note()).contains("token removed");
    assertThat(f.syncro.commentPosts()).isZero();
  }

  @Test
  void syncroUnreachableWhileVerifying_waits_laterRecheckCompletes_R2() {
    Plan plan = f.stored(Plans.comment(Fixture.T0));
    f.syncro.commentPostResets();
    f.syncro.commentsAnswer(serviceUnavailable());

    engine.confirm(plan.id(), Plans.OWNER);
    Plan waiting = f.plan(plan.id());
    assertThat(waiting.state()).isEqualTo(PlanState.WAITING);
    assertThat(waiting.step(0).state()).isEqualTo(StepState.UNKNOWN);
    assertThat(waiting.note()).contains("not sent again").contains("1 min");
    // still unreachable at the first re-check: wait longer, still no resend
    f.scheduler.runDue();
    assertThat(f.plan(plan.id()).state()).isEqualTo(PlanState.WAITING);
    assertThat(f.scheduler.delays()).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(2));

    f.syncro.comments(new StoredComment(5001, Plans.SUBJECT, Plans.BODY, Fixture.T0.plusSeconds(1)));
    f.scheduler.runDue();

    Plan after = f.plan(plan.id());
    assertThat(after.state()).isEqualTo(PlanState.DONE);
    assertThat(after.step(0).resultId()).isEqualTo(5001L);
    assertThat(f.syncro.commentPosts()).isEqualTo(1);
    assertThat(f.listener.states(plan.id())).contains(PlanState.WAITING, PlanState.DONE);
  }

  @Test
  void syncroRefusingConnections_writeNotSent_waitsThenSendsOnceWithoutAsking() throws Exception {
    Plan plan = f.stored(Plans.comment(Fixture.T0));
    int closedPort;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    // Connection refused: not one byte reached Syncro, so this is not an unknown outcome.
    f.apis.put(Plans.OWNER, com.syncrobot.syncro.SyncroClient.builder()
        .baseUrl("http://127.0.0.1:" + closedPort + "/api/v1").connectTimeout(Duration.ofSeconds(1)).build()
        .as(new com.syncrobot.syncro.SyncroToken(Fixtures.SYNCRO_TOKEN)));

    engine.confirm(plan.id(), Plans.OWNER);
    Plan waiting = f.plan(plan.id());
    assertThat(waiting.state()).isEqualTo(PlanState.WAITING);
    assertThat(waiting.step(0).state()).isEqualTo(StepState.PENDING);
    assertThat(waiting.note()).contains("could not be reached").contains("was not sent");

    f.apis.put(Plans.OWNER, f.client.as(new com.syncrobot.syncro.SyncroToken(Fixtures.SYNCRO_TOKEN)));
    f.syncro.commentPostCreates(5001);
    f.scheduler.runDue();

    Plan after = f.plan(plan.id());
    assertThat(after.state()).isEqualTo(PlanState.DONE);
    assertThat(after.step(0).resultId()).isEqualTo(5001L);
    assertThat(f.syncro.commentPosts()).isEqualTo(1);
  }

  @Test
  void rateLimitedWrite_notProcessed_waitsThenSendsOnce() {
    Plan plan = f.stored(Plans.comment(Fixture.T0));
    f.syncro.commentPostAnswers(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
        .withBody("{\"error\":\"Rate limit exceeded\"}"));

    engine.confirm(plan.id(), Plans.OWNER);
    Plan waiting = f.plan(plan.id());
    assertThat(waiting.state()).isEqualTo(PlanState.WAITING);
    assertThat(waiting.step(0).state()).isEqualTo(StepState.PENDING);
    assertThat(waiting.note()).contains("rate limiting");
    int refusedPosts = f.syncro.commentPosts();

    f.syncro.commentPostCreates(5001);
    f.scheduler.runDue();

    assertThat(f.plan(plan.id()).state()).isEqualTo(PlanState.DONE);
    assertThat(f.syncro.commentPosts()).isEqualTo(refusedPosts + 1);
  }
}
