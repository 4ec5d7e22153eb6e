package com.syncrobot.write;

import com.syncrobot.store.Dialect;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.syncrobot.syncro.CustomerId;
import com.syncrobot.syncro.SyncroWrite;
import com.syncrobot.syncro.TicketId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The checks of ticket creation and appointments (R2, R14, R15): a lost ticket POST is found by
 * customer and subject, a check names the ticket an earlier step created, and a follow-up plan
 * carries only the steps that did not happen.
 */
@ParameterizedClass
@EnumSource(Dialect.class)
final class CreationChecksTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final String API = SyncroStubs.API;
  static final long NEW_TICKET = 7001;
  static final CustomerId CUSTOMER = new CustomerId(77);
  static final Instant START = Instant.parse("2026-03-04T02:00:00Z");

  @AutoClose
  private final Fixture f;
  private final PlanExecutor engine;

  CreationChecksTest(Dialect dialect) {
    this.f = new Fixture(wm, dialect);
    this.engine = f.engine(Runnable::run);
  }

  private static ObjectNode obj() {
    return JsonNodeFactory.instance.objectNode();
  }

  private static Plan createPlan(Instant now) {
    ObjectNode comment = Plans.commentBody("Initial Issue", "Printer jams");
    ObjectNode appointment = obj().put("summary", "Acme Dental: Printer jams").put("start_at", START.toString())
        .put("ticket_id", "{{step:0}}");
    return Plan.builder().kind("create").owner(Plans.OWNER, 1735, "Dana Tech").channel("C0CHAN")
        .title("New ticket for Acme Dental")
        .step("Create ticket", SyncroWrite.post("/tickets", obj().put("customer_id", 77).put("subject", "Printer jams"),
            "/ticket/id"), new Check.TicketCreated(CUSTOMER, "Printer jams", now))
        .step("Post Initial Issue", SyncroWrite.post("/tickets/{{step:0}}/comment", comment, "/comment/id"),
            Check.WithStepIds.onTicketOf(0,
                t -> new Check.CommentExists(t, "Initial Issue", "Printer jams", List.of())))
        .step("Create appointment", SyncroWrite.post("/appointments", appointment, "/appointment/id"),
            Check.WithStepIds.onTicketOf(0, t -> new Check.AppointmentAt(null, t, START)))
        .build(now, Plans.TTL);
  }

  private static String ticket(long id, long number, String subject, long customer, Instant created) {
    return "{\"id\":" + id + ",\"number\":" + number + ",\"subject\":\"" + subject + "\",\"status\":\"New\","
        + "\"customer_id\":" + customer + ",\"customer_business_then_name\":\"Acme Dental\",\"created_at\":\""
        + created + "\",\"comments\":[]}";
  }

  private void customerTickets(String... tickets) {
    wm.stubFor(get(urlPathEqualTo(API + "/tickets")).withQueryParam("customer_id", equalTo("77"))
        .willReturn(okJson("{\"tickets\":[" + String.join(",", tickets) + "],\"meta\":{\"total_pages\":1}}")));
  }

  private void appointments(String... items) {
    wm.stubFor(get(urlPathEqualTo(API + "/appointments"))
        .willReturn(okJson("{\"appointments\":[" + String.join(",", items) + "],\"meta\":{\"total_pages\":1}}")));
  }

  private static String appointment(long id, Long ticket, Instant start) {
    return "{\"id\":" + id + ",\"summary\":\"x\",\"start_at\":\"" + start + "\",\"ticket_id\":" + ticket
        + ",\"customer_id\":77}";
  }

  @Test
  void ticketPostLost_ticketLanded_foundByCustomerAndSubject_restRunsOnIt_R2() {
    Plan plan = f.stored(createPlan(Fixture.T0));
    wm.stubFor(post(urlPathEqualTo(API + "/tickets"))
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    // another customer's ticket with the same subject, and an older one of this customer, do not count
    customerTickets(ticket(6999, 31000, "Printer jams", 77, Fixture.T0.minusSeconds(86_400)),
        ticket(7002, 32300, "Printer jams", 78, Fixture.T0.plusSeconds(1)),
        ticket(NEW_TICKET, 32299, "Printer  jams", 77, Fixture.T0.plusSeconds(2)));
    wm.stubFor(post(urlPathEqualTo(API + "/tickets/" + NEW_TICKET + "/comment"))
        .willReturn(okJson("{\"comment\":{\"id\":880}}")));
    wm.stubFor(post(urlPathEqualTo(API + "/appointments")).willReturn(okJson("{\"appointment\":{\"id\":990}}")));

    engine.confirm(plan.id(), Plans.OWNER);

    Plan after = f.plan(plan.id());
    assertThat(after.state()).isEqualTo(PlanState.DONE);
    assertThat(after.step(0).resultId()).isEqualTo(NEW_TICKET);
    assertThat(after.step(0).verification()).contains("found: ticket #32299");
    assertThat(f.syncro.count(postRequestedFor(urlPathEqualTo(API + "/tickets")))).isEqualTo(1);
    assertThat(after.step(2).sent().body().get("ticket_id").asLong()).isEqualTo(NEW_TICKET);
  }

  @Test
  void ticketPostLost_noSuchTicket_absentAndNotResent_R2() {
    Plan plan = f.stored(createPlan(Fixture.T0));
    wm.stubFor(post(urlPathEqualTo(API + "/tickets"))
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    customerTickets(ticket(6999, 31000, "Printer jams", 77, Fixture.T0.minusSeconds(86_400)));

    engine.confirm(plan.id(), Plans.OWNER);
    f.settle();

    Plan after = f.plan(plan.id());
    assertThat(after.state()).isEqualTo(PlanState.NEEDS_DECISION);
    assertThat(after.step(0).state()).isEqualTo(StepState.ABSENT);
    assertThat(after.step(0).verification()).contains("1 older one(s) do not count");
    assertThat(f.syncro.count(postRequestedFor(urlPathEqualTo(API + "/tickets")))).isEqualTo(1);
  }

  @Test
  void commentLost_checkReadsTheTicketStepZeroCreated_R2() {
    Plan plan = f.stored(createPlan(Fixture.T0));
    wm.stubFor(post(urlPathEqualTo(API + "/tickets")).willReturn(okJson("{\"ticket\":{\"id\":" + NEW_TICKET
        + ",\"number\":32299}}")));
    wm.stubFor(post(urlPathEqualTo(API + "/tickets/" + NEW_TICKET + "/comment"))
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    wm.stubFor(get(urlPathEqualTo(API + "/tickets/" + NEW_TICKET + "/comments")).willReturn(okJson(
        "{\"comments\":[" + new SyncroStubs.StoredComment(881, "Initial Issue", "Printer jams",
            Fixture.T0.plusSeconds(3)).json() + "],\"meta\":{\"total_pages\":1}}")));
    wm.stubFor(post(urlPathEqualTo(API + "/appointments")).willReturn(okJson("{\"appointment\":{\"id\":990}}")));

    engine.confirm(plan.id(), Plans.OWNER);

    Plan after = f.plan(plan.id());
    assertThat(after.state()).isEqualTo(PlanState.DONE);
    assertThat(after.step(1).resultId()).isEqualTo(881L);
    assertThat(f.syncro.count(postRequestedFor(urlPathEqualTo(API + "/tickets/" + NEW_TICKET + "/comment"))))
        .isEqualTo(1);
  }

  @Test
  void appointmentPostLost_foundOnTheNewTicketAtTheStart_R2() {
    Plan plan = f.stored(createPlan(Fixture.T0));
    wm.stubFor(post(urlPathEqualTo(API + "/tickets")).willReturn(okJson("{\"ticket\":{\"id\":" + NEW_TICKET + "}}")));
    wm.stubFor(post(urlPathEqualTo(API + "/tickets/" + NEW_TICKET + "/comment"))
        .willReturn(okJson("{\"comment\":{\"id\":880}}")));
    wm.stubFor(post(urlPathEqualTo(API + "/appointments")).willReturn(aResponse().withStatus(502)));
    appointments(appointment(5, 1L, START), appointment(991, NEW_TICKET, START));

    engine.confirm(plan.id(), Plans.OWNER);

    Plan after = f.plan(plan.id());
    assertThat(after.state()).isEqualTo(PlanState.DONE);
    assertThat(after.step(2).resultId()).isEqualTo(991L);
    // the listing window is the day before to the day after the start, in UTC
    wm.verify(getRequestedFor(urlPathEqualTo(API + "/appointments")).withQueryParam("date_from", equalTo("2026-03-03"))
        .withQueryParam("date_to", equalTo("2026-03-05")));
  }

  @Test
  void appointmentOfNewTicketAtAnotherTime_isLeftToThePerson_notResent_R2() {
    Plan plan = f.stored(createPlan(Fixture.T0));
    wm.stubFor(post(urlPathEqualTo(API + "/tickets")).willReturn(okJson("{\"ticket\":{\"id\":" + NEW_TICKET + "}}")));
    wm.stubFor(post(urlPathEqualTo(API + "/tickets/" + NEW_TICKET + "/comment"))
        .willReturn(okJson("{\"comment\":{\"id\":880}}")));
    wm.stubFor(post(urlPathEqualTo(API + "/appointments")).willReturn(aResponse().withStatus(502)));
    appointments(appointment(991, NEW_TICKET, START.plusSeconds(3600)));

    engine.confirm(plan.id(), Plans.OWNER);
    f.settle();

    Plan after = f.plan(plan.id());
    assertThat(after.state()).isEqualTo(PlanState.NEEDS_DECISION);
    assertThat(after.step(2).state()).isEqualTo(StepState.UNKNOWN);
    assertThat(after.note()).contains("has an appointment at 2026-03-04T03:00:00Z");
  }

  @Test
  void movedAppointment_otherStart_isAbsent_R15() {
    ObjectNode body = obj().put("start_at", START.toString()).put("end_at", START.plusSeconds(5400).toString());
    Plan plan = f.stored(Plan.builder().kind("move-appointment").owner(Plans.OWNER, 1735, "Dana Tech")
        .channel("C0CHAN").title("Move").step("Move appointment", SyncroWrite.put("/appointments/991", body,
            "/appointment/id"), new Check.AppointmentAt(991L, null, START))
        .build(Fixture.T0, Plans.TTL));
    wm.stubFor(put(urlPathEqualTo(API + "/appointments/991")).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
    appointments(appointment(991, null, START.minusSeconds(86_400)));

    engine.confirm(plan.id(), Plans.OWNER);
    f.settle();

    Plan after = f.plan(plan.id());
    assertThat(after.state()).isEqualTo(PlanState.NEEDS_DECISION);
    assertThat(after.step(0).verification()).contains("appointment 991 starts at 2026-03-03T02:00:00Z, not");
  }

  @Test
  void failedAfterTicket_followUpCarriesTheRestWithTheTicketIdFilledIn_R2() {
    Plan plan = f.stored(createPlan(Fixture.T0));
    wm.stubFor(post(urlPathEqualTo(API + "/tickets")).willReturn(okJson("{\"ticket\":{\"id\":" + NEW_TICKET + "}}")));
    wm.stubFor(post(urlPathEqualTo(API + "/tickets/" + NEW_TICKET + "/comment"))
        .willReturn(aResponse().withStatus(422).withHeader("Content-Type", "application/json")
            .withBody("{\"errors\":[\"Body is too long\"]}")));
    engine.confirm(plan.id(), Plans.OWNER);
    Plan failed = f.plan(plan.id());
    assertThat(failed.state()).isEqualTo(PlanState.FAILED);
    assertThat(FollowUp.refusal(failed)).isEmpty();

    Plan followUp = FollowUp.remaining(failed, Plans.base(Plans.OWNER).kind("create-finish").title("Finish"))
        .build(Fixture.T0, Plans.TTL);

    assertThat(followUp.steps()).extracting(Step::label).containsExactly("Post Initial Issue", "Create appointment");
    assertThat(followUp.step(0).request().path()).isEqualTo("/tickets/" + NEW_TICKET + "/comment");
    assertThat(followUp.step(0).check()).isEqualTo(new Check.CommentExists(new TicketId(NEW_TICKET), "Initial Issue",
        "Printer jams", List.of()));
    assertThat(followUp.step(1).request().body().get("ticket_id").asLong()).isEqualTo(NEW_TICKET);
    assertThat(followUp.step(1).check()).isEqualTo(new Check.AppointmentAt(null, new TicketId(NEW_TICKET), START));
  }

  @Test
  void followUp_refusedWhileNothingHappenedOrAStepIsUndecided() {
    Plan fresh = createPlan(Fixture.T0);
    assertThat(FollowUp.refusal(fresh)).hasValueSatisfying(r -> assertThat(r).contains("has not ended"));
    assertThatThrownBy(() -> FollowUp.remaining(fresh, Plans.base(Plans.OWNER)))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void newChecks_roundTripThroughJson_andPlaceholderMustNameAnEarlierStep() {
    List<Check> checks = List.of(new Check.TicketCreated(CUSTOMER, "Printer jams", Fixture.T0),
        new Check.AppointmentAt(991L, null, START),
        Check.WithStepIds.onTicketOf(0, t -> new Check.CommentExists(t, "Initial Issue", "a<br>b", List.of())));
    for (Check check : checks) {
      assertThat(PlanJson.readCheck(PlanJson.writeCheck(check))).isEqualTo(check);
    }
    assertThat(PlanJson.writeCheck(checks.get(2))).contains("\"ticket\":\"{{step:0}}\"");
    assertThatThrownBy(() -> Plans.base(Plans.OWNER).step("c", Plans.commentWrite(),
        Check.WithStepIds.onTicketOf(0, t -> Plans.commentCheck())).build(Fixture.T0, Plans.TTL))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not hold the ticket");
    assertThatThrownBy(() -> Plans.base(Plans.OWNER).step("c", Plans.commentWrite(),
        Check.WithStepIds.onTicketOf(0, t -> new Check.CommentExists(t, "s", "b", List.of())))
        .build(Fixture.T0, Plans.TTL))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an earlier step");
  }
}
