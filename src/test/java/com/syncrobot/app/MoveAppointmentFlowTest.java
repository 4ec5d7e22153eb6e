package com.syncrobot.app;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.syncrobot.app.WriteFlowHarness.API;
import static com.syncrobot.app.WriteFlowHarness.JANE;
import static com.syncrobot.app.WriteFlowHarness.JSON;
import static com.syncrobot.app.WriteFlowHarness.actionTs;
import static com.syncrobot.app.WriteFlowHarness.newPath;
import static com.syncrobot.app.WriteFlowHarness.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.syncrobot.write.PlanState;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 5, {@code /syncro move-appointment}: the client-side filter over every page of {@code GET
 * /appointments}, the pick → modal → old/new preview → PUT flow, and the start read back (R15),
 * through signed requests to a running {@link BotServer}.
 */
final class MoveAppointmentFlowTest {
  static final ZoneId LA = ZoneId.of(CreateFlows.LA);
  static final String MOVED = API + "/appointments/991";

  @RegisterExtension
  static final WriteFlowHarness bot = WriteFlowHarness.builder().syncroOnWireMock().connect(JANE, "Jane Tech").build();
  CreateFlows flows;
  Instant start;

  @BeforeEach
  void begin() throws Exception {
    bot.ticketExists("In Progress");
    flows = new CreateFlows(bot, CreateFlows.LA);
    start = CreateFlows.nextTuesdayEvening(bot.clock.instant(), LA);
  }

  private static String appointment(long id, String summary, Long customer, Long ticket, Instant at) {
    return "{\"appointment\":{\"id\":" + id + ",\"summary\":" + CreateFlows.str(summary) + ",\"start_at\":\"" + at
        + "\",\"end_at\":\"" + at.plus(Duration.ofMinutes(90)) + "\",\"customer_id\":" + customer + ",\"ticket_id\":"
        + ticket + ",\"appointment_type_id\":4322}}";
  }

  /** The appointments listing, one page per argument (each a comma-joined list of items). */
  private void listing(String... pages) {
    for (int i = 0; i < pages.length; i++) {
      bot.syncro
          .stubFor(get(urlPathEqualTo(API + "/appointments")).withQueryParam("page", equalTo(Integer.toString(i + 1)))
              .willReturn(okJson("{\"appointments\":[" + pages[i] + "],\"meta\":{\"total_pages\":" + pages.length
                  + ",\"page\":" + (i + 1) + "}}")));
    }
  }

  private String acmeOnly() {
    return appointment(991, "Onsite visit", 77L, 9001L, start);
  }

  /** Runs the command and returns the list it replied with. */
  private JsonNode list(String arg) throws Exception {
    WriteFlowHarness.Sent sent = bot.command(JANE, "move-appointment " + arg);
    assertThat(sent.ack().statusCode()).isEqualTo(200);
    return WriteFlowHarness.await(() -> bot.posts(sent.responsePath()), l -> !l.isEmpty(), "the list").get(0);
  }

  private static List<String> moveValues(JsonNode list) {
    List<String> values = new ArrayList<>();
    for (JsonNode b : list.path("blocks")) {
      JsonNode a = b.path("accessory");
      if ("move_appointment_pick".equals(a.path("action_id").asText())) {
        values.add(a.path("value").asText());
      }
    }
    return values;
  }

  @Test
  void list_walksEveryPage_keepsOnlyTheCustomers_evenThoughSyncroReturnsOthers_R15() throws Exception {
    listing(
        appointment(1, "Burger Co: fryer", 78L, null, start) + "," + appointment(2, "Zed Ltd review", 79L, null, start),
        appointment(3, "Quarterly check", 78L, null, start.plus(Duration.ofDays(1))),
        appointment(991, "Onsite visit", 77L, 9001L, start) + ","
            + appointment(992, "Acme Dental: printer follow-up", null, null, start.plus(Duration.ofDays(2))) + ","
            + appointment(993, "Other customer, ticket of theirs", 80L, 9001L, start.plus(Duration.ofDays(3))));

    JsonNode list = list("acme");

    String shown = text(list);
    assertThat(moveValues(list)).hasSize(2);
    assertThat(shown).contains("2 upcoming appointments", "Onsite visit", "Acme Dental: printer follow-up", "#32203",
        "Onsite", "Tuesday", "18:00", "America/Los_Angeles");
    assertThat(shown).doesNotContain("Burger", "Zed", "Quarterly", "Other customer");
    for (int page = 1; page <= 3; page++) {
      bot.syncro.verify(getRequestedFor(urlPathEqualTo(API + "/appointments"))
          .withQueryParam("page", equalTo(Integer.toString(page)))
          .withQueryParam("date_from", equalTo(LocalDate.ofInstant(bot.clock.instant(), LA).toString())));
    }
  }

  @Test
  void list_byTicketNumber_keepsOnlyThatTicketsAppointments_R26() throws Exception {
    listing(appointment(991, "Onsite visit", 77L, 9001L, start) + ","
        + appointment(994, "Acme Dental: other ticket", 77L, 9002L, start));

    JsonNode list = list("32203");

    assertThat(moveValues(list)).hasSize(1);
    assertThat(text(list)).contains("Onsite visit").doesNotContain("other ticket");
  }

  @Test
  void list_unknownTicketNumber_saysSo_R17() throws Exception {
    bot.syncro.stubFor(get(urlPathEqualTo(API + "/tickets")).withQueryParam("number", equalTo("999"))
        .willReturn(okJson("{\"tickets\":[],\"meta\":{\"total_pages\":1}}")));

    assertThat(text(list("999"))).contains("Ticket #999 does not exist in Syncro.");
  }

  /** Lists, picks the appointment and returns the move modal the bot opened. */
  private JsonNode pick(String clickPath) throws Exception {
    listing(acmeOnly());
    String value = moveValues(list("acme")).get(0);
    bot.slack.resetRequests();
    bot.click(JANE, "move_appointment_pick", value, clickPath, actionTs());
    return bot.lastOpenedView();
  }

  private WriteFlowHarness.Preview movePreview(Instant newStart) throws Exception {
    String listPath = newPath();
    JsonNode modal = pick(listPath);
    assertThat(modal.path("callback_id").asText()).isEqualTo("syncro_move_appointment");
    assertThat(modal.toString()).contains("keeps the length (1 h 30 min)", "Tuesday");
    HttpResponse<String> ack = flows.submit(JANE, modal, new CreateFlows.Values()
        .dateTime("start", "move_start", newStart));
    assertThat(ack.body()).isEmpty();
    JsonNode preview = bot.awaitPost(listPath, "Details");
    WriteFlowHarness.assertWords(WriteFlowHarness.readable(preview));
    return new WriteFlowHarness.Preview(WriteFlowHarness.planId(preview), preview, listPath);
  }

  @Test
  void move_previewOldToNewWithWeekdays_putsUtcKeepingTheLength_readBackMatches_R15() throws Exception {
    Instant newStart = start.plus(Duration.ofHours(15));
    bot.syncro.stubFor(put(urlPathEqualTo(MOVED)).willReturn(okJson("{\"appointment\":{\"id\":991,\"start_at\":\""
        + newStart + "\"}}")));

    WriteFlowHarness.Preview p = movePreview(newStart);

    assertThat(text(p.message())).contains("From", "Tuesday", "18:00", "To", "Wednesday", "09:00", "1 h 30 min",
        "#32203");
    String click = newPath();
    bot.click(JANE, "plan_confirm", p.planId(), click, actionTs());
    bot.awaitState(p.planId(), PlanState.DONE);

    bot.syncro.verify(exactly(1), putRequestedFor(urlPathEqualTo(MOVED)).withRequestBody(equalToJson(
        "{\"start_at\":\"" + newStart + "\",\"end_at\":\"" + newStart.plus(Duration.ofMinutes(90)) + "\"}")));
    assertThat(text(bot.awaitPost(click, "Done."))).contains("Start returned by Syncro", "as asked", "Wednesday");
  }

  @Test
  void move_syncroReturnsAnotherStart_resultSaysWhatSyncroHolds_R15() throws Exception {
    Instant newStart = start.plus(Duration.ofHours(15));
    Instant held = newStart.plus(Duration.ofHours(8));
    bot.syncro.stubFor(put(urlPathEqualTo(MOVED)).willReturn(okJson("{\"appointment\":{\"id\":991,\"start_at\":\""
        + held.atZone(ZoneId.of("America/New_York")).toOffsetDateTime() + "\"}}")));
    WriteFlowHarness.Preview p = movePreview(newStart);

    String click = newPath();
    bot.click(JANE, "plan_confirm", p.planId(), click, actionTs());
    bot.awaitState(p.planId(), PlanState.DONE);

    String result = text(bot.awaitPost(click, "Done."));
    assertThat(result).contains("Syncro holds a different start", held.toString(), "not the asked",
        newStart.toString());
    assertThat(result).contains("Wednesday " + newStart.atZone(LA).getDayOfMonth());
  }

  @Test
  void move_endBeforeStart_flaggedOnTheField_nothingPlanned() throws Exception {
    JsonNode modal = pick(newPath());
    Instant newStart = start.plus(Duration.ofDays(1));

    HttpResponse<String> ack = flows.submit(JANE, modal, new CreateFlows.Values()
        .dateTime("start", "move_start", newStart).dateTime("end", "move_end", newStart.minus(Duration.ofHours(2))));

    JsonNode errors = JSON.readTree(ack.body()).path("errors");
    assertThat(errors.path("end").asText()).contains("must be after the start");
    assertThat(flows.plansStored()).isZero();
  }
}
