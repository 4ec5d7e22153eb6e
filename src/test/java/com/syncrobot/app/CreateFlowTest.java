package com.syncrobot.app;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.syncrobot.app.CreateFlows.CUSTOMER;
import static com.syncrobot.app.WriteFlowHarness.API;
import static com.syncrobot.app.WriteFlowHarness.JANE;
import static com.syncrobot.app.WriteFlowHarness.JSON;
import static com.syncrobot.app.WriteFlowHarness.actionIds;
import static com.syncrobot.app.WriteFlowHarness.actionTs;
import static com.syncrobot.app.WriteFlowHarness.newPath;
import static com.syncrobot.app.WriteFlowHarness.text;
import static com.syncrobot.testkit.Fixtures.SYNCRO_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.syncrobot.write.Plan;
import com.syncrobot.write.PlanState;
import com.syncrobot.write.StepState;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 5, {@code /syncro create}: the modal, its live fields and type-ahead, and the three-call
 * plan with each failure point, through signed requests to a running {@link BotServer} with a real
 * SQLite file and Slack and Syncro on WireMock. No case ever sends a second ticket POST (R2).
 */
final class CreateFlowTest {
  static final long NEW_TICKET = 7001;
  static final long NEW_NUMBER = 32299;
  static final String TICKETS = API + "/tickets";
  static final String NEW_COMMENT = API + "/tickets/" + NEW_TICKET + "/comment";
  static final String APPOINTMENTS = API + "/appointments";
  static final ZoneId LA = ZoneId.of(CreateFlows.LA);

  @RegisterExtension
  static final WriteFlowHarness bot = WriteFlowHarness.builder().syncroOnWireMock().connect(JANE, "Jane Tech").build();
  CreateFlows flows;

  @BeforeEach
  void start() throws Exception {
    flows = new CreateFlows(bot, CreateFlows.LA);
  }

  @AfterEach
  void stopAndCheckSecrets_R11() {
    bot.close();
    for (ServeEvent e : bot.slack.getAllServeEvents()) {
      assertThat(e.getRequest().getBodyAsString()).doesNotContain(SYNCRO_TOKEN).doesNotContain("api_key");
    }
  }

  // ---- helpers ----------------------------------------------------------------------------------

  private void ticketPost(ResponseDefinitionBuilder answer) {
    bot.syncro.stubFor(post(urlPathEqualTo(TICKETS)).willReturn(answer));
  }

  private static ResponseDefinitionBuilder created() {
    return okJson("{\"ticket\":{\"id\":" + NEW_TICKET + ",\"number\":" + NEW_NUMBER + ",\"subject\":\"Printer jams\","
        + "\"customer_id\":" + CUSTOMER + ",\"comments\":[]}}");
  }

  private static ResponseDefinitionBuilder refused(String message) {
    return aResponse().withStatus(422).withHeader("Content-Type", "application/json")
        .withBody("{\"errors\":[\"" + message + "\"]}");
  }

  private void commentPost(ResponseDefinitionBuilder answer) {
    bot.syncro.stubFor(post(urlPathEqualTo(NEW_COMMENT)).willReturn(answer));
  }

  private void appointmentPost(ResponseDefinitionBuilder answer) {
    bot.syncro.stubFor(post(urlPathEqualTo(APPOINTMENTS)).willReturn(answer));
  }

  private int posts(String path) {
    return bot.count(postRequestedFor(urlPathEqualTo(path)));
  }

  /** Opens the modal with {@code /syncro create acme} and returns the filled form. */
  private JsonNode openForm(WriteFlowHarness.Sent[] sent) throws Exception {
    bot.slack.resetRequests();
    sent[0] = bot.command(JANE, "create acme");
    assertThat(sent[0].ack().statusCode()).isEqualTo(200);
    assertThat(sent[0].ack().body()).isEmpty();
    assertThat(bot.lastOpenedView().toString()).contains("Loading");
    return flows.lastUpdatedView(1);
  }

  /** Opens and submits the form; returns the preview posted through the command's response_url. */
  private WriteFlowHarness.Preview preview(String subject, Instant start) throws Exception {
    WriteFlowHarness.Sent[] sent = new WriteFlowHarness.Sent[1];
    JsonNode form = openForm(sent);
    HttpResponse<String> ack = flows.submit(JANE, form, CreateFlows.createForm(subject, start));
    assertThat(ack.statusCode()).isEqualTo(200);
    assertThat(ack.body()).isEmpty();
    JsonNode preview = bot.awaitPost(sent[0].responsePath(), "Details");
    WriteFlowHarness.assertWords(WriteFlowHarness.readable(preview));
    return new WriteFlowHarness.Preview(WriteFlowHarness.planId(preview), preview, sent[0].responsePath());
  }

  private String confirm(String planId) {
    String path = newPath();
    assertThat(bot.click(JANE, "plan_confirm", planId, path, actionTs()).statusCode()).isEqualTo(200);
    return path;
  }

  private Instant tuesdayEvening() {
    return CreateFlows.nextTuesdayEvening(bot.clock.instant(), LA);
  }

  // ---- the modal ------------------------------------------------------------------------------

  @Test
  void create_withOneMatchingCustomer_opensAtOnceThenFillsEverythingInOnePass_R14() throws Exception {
    WriteFlowHarness.Sent[] sent = new WriteFlowHarness.Sent[1];
    JsonNode form = openForm(sent);

    String all = form.toString();
    assertThat(form.path("callback_id").asText()).isEqualTo("syncro_create");
    // the customer the words name is chosen, with its contacts and address offered
    assertThat(all).contains("\"block_id\":\"customer\"", "\"initial_option\":{\"text\":{\"type\":\"plain_text\","
        + "\"text\":\"Acme Dental\"", "\"block_id\":\"contact:77\"", "Dr Smile", "1 Main St, Springfield",
        "\"block_id\":\"asset:77\"", "\"min_query_length\":2");
    // account lists, the asker as default tech, 2 Normal by default, no email by default
    assertThat(all).contains("Emergency Service", "Bob Tech", "Onsite", "datetimepicker", "datepicker");
    assertThat(form.at("/blocks").toString()).contains("\"initial_option\":{\"text\":{\"type\":\"plain_text\","
        + "\"text\":\"Jane Tech\",\"emoji\":true},\"value\":\"1735\"}", "\"value\":\"2 Normal\"}");
    assertThat(all).contains("\"initial_options\":[{\"text\":{\"type\":\"plain_text\",\"text\":\"Do not email the"
        + " customer\"");
    // the technician's zone was read and cached for the submission's checks
    bot.slack.verify(postRequestedFor(urlPathEqualTo("/api/users.info")));
  }

  @Test
  void customerTypeAhead_searchesSyncroWithTheTypedText_atLeastTwoCharacters() throws Exception {
    JsonNode form = openForm(new WriteFlowHarness.Sent[1]);
    int searches = bot.count(getRequestedFor(urlPathEqualTo(API + "/customers")));

    HttpResponse<String> one = flows.suggest(JANE, form, "create_customer", "a");
    HttpResponse<String> two = flows.suggest(JANE, form, "create_customer", "acme");

    assertThat(one.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(one.body()).path("options")).isEmpty();
    JsonNode options = JSON.readTree(two.body()).path("options");
    assertThat(options).hasSize(1);
    assertThat(options.get(0).path("value").asText()).isEqualTo("77");
    assertThat(options.get(0).path("text").path("text").asText()).isEqualTo("Acme Dental");
    assertThat(bot.count(getRequestedFor(urlPathEqualTo(API + "/customers")))).isEqualTo(searches + 1);
  }

  @Test
  void assetTypeAhead_searchesOnlyTheChosenCustomersAssets_R14() throws Exception {
    JsonNode form = openForm(new WriteFlowHarness.Sent[1]);
    bot.syncro.stubFor(get(urlPathEqualTo(API + "/customer_assets")).withQueryParam("customer_id", equalTo("77"))
        .willReturn(okJson("{\"assets\":[{\"id\":41,\"name\":\"Front printer\",\"customer_id\":77,"
            + "\"asset_type\":\"Printer\",\"asset_serial\":\"SN1\"},"
            + "{\"id\":42,\"name\":\"Other's\",\"customer_id\":78}],"
            + "\"meta\":{\"total_pages\":1}}")));

    JsonNode options = JSON.readTree(flows.suggest(JANE, form, "create_asset", "print").body()).path("options");

    assertThat(options).hasSize(1);
    assertThat(options.get(0).path("text").path("text").asText()).isEqualTo("Front printer · Printer · SN1");
    bot.syncro
        .verify(getRequestedFor(urlPathEqualTo(API + "/customer_assets")).withQueryParam("query", equalTo("print")));
  }

  @Test
  void emergencyService_updatesTheModalWithPriorityUrgent_R14() throws Exception {
    JsonNode form = openForm(new WriteFlowHarness.Sent[1]);
    CreateFlows.Values now = CreateFlows.createForm("Server down", null)
        .select("issue_type", "create_issue_type", "Emergency Service", "Emergency Service");

    assertThat(flows.changed(JANE, form, "issue_type", "create_issue_type", now).statusCode()).isEqualTo(200);

    JsonNode updated = flows.lastUpdatedView(2);
    assertThat(updated.toString()).contains("\"block_id\":\"priority:urgent\"");
    assertThat(updated.toString()).contains("\"initial_option\":{\"text\":{\"type\":\"plain_text\",\"text\":"
        + "\"4 Urgent\"");
    // what was typed stays
    assertThat(updated.toString()).contains("Server down");
  }

  @Test
  void customerChanged_rebuildsContactsForTheNewCustomer_andDropsTheOldContact_R14() throws Exception {
    JsonNode form = openForm(new WriteFlowHarness.Sent[1]);
    bot.syncro.stubFor(get(urlPathEqualTo(API + "/customers/78")).willReturn(okJson("{\"customer\":{\"id\":78,"
        + "\"business_name\":\"Burger Co\",\"contacts\":[{\"id\":9,\"name\":\"Bob Burger\","
        + "\"address1\":\"2 Bun Rd\"}]}}")));
    CreateFlows.Values now = CreateFlows.createForm("Printer jams", null)
        .external("customer", "create_customer", "78", "Burger Co");

    flows.changed(JANE, form, "customer", "create_customer", now);

    JsonNode updated = flows.lastUpdatedView(2);
    assertThat(updated.toString()).contains("\"block_id\":\"contact:78\"", "Bob Burger", "2 Bun Rd")
        .doesNotContain("Dr Smile");
    assertThat(updated.path("private_metadata").asText()).contains("\"customerId\":78");
  }

  @Test
  void help_listsCreateAndMoveAppointment() {
    WriteFlowHarness.Sent sent = bot.command(JANE, "help");

    assertThat(sent.ack().body()).contains("/syncro create [customer]", "/syncro move-appointment");
  }

  @Test
  void create_wordsMatchingSeveralCustomers_leaveTheChoiceToTheTechnician() throws Exception {
    bot.syncro.stubFor(get(urlPathEqualTo(API + "/customers")).withQueryParam("query", equalTo("dental"))
        .willReturn(okJson("{\"customers\":[{\"id\":77,\"business_name\":\"Acme Dental\"},{\"id\":78,"
            + "\"business_name\":\"Bright Dental\"}],\"meta\":{\"total_pages\":1}}")));

    bot.command(JANE, "create dental");

    JsonNode form = flows.lastUpdatedView(1);
    assertThat(form.toString()).contains("2 customers match “dental”; choose one below.",
        "choose the customer first").doesNotContain("\"block_id\":\"contact:");
  }

  // ---- bad input ------------------------------------------------------------------------------

  @Test
  void submission_noCustomerEndBeforeStartSubjectTooLong_flaggedOnTheFields_nothingPlanned() throws Exception {
    JsonNode form = openForm(new WriteFlowHarness.Sent[1]);
    Instant start = tuesdayEvening();
    CreateFlows.Values values = CreateFlows.createForm("x".repeat(256), start)
        .dateTime("end", "create_end", start.minus(Duration.ofHours(1))).without("customer");

    HttpResponse<String> ack = flows.submit(JANE, form, values);

    assertThat(ack.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(ack.body());
    assertThat(body.path("response_action").asText()).isEqualTo("errors");
    assertThat(body.path("errors").path("customer").asText()).contains("Choose the customer");
    assertThat(body.path("errors").path("subject").asText()).contains("256 characters", "255");
    assertThat(body.path("errors").path("end").asText()).contains("must be after the start", "Tuesday");
    assertThat(flows.plansStored()).isZero();
    assertThat(posts(TICKETS)).isZero();
  }

  @Test
  void submission_dueDateInThePastAndStartWithoutType_flagged() throws Exception {
    JsonNode form = openForm(new WriteFlowHarness.Sent[1]);
    CreateFlows.Values values = CreateFlows.createForm("Printer jams", null)
        .date("due_date", "create_due", java.time.LocalDate.ofInstant(bot.clock.instant(), LA).minusDays(1))
        .dateTime("start", "create_start", tuesdayEvening());

    JsonNode errors = JSON.readTree(flows.submit(JANE, form, values).body()).path("errors");

    assertThat(errors.path("due_date").asText()).contains("in the past");
    assertThat(errors.path("appointment_type").asText()).contains("Choose the appointment type");
  }

  // ---- the plan and its failure points ----------------------------------------------------------

  @Test
  void preview_showsEveryField_andTheStartAsWeekdayInTheTechsZone_postSendsUtc_R14() throws Exception {
    ticketPost(created());
    commentPost(okJson("{\"comment\":{\"id\":880}}"));
    appointmentPost(okJson("{\"appointment\":{\"id\":990}}"));
    Instant start = tuesdayEvening();

    WriteFlowHarness.Preview p = preview("Printer jams", start);

    String shown = text(p.message());
    // Tuesday 18:00 in Los Angeles is Wednesday in UTC: the preview says Tuesday (the weekday the tech meant)
    assertThat(start.atZone(ZoneOffset.UTC).getDayOfWeek()).isEqualTo(DayOfWeek.WEDNESDAY);
    assertThat(shown).contains("Tuesday", "18:00", "19:30", "1 h 30 min", "America/Los_Angeles")
        .doesNotContain("Wednesday");
    assertThat(shown).contains("Acme Dental", "Printer jams", "Hardware · 2 Normal · New", "Jane Tech", "Dr Smile",
        "Onsite", "Location: 1 Main St", "Printer jams on every page.",
        "Public note — visible on the ticket, no email",
        "“Do not invite” cannot be set through the API", "create ticket", "post the Initial Issue comment",
        "create the Onsite appointment");
    assertThat(posts(TICKETS)).isZero();

    String click = confirm(p.planId());
    Plan done = bot.awaitState(p.planId(), PlanState.DONE);

    bot.syncro.verify(exactly(1), postRequestedFor(urlPathEqualTo(TICKETS)).withRequestBody(equalToJson(
        "{\"customer_id\":77,\"subject\":\"Printer jams\",\"problem_type\":\"Hardware\",\"status\":\"New\","
            + "\"priority\":\"2 Normal\",\"user_id\":1735,\"contact_id\":5}")));
    bot.syncro.verify(exactly(1), postRequestedFor(urlPathEqualTo(NEW_COMMENT)).withRequestBody(equalToJson(
        "{\"subject\":\"Initial Issue\",\"body\":\"Printer jams on every page.<br>Tried a new tray.\","
            + "\"hidden\":false,\"do_not_email\":true,\"tech\":\"Jane Tech\"}")));
    String utcStart = start.toString();
    bot.syncro.verify(exactly(1), postRequestedFor(urlPathEqualTo(APPOINTMENTS)).withRequestBody(equalToJson(
        "{\"summary\":\"Acme Dental: Printer jams\",\"start_at\":\"" + utcStart + "\",\"end_at\":\""
            + start.plus(Duration.ofMinutes(90)) + "\",\"appointment_type_id\":4322,\"ticket_id\":" + NEW_TICKET
            + ",\"customer_id\":77,\"user_id\":1735,\"user_ids\":[1735],\"do_not_email\":true,"
            + "\"location\":\"1 Main St, Springfield\"}")));
    assertThat(utcStart).endsWith("Z");
    assertThat(done.steps()).extracting(s -> s.resultId()).containsExactly(NEW_TICKET, 880L, 990L);
    // the result shows the ticket NUMBER read from .ticket.number (R26)
    JsonNode last = bot.awaitPost(click, "Done.");
    assertThat(text(last)).contains("ticket #32299", "is in Syncro");
  }

  @Test
  void noStart_noAppointment_twoCallsOnly_R14() throws Exception {
    ticketPost(created());
    commentPost(okJson("{\"comment\":{\"id\":880}}"));
    WriteFlowHarness.Preview p = preview("Printer jams", null);
    assertThat(text(p.message())).doesNotContain("Do not invite").contains("The address is not sent");

    confirm(p.planId());
    Plan done = bot.awaitState(p.planId(), PlanState.DONE);

    assertThat(done.steps()).hasSize(2);
    assertThat(posts(APPOINTMENTS)).isZero();
  }

  @Test
  void draftTheDescription_goesThroughTheDraftingSeam_andSaysHowItWasDrafted_R13() throws Exception {
    WriteFlowHarness.Sent[] sent = new WriteFlowHarness.Sent[1];
    JsonNode form = openForm(sent);
    CreateFlows.Values values = CreateFlows.createForm("Printer jams", null)
        .text("description", "create_description", "printer <tray 2> jams")
        .checked("draft", "create_draft");

    assertThat(flows.submit(JANE, form, values).body()).isEmpty();

    JsonNode preview = bot.awaitPost(sent[0].responsePath(), "Details");
    WriteFlowHarness.assertWords(WriteFlowHarness.readable(preview));
    // the bot runs without a language model here: the seam keeps the technician's words and says so
    // shown as Slack shows "<tray 2>" (escaped mrkdwn)
    assertThat(text(preview)).contains("Drafted without the language model", "printer &lt;tray 2&gt; jams");
    Plan plan = bot.plans.find(WriteFlowHarness.planId(preview)).orElseThrow();
    assertThat(plan.step(1).request().body().path("body").asText()).isEqualTo("printer &lt;tray 2&gt; jams");
  }

  @Test
  void ticketPostLost_butLanded_foundByTicketCreated_noSecondTicket_restGoesToIt_R2() throws Exception {
    ticketPost(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
    commentPost(okJson("{\"comment\":{\"id\":880}}"));
    appointmentPost(okJson("{\"appointment\":{\"id\":990}}"));
    WriteFlowHarness.Preview p = preview("Printer jams", tuesdayEvening());
    bot.syncro.stubFor(get(urlPathEqualTo(TICKETS)).withQueryParam("customer_id", equalTo("77")).willReturn(okJson(
        "{\"tickets\":[" + CreateFlows.ticketJson(6900, 31000, "Printer jams", bot.clock.instant().minus(
            Duration.ofDays(3))) + "," + CreateFlows.ticketJson(NEW_TICKET, NEW_NUMBER, "Printer jams",
                bot.clock.instant().plusSeconds(1))
            + "],\"meta\":{\"total_pages\":1}}")));

    // the number comes from reading the ticket, since the create answer was lost
    bot.syncro.stubFor(get(urlPathEqualTo(TICKETS + "/" + NEW_TICKET)).willReturn(okJson("{\"ticket\":"
        + CreateFlows.ticketJson(NEW_TICKET, NEW_NUMBER, "Printer jams", bot.clock.instant()) + "}")));

    String click = confirm(p.planId());
    Plan done = bot.awaitState(p.planId(), PlanState.DONE);

    bot.syncro.verify(exactly(1), postRequestedFor(urlPathEqualTo(TICKETS)));
    assertThat(done.step(0).resultId()).isEqualTo(NEW_TICKET);
    assertThat(done.step(0).verification()).contains("found: ticket #32299");
    assertThat(posts(NEW_COMMENT)).isEqualTo(1);
    assertThat(posts(APPOINTMENTS)).isEqualTo(1);
    assertThat(text(bot.awaitPost(click, "Done."))).contains("ticket #32299");
  }

  @Test
  void ticketPostRefused422_failedWithSyncrosMessage_nothingElseSent_R17() throws Exception {
    ticketPost(refused("Subject can't be blank"));
    WriteFlowHarness.Preview p = preview("Printer jams", tuesdayEvening());

    String click = confirm(p.planId());
    Plan failed = bot.awaitState(p.planId(), PlanState.FAILED);

    assertThat(failed.note()).contains("Subject can't be blank", "Nothing was written to Syncro");
    assertThat(failed.step(1).state()).isEqualTo(StepState.PENDING);
    bot.syncro.verify(exactly(1), postRequestedFor(urlPathEqualTo(TICKETS)));
    assertThat(posts(NEW_COMMENT)).isZero();
    assertThat(posts(APPOINTMENTS)).isZero();
    JsonNode shown = bot.awaitPost(click, "Failed.");
    assertThat(actionIds(shown)).doesNotContain("create_finish");
  }

  @Test
  void commentRefusedAfterTicketCreated_resultNamesTheTicket_finishSendsTheRestOnce_R2() throws Exception {
    ticketPost(created());
    bot.syncro.stubFor(post(urlPathEqualTo(NEW_COMMENT)).inScenario("comment").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(refused("Body contains unsupported markup")).willSetStateTo("fixed"));
    bot.syncro.stubFor(post(urlPathEqualTo(NEW_COMMENT)).inScenario("comment").whenScenarioStateIs("fixed")
        .willReturn(okJson("{\"comment\":{\"id\":881}}")));
    appointmentPost(okJson("{\"appointment\":{\"id\":990}}"));
    WriteFlowHarness.Preview p = preview("Printer jams", tuesdayEvening());

    String click = confirm(p.planId());
    bot.awaitState(p.planId(), PlanState.FAILED);
    JsonNode failed = bot.awaitPost(click, "Failed.");
    assertThat(text(failed)).contains("ticket #32299 was created in Syncro", "Body contains unsupported markup",
        "Finish the remaining steps", "did not happen");
    assertThat(posts(APPOINTMENTS)).isZero();

    // Finish: a new preview with only the comment and the appointment, for ticket #32299
    String finishPath = newPath();
    bot.click(JANE, "create_finish", p.planId(), finishPath, actionTs());
    JsonNode followUp = bot.awaitPost(finishPath, "Details");
    WriteFlowHarness.assertWords(WriteFlowHarness.readable(followUp));
    String followUpId = WriteFlowHarness.planId(followUp);
    assertThat(text(followUp)).contains("#32299", "Finish #32299", "is not created again");
    Plan prepared = bot.plans.find(followUpId).orElseThrow();
    assertThat(prepared.steps()).hasSize(2);
    assertThat(prepared.step(0).request().path()).isEqualTo("/tickets/" + NEW_TICKET + "/comment");
    // a second click does not prepare a second follow-up: it shows the prepared one again
    String again = newPath();
    bot.click(JANE, "create_finish", p.planId(), again, actionTs());
    assertThat(WriteFlowHarness.planId(bot.awaitPost(again, "Details"))).isEqualTo(followUpId);

    confirm(followUpId);
    bot.awaitState(followUpId, PlanState.DONE);

    bot.syncro.verify(exactly(1), postRequestedFor(urlPathEqualTo(TICKETS)));
    assertThat(posts(NEW_COMMENT)).isEqualTo(2);
    assertThat(posts(APPOINTMENTS)).isEqualTo(1);
    bot.syncro.verify(postRequestedFor(urlPathEqualTo(APPOINTMENTS)).withRequestBody(equalToJson(
        "{\"ticket_id\":" + NEW_TICKET + "}", true, true)));
  }

  @Test
  void appointmentRefusedAfterTicketAndComment_finishSendsOnlyTheAppointment_R2() throws Exception {
    ticketPost(created());
    commentPost(okJson("{\"comment\":{\"id\":880}}"));
    bot.syncro.stubFor(post(urlPathEqualTo(APPOINTMENTS)).inScenario("appt").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(refused("Start at is outside business hours")).willSetStateTo("fixed"));
    bot.syncro.stubFor(post(urlPathEqualTo(APPOINTMENTS)).inScenario("appt").whenScenarioStateIs("fixed")
        .willReturn(okJson("{\"appointment\":{\"id\":991}}")));
    WriteFlowHarness.Preview p = preview("Printer jams", tuesdayEvening());

    String click = confirm(p.planId());
    bot.awaitState(p.planId(), PlanState.FAILED);
    assertThat(text(bot.awaitPost(click, "Failed."))).contains("ticket #32299 was created in Syncro",
        "outside business hours", "Create the Onsite appointment");

    String finishPath = newPath();
    bot.click(JANE, "create_finish", p.planId(), finishPath, actionTs());
    String followUpId = WriteFlowHarness.planId(bot.awaitPost(finishPath, "Details"));
    assertThat(bot.plans.find(followUpId).orElseThrow().steps()).hasSize(1);
    confirm(followUpId);
    bot.awaitState(followUpId, PlanState.DONE);

    bot.syncro.verify(exactly(1), postRequestedFor(urlPathEqualTo(TICKETS)));
    assertThat(posts(NEW_COMMENT)).isEqualTo(1);
    assertThat(posts(APPOINTMENTS)).isEqualTo(2);
  }

  @Test
  void finish_byAnotherUser_refused_nothingPrepared_R1() throws Exception {
    ticketPost(created());
    commentPost(refused("nope"));
    WriteFlowHarness.Preview p = preview("Printer jams", null);
    confirm(p.planId());
    bot.awaitState(p.planId(), PlanState.FAILED);
    bot.connect(WriteFlowHarness.BOB, "Bob Tech");

    String path = newPath();
    bot.click(WriteFlowHarness.BOB, "create_finish", p.planId(), path, actionTs());

    bot.awaitPost(path, "Only <@U0JANE>");
    assertThat(flows.plansStored()).isEqualTo(1);
  }
}
