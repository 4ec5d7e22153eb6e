package com.syncrobot.app;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.syncrobot.app.WriteFlowHarness.BOB;
import static com.syncrobot.app.WriteFlowHarness.COMMENT;
import static com.syncrobot.app.WriteFlowHarness.COMMENTS;
import static com.syncrobot.app.WriteFlowHarness.JANE;
import static com.syncrobot.app.WriteFlowHarness.JSON;
import static com.syncrobot.app.WriteFlowHarness.TICKET;
import static com.syncrobot.app.WriteFlowHarness.actionIds;
import static com.syncrobot.app.WriteFlowHarness.actionTs;
import static com.syncrobot.app.WriteFlowHarness.newPath;
import static com.syncrobot.app.WriteFlowHarness.text;
import static com.syncrobot.testkit.Fixtures.SYNCRO_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.syncrobot.testkit.Forms;
import com.syncrobot.write.Plan;
import com.syncrobot.write.PlanState;
import com.syncrobot.write.StepState;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 3 end to end: the comment / close commands and the plan buttons through real signed HTTP
 * requests to a running {@link BotServer}, with a real SQLite file and Slack and Syncro on WireMock.
 */
final class SafeWriteFlowTest {
  @RegisterExtension
  static final WriteFlowHarness bot = WriteFlowHarness.builder().syncroOnWireMock().connect(JANE, "Jane Tech").build();

  @BeforeEach
  void start() throws Exception {
    bot.ticketExists("In Progress");
  }

  @AfterEach
  void stopAndCheckSecrets_R11() {
    bot.close();
    // The Syncro token never reaches Slack: not in a preview, a modal, a DM or the audit line.
    for (ServeEvent e : bot.slack.getAllServeEvents()) {
      assertThat(e.getRequest().getUrl()).doesNotContain(SYNCRO_TOKEN);
      assertThat(e.getRequest().getBodyAsString()).doesNotContain(SYNCRO_TOKEN).doesNotContain("api_key");
    }
  }

  private JsonNode confirm(String planId, String path) {
    HttpResponse<String> ack = bot.click(JANE, "plan_confirm", planId, path, actionTs());
    assertThat(ack.statusCode()).isEqualTo(200);
    return null;
  }

  // ---- happy path and preview content ----------------------------------------------------------

  @Test
  void comment_previewThenConfirm_postsFlatCommentOnceAndShowsDoneWithId_R1_R3() throws Exception {
    bot.commentPostCreates(555);
    WriteFlowHarness.Preview p = bot.preview("comment", "Update", "Replaced the toner.\nPrinter online.", "INTERNAL");

    String shown = text(p.message());
    // the five-second read: one sentence with ticket, customer, what is written and whose token
    assertThat(shown).contains("On *#32203* Printer offline for *Acme Dental*: post internal note. Sent as *Jane Tech*"
        + " with your Syncro token.", "Internal note — only technicians see it", "Expires");
    assertThat(actionIds(p.message())).containsExactly("plan_confirm", "plan_cancel", "plan_show_request");
    // Stored before shown, nothing sent before Confirm (R1).
    assertThat(bot.plans.find(p.planId()))
        .hasValueSatisfying(pl -> assertThat(pl.state()).isEqualTo(PlanState.PREVIEWED));
    assertThat(bot.count(postRequestedFor(urlPathEqualTo(COMMENT)))).isZero();

    String click = newPath();
    confirm(p.planId(), click);
    Plan done = bot.awaitState(p.planId(), PlanState.DONE);
    assertThat(done.step(0).resultId()).isEqualTo(555L);
    assertThat(bot.count(postRequestedFor(urlPathEqualTo(COMMENT)))).isEqualTo(1);
    bot.syncro.verify(postRequestedFor(urlPathEqualTo(COMMENT)).withRequestBody(equalToJson(
        "{\"subject\":\"Update\",\"body\":\"Replaced the toner.<br>Printer online.\",\"hidden\":true,"
            + "\"do_not_email\":true,\"tech\":\"Jane Tech\"}")));
    JsonNode last = bot.awaitPost(click, "Done.");
    assertThat(last.path("replace_original").asBoolean()).isTrue();
    // the result names what people know; Syncro's internal ids are only under Details (and in the audit line)
    assertThat(text(last)).doesNotContain("555");
    assertThat(actionIds(last)).containsExactly("plan_show_request");
    // One audit line in the audit channel.
    WriteFlowHarness.await(() -> bot.slack.findAll(postRequestedFor(urlPathEqualTo("/api/chat.postMessage"))),
        l -> l.stream().anyMatch(r -> r.getBodyAsString().contains("CAUDIT")), "audit line");
    bot.slack.resetRequests();
    bot.click(JANE, "plan_show_request", p.planId(), newPath(), actionTs());
    assertThat(bot.lastOpenedView().toString()).contains("Syncro id 555");
  }

  @Test
  void showRequest_opensModalWithExactMethodPathAndBody_withoutToken_R1() throws Exception {
    WriteFlowHarness.Preview p = bot.preview("comment", "Update", "Hello <b>there</b>", "PUBLIC");
    assertThat(text(p.message())).contains("Public note — visible on the ticket, no email");
    bot.slack.resetRequests();
    bot.click(JANE, "plan_show_request", p.planId(), newPath(), actionTs());
    JsonNode view = bot.lastOpenedView();
    String all = view.toString();
    assertThat(all).contains("POST /tickets/9001/comment", "\\\"do_not_email\\\" : true", "\\\"hidden\\\" : false");
    assertThat(all).doesNotContain("api_key");
  }

  @Test
  void publicEmail_previewSaysLoudlyItEmailsTheCustomer_andListIsConverted_R8() throws Exception {
    WriteFlowHarness.Preview p = bot.preview("comment", "Update", "Done:<ul><li>toner</li><li>drum</li></ul>",
        "public_email");
    assertThat(text(p.message())).contains("PUBLIC + EMAILS THE CUSTOMER", "list into • lines");
    bot.commentPostCreates(556);
    confirm(p.planId(), newPath());
    bot.awaitState(p.planId(), PlanState.DONE);
    bot.syncro.verify(postRequestedFor(urlPathEqualTo(COMMENT)).withRequestBody(equalToJson(
        "{\"subject\":\"Update\",\"body\":\"Done:<br>• toner<br>• drum\",\"hidden\":false,\"do_not_email\":false,"
            + "\"tech\":\"Jane Tech\"}")));
  }

  // ---- exactly once ---------------------------------------------------------------------------

  @Test
  void doubleConfirm_twoConcurrentSignedClicks_exactlyOnePost_R2() throws Exception {
    bot.commentPostCreates(557);
    WriteFlowHarness.Preview p = bot.preview("comment", "Update", "Once only", "INTERNAL");
    CountDownLatch go = new CountDownLatch(1);
    String a = newPath();
    String b = newPath();
    CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> {
      await(go);
      return bot.click(JANE, "plan_confirm", p.planId(), a, actionTs());
    });
    CompletableFuture<HttpResponse<String>> second = CompletableFuture.supplyAsync(() -> {
      await(go);
      return bot.click(JANE, "plan_confirm", p.planId(), b, actionTs());
    });
    go.countDown();
    assertThat(first.get().statusCode()).isEqualTo(200);
    assertThat(second.get().statusCode()).isEqualTo(200);
    bot.awaitState(p.planId(), PlanState.DONE);
    // The losing click is told; wait for that before counting.
    WriteFlowHarness.await(() -> bot.posts(a).size() + bot.posts(b).size(), n -> n >= 2, "both clicks answered");
    assertThat(bot.count(postRequestedFor(urlPathEqualTo(COMMENT)))).isEqualTo(1);
  }

  @Test
  void redeliveredClick_sameActionTs_isAckedAndIgnored_R2() throws Exception {
    bot.commentPostCreates(558);
    WriteFlowHarness.Preview p = bot.preview("comment", "Update", "Redelivered", "INTERNAL");
    String path = newPath();
    String ts = actionTs();
    bot.click(JANE, "plan_confirm", p.planId(), path, ts);
    bot.awaitState(p.planId(), PlanState.DONE);
    bot.awaitPost(path, "Done.");
    int before = bot.posts(path).size();
    assertThat(bot.click(JANE, "plan_confirm", p.planId(), path, ts).statusCode()).isEqualTo(200);
    // A second click with new ids is answered ("already finished"); the redelivery is not.
    String other = newPath();
    bot.click(JANE, "plan_confirm", p.planId(), other, actionTs());
    bot.awaitPost(other, "already finished");
    assertThat(bot.posts(path)).hasSize(before);
    assertThat(bot.count(postRequestedFor(urlPathEqualTo(COMMENT)))).isEqualTo(1);
  }

  @Test
  void confirmByAnotherUser_refusedEphemerally_nothingChanges_R1() throws Exception {
    WriteFlowHarness.Preview p = bot.preview("comment", "Update", "Mine", "INTERNAL");
    String path = newPath();
    bot.click(BOB, "plan_confirm", p.planId(), path, actionTs());
    JsonNode refusal = bot.awaitPost(path, "Only <@U0JANE>");
    assertThat(refusal.path("replace_original").asBoolean()).isFalse();
    assertThat(refusal.path("response_type").asText()).isEqualTo("ephemeral");
    assertThat(bot.plans.find(p.planId()).orElseThrow().state()).isEqualTo(PlanState.PREVIEWED);
    assertThat(bot.count(postRequestedFor(urlPathEqualTo(COMMENT)))).isZero();
  }

  @Test
  void commentResponseLost_commentDidLand_noSecondPost_doneWithFoundId_R2() throws Exception {
    bot.commentPost(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
    WriteFlowHarness.Preview p = bot.preview("comment", "Update", "Swapped the drum", "INTERNAL");
    bot.comments("700", "Older", "something else", "701", "Update", "Swapped the drum");
    String path = newPath();
    confirm(p.planId(), path);
    Plan done = bot.awaitState(p.planId(), PlanState.DONE);
    assertThat(done.step(0).resultId()).isEqualTo(701L);
    assertThat(bot.count(postRequestedFor(urlPathEqualTo(COMMENT)))).isEqualTo(1);
    assertThat(bot.count(getRequestedFor(urlPathEqualTo(COMMENTS)))).isGreaterThanOrEqualTo(1);
    assertThat(text(bot.awaitPost(path, "Done."))).doesNotContain("Syncro id");
  }

  @Test
  void commentResponseLost_commentDidNotLand_offersSendAgain_oneClickOneMorePost_R2() throws Exception {
    bot.commentPost(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
    WriteFlowHarness.Preview p = bot.preview("comment", "Update", "Call back tomorrow", "INTERNAL");
    bot.comments("700", "Older", "something else");
    String path = newPath();
    confirm(p.planId(), path);
    // not called absent while the request may still land: the bot keeps checking until the settle window passed
    bot.awaitState(p.planId(), PlanState.WAITING);
    bot.clock.add(WriteFlowHarness.SETTLE.plusSeconds(1));
    Plan waiting = bot.awaitState(p.planId(), PlanState.NEEDS_DECISION);
    assertThat(waiting.step(0).state()).isEqualTo(StepState.ABSENT);
    JsonNode decision = bot.awaitPost(path, "Needs your decision");
    assertThat(actionIds(decision)).contains("plan_resend");
    assertThat(bot.count(postRequestedFor(urlPathEqualTo(COMMENT)))).isEqualTo(1);

    bot.commentPostCreates(702);
    String again = newPath();
    bot.click(JANE, "plan_resend", p.planId() + ":0", again, actionTs());
    Plan done = bot.awaitState(p.planId(), PlanState.DONE);
    assertThat(done.step(0).resultId()).isEqualTo(702L);
    // A second "Send it again" (another device) changes nothing.
    String late = newPath();
    bot.click(JANE, "plan_resend", p.planId() + ":0", late, actionTs());
    bot.awaitPost(late, "already decided");
    assertThat(bot.count(postRequestedFor(urlPathEqualTo(COMMENT)))).isEqualTo(2);
  }

  @Test
  void commentResponseLost_identicalCommentAlreadyOnTicket_notTakenForTheNewOne_R2() throws Exception {
    // The same note was posted a few minutes ago (the harness dates comments "now"); the new POST is lost.
    bot.comments("700", "Update", "Call back tomorrow");
    bot.commentPost(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
    WriteFlowHarness.Preview p = bot.preview("comment", "Update", "Call back tomorrow", "INTERNAL");
    String path = newPath();
    confirm(p.planId(), path);
    // within the settle window the identical old comment does not end the checking either
    Plan checking = bot.awaitState(p.planId(), PlanState.WAITING);
    assertThat(checking.step(0).state()).isEqualTo(StepState.UNKNOWN);
    assertThat(checking.step(0).resultId()).isNull();
    bot.clock.add(WriteFlowHarness.SETTLE.plusSeconds(1));
    Plan waiting = bot.awaitState(p.planId(), PlanState.NEEDS_DECISION);
    assertThat(waiting.step(0).state()).isEqualTo(StepState.ABSENT);
    assertThat(waiting.step(0).resultId()).isNull();
    assertThat(waiting.step(0).verification()).contains("were there before and do not count");
    assertThat(bot.count(postRequestedFor(urlPathEqualTo(COMMENT)))).isEqualTo(1);
  }

  @Test
  void close_restartBetweenSteps_secondBotResumes_stepOneNotRepeated_stepTwoOnce_R2() throws Exception {
    bot.commentPostCreates(800);
    // Step 2 is rate limited (not processed): the plan waits, then the bot "crashes".
    bot.statusPut(aResponse().withStatus(429));
    WriteFlowHarness.Preview p = bot.preview("close", "Resolution", "Replaced the fuser.", "INTERNAL");
    assertThat(text(p.message())).contains("post resolution (internal note), then set status Resolved");
    confirm(p.planId(), newPath());
    Plan waiting = bot.awaitState(p.planId(), PlanState.WAITING);
    assertThat(waiting.step(0).state()).isEqualTo(StepState.DONE);
    assertThat(waiting.step(1).state()).isEqualTo(StepState.PENDING);
    bot.stop();

    bot.syncro.resetRequests();
    bot.statusPut(okJson("{\"ticket\":" + WriteFlowHarness.ticketJson("Resolved") + "}"));
    bot.start();
    Plan done = bot.awaitState(p.planId(), PlanState.DONE);
    assertThat(done.step(0).resultId()).isEqualTo(800L);
    assertThat(bot.count(postRequestedFor(urlPathEqualTo(COMMENT)))).isZero();
    assertThat(bot.count(putRequestedFor(urlPathEqualTo(TICKET)))).isEqualTo(1);
    bot.syncro
        .verify(putRequestedFor(urlPathEqualTo(TICKET)).withRequestBody(equalToJson("{\"status\":\"Resolved\"}")));
  }

  @Test
  void close_done_readsStatusBack_sessionLogUploadedToDmAndWrittenToFolder_R16() throws Exception {
    bot.commentPostCreates(801);
    bot.statusPut(okJson("{\"ticket\":" + WriteFlowHarness.ticketJson("Resolved") + "}"));
    WriteFlowHarness.Preview p = bot.preview("close", "Resolution", "Replaced the fuser.", "INTERNAL");
    bot.ticketExists("Resolved");
    String path = newPath();
    confirm(p.planId(), path);
    bot.awaitState(p.planId(), PlanState.DONE);
    JsonNode done = bot.awaitPost(path, "Done.");
    assertThat(text(done)).contains("Status now (as Syncro answered):* Resolved").doesNotContain("801");
    assertThat(actionIds(done)).containsExactly("plan_session_log", "plan_show_request");

    bot.comments("801", "Resolution", "Replaced the fuser.", "700", "Initial Issue", "Printer shows offline");
    bot.slack.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/api/conversations.open"))
        .willReturn(okJson("{\"ok\":true,\"channel\":{\"id\":\"D0JANE\"}}")));
    bot.slack.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
        urlPathEqualTo("/api/files.getUploadURLExternal")).willReturn(
            okJson("{\"ok\":true,\"file_id\":\"F1\","
                + "\"upload_url\":\"" + bot.slack.baseUrl() + "/upload/F1\"}")));
    bot.slack.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/upload/F1"))
        .willReturn(aResponse().withStatus(200).withBody("OK")));
    bot.slack.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
        urlPathEqualTo("/api/files.completeUploadExternal")).willReturn(
            okJson("{\"ok\":true,\"files\":[{\"id\":"
                + "\"F1\",\"title\":\"Session log\"}]}")));
    bot.slack.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/api/files.info"))
        .willReturn(okJson("{\"ok\":true,\"file\":{\"id\":\"F1\"}}")));
    String logClick = newPath();
    bot.click(JANE, "plan_session_log", p.planId(), logClick, actionTs());
    bot.awaitPost(logClick, "Session log of #32203 sent to you as a file");
    assertThat(bot.slack.findAll(postRequestedFor(urlPathEqualTo("/api/files.completeUploadExternal"))).get(0)
        .getBodyAsString()).contains("D0JANE");
    String uploaded = bot.slack.findAll(postRequestedFor(urlPathEqualTo("/upload/F1"))).get(0).getBodyAsString();
    assertThat(uploaded).contains("# Ticket #32203", "Acme Dental", "Initial Issue", "## Resolution");
    Path file;
    try (Stream<Path> files = java.nio.file.Files.walk(bot.logDir())) {
      file = files.filter(f -> f.toString().endsWith(".md")).findFirst().orElseThrow();
    }
    assertThat(file.getParent().getFileName().toString()).isEqualTo("Acme Dental");
    assertThat(file.getFileName().toString()).startsWith("32203-");
    String md = java.nio.file.Files.readString(file);
    // Chronological: the initial issue (id 700) comes before the resolution (id 801).
    assertThat(md.indexOf("Initial Issue")).isLessThan(md.indexOf("**Resolution**"));
  }

  @Test
  void close_alreadyResolvedTicket_previewWarns_R16() throws Exception {
    bot.ticketExists("Resolved");
    WriteFlowHarness.Preview p = bot.preview("close", "Resolution", "Done.", "INTERNAL");
    assertThat(text(p.message())).contains("Warning: ticket #32203 is already Resolved");
  }

  // ---- update ---------------------------------------------------------------------------------

  private void stubSettings() {
    bot.syncro.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/api/v1/tickets/settings"))
        .willReturn(okJson("{\"ticket_status_list\":[\"New\",\"In Progress\",\"Waiting on Customer\","
            + "\"Resolved\"],\"priorities\":[\"1 High\",\"2 Normal\",\"3 Low\",\"4 Urgent\"]}")));
    bot.syncro.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/api/v1/settings"))
        .willReturn(okJson("{\"locale\":{\"time_zone\":\"UTC\"}}")));
    bot.slack.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/api/views.update"))
        .willReturn(okJson("{\"ok\":true,\"view\":{\"id\":\"V1\"}}")));
  }

  private JsonNode lastUpdatedView() throws Exception {
    var updated = WriteFlowHarness.await(() -> bot.slack.findAll(postRequestedFor(urlPathEqualTo("/api/views.update"))),
        l -> !l.isEmpty(), "views.update");
    return JSON.readTree(Forms.field(updated.get(updated.size() - 1).getBodyAsString(), "view"));
  }

  @Test
  void update_typedStatusPreselected_putsOnlyChangedField_showsStatusReadBack_R1() throws Exception {
    stubSettings();
    WriteFlowHarness.Sent c = bot.command(JANE, "update 32203 waiting on customer");
    assertThat(c.ack().statusCode()).isEqualTo(200);
    JsonNode form = lastUpdatedView();
    assertThat(form.toString()).contains("\"initial_option\":{\"text\":{\"type\":\"plain_text\",\"text\":"
        + "\"Waiting on Customer\"");
    String values = "{\"status\":{\"value\":{\"type\":\"static_select\",\"selected_option\":{\"value\":"
        + "\"Waiting on Customer\",\"text\":{\"type\":\"plain_text\",\"text\":\"W\"}}}},"
        + "\"priority\":{\"value\":{\"type\":\"static_select\",\"selected_option\":null}}}";
    String json = "{\"type\":\"view_submission\",\"team\":{\"id\":\"T0001\",\"domain\":\"acme\"},"
        + "\"user\":{\"id\":\"" + JANE + "\",\"username\":\"u\",\"name\":\"u\",\"team_id\":\"T0001\"},"
        + "\"api_app_id\":\"A0001\",\"token\":\"x\",\"trigger_id\":\"1.2.3\",\"view\":{\"id\":\"V1\","
        + "\"team_id\":\"T0001\",\"type\":\"modal\",\"callback_id\":\"syncro_update\",\"private_metadata\":"
        + SignedRequests.jsonString(form.path("private_metadata").asText()) + ",\"hash\":\"2.x\",\"state\":"
        + "{\"values\":" + values + "}},\"response_urls\":[]}";
    assertThat(bot.signed(SignedRequests.form(java.util.Map.of("payload", json)), SignedRequests.FORM).body())
        .isEmpty();
    JsonNode preview = bot.awaitPost(c.responsePath(), "Details");
    assertThat(text(preview)).contains("Status: In Progress →", "Waiting on Customer");
    String planId = WriteFlowHarness.planId(preview);

    bot.statusPut(okJson("{\"ticket\":" + WriteFlowHarness.ticketJson("Waiting on Customer") + "}"));
    bot.ticketExists("Waiting on Customer");
    String path = newPath();
    confirm(planId, path);
    bot.awaitState(planId, PlanState.DONE);
    JsonNode done = bot.awaitPost(path, "Done.");
    assertThat(text(done)).contains("Status now (as Syncro answered):* Waiting on Customer");
    bot.syncro.verify(1, putRequestedFor(urlPathEqualTo(TICKET))
        .withRequestBody(equalToJson("{\"status\":\"Waiting on Customer\"}")));
  }

  @Test
  void update_unknownStatus_listsValidStatuses_noPlan() throws Exception {
    stubSettings();
    WriteFlowHarness.Sent c = bot.command(JANE, "update 32203 Fixed");
    JsonNode told = bot.awaitPost(c.responsePath(), "is not a status");
    assertThat(text(told)).contains("New", "In Progress", "Waiting on Customer", "Resolved");
    assertThat(lastUpdatedView().toString()).contains("Valid statuses");
    assertThat(bot.syncro.findAll(putRequestedFor(urlPathEqualTo(TICKET)))).isEmpty();
  }

  // ---- expiry, cancel, refusals ----------------------------------------------------------------

  @Test
  void expiredPreview_confirmRefusedWithRerunOffer_nothingSent_R1() throws Exception {
    WriteFlowHarness.Preview p = bot.preview("comment", "Update", "Late", "INTERNAL");
    bot.clock.add(Duration.ofMinutes(31));
    String path = newPath();
    confirm(p.planId(), path);
    JsonNode told = bot.awaitPost(path, "expired");
    assertThat(text(told)).contains("/syncro comment 32203");
    assertThat(bot.plans.find(p.planId()).orElseThrow().state()).isEqualTo(PlanState.EXPIRED);
    assertThat(bot.count(postRequestedFor(urlPathEqualTo(COMMENT)))).isZero();
  }

  @Test
  void sweeper_stalePreview_expiredAndMessageUpdated() throws Exception {
    WriteFlowHarness.Preview p = bot.preview("comment", "Update", "Forgotten", "INTERNAL");
    bot.clock.add(Duration.ofMinutes(31));
    bot.server.sweepNow();
    assertThat(bot.plans.find(p.planId()).orElseThrow().state()).isEqualTo(PlanState.EXPIRED);
    JsonNode updated = bot.awaitPost(p.commandPath(), "This preview expired");
    assertThat(updated.path("replace_original").asBoolean()).isTrue();
    assertThat(actionIds(updated)).isEmpty();
  }

  @Test
  void cancel_discardsPlan_saysSo_thenConfirmRefused() throws Exception {
    WriteFlowHarness.Preview p = bot.preview("comment", "Update", "Never mind", "INTERNAL");
    String path = newPath();
    bot.click(JANE, "plan_cancel", p.planId(), path, actionTs());
    JsonNode cancelled = bot.awaitPost(path, "Cancelled.");
    assertThat(text(cancelled)).contains("Nothing was sent to Syncro");
    String later = newPath();
    confirm(p.planId(), later);
    bot.awaitPost(later, "was cancelled");
    assertThat(bot.count(postRequestedFor(urlPathEqualTo(COMMENT)))).isZero();
  }

  static Stream<Arguments> validationBodies() {
    return Stream.of(
        Arguments.of("{\"success\":false,\"message\":[\"Body can't be blank\"]}", "Body can't be blank"),
        Arguments.of("{\"errors\":\"Name can't be blank\",\"params\":{}}", "Name can't be blank"),
        Arguments.of("{\"error\":\"Customer required field\"}", "Customer required field"),
        Arguments.of("{\"errors\":[\"hidden must be true or false\"]}", "hidden must be true or false"),
        Arguments.of("{\"errors\":{\"subject\":[\"is too long\"]}}", "is too long"),
        Arguments.of("{\"message\":\"Subject is invalid\"}", "Subject is invalid"));
  }

  @ParameterizedTest
  @MethodSource("validationBodies")
  void close_commentRefusedWith422_failedWithSyncrosMessage_statusNotSent_R17(String body, String message)
      throws Exception {
    bot.commentPost(aResponse().withStatus(422).withHeader("Content-Type", "application/json").withBody(body));
    WriteFlowHarness.Preview p = bot.preview("close", "Resolution", "Fixed", "INTERNAL");
    String path = newPath();
    confirm(p.planId(), path);
    bot.awaitState(p.planId(), PlanState.FAILED);
    JsonNode failed = bot.awaitPost(path, "Failed.");
    assertThat(text(failed)).contains(message.replace("'", "'")).contains("Nothing was written to Syncro");
    assertThat(bot.count(postRequestedFor(urlPathEqualTo(COMMENT)))).isEqualTo(1);
    assertThat(bot.count(putRequestedFor(urlPathEqualTo(TICKET)))).isZero();
  }

  // ---- bad input ------------------------------------------------------------------------------

  @Test
  void badInput_unknownMissingOrNonNumeric_specificMessage_noModal() throws Exception {
    assertThat(JSON.readTree(bot.command(JANE, "comentt 32203").ack().body()).path("text").asText())
        .contains("Unknown subcommand");
    assertThat(JSON.readTree(bot.command(JANE, "comment").ack().body()).path("text").asText())
        .contains("Which ticket?", "/syncro comment 32203");
    assertThat(JSON.readTree(bot.command(JANE, "close abc").ack().body()).path("text").asText())
        .contains("`abc` is not a ticket number");
    assertThat(bot.slack.findAll(postRequestedFor(urlPathEqualTo("/api/views.open")))).isEmpty();
  }

  @Test
  void noTokenConnected_connectMessage_noModalNoSyncro_R11() throws Exception {
    bot.users.remove(JANE);
    String text = JSON.readTree(bot.command(JANE, "comment 32203").ack().body()).path("text").asText();
    assertThat(text).contains("/syncro connect");
    assertThat(bot.slack.findAll(postRequestedFor(urlPathEqualTo("/api/views.open")))).isEmpty();
    assertThat(bot.syncro.getAllServeEvents()).isEmpty();
  }

  @Test
  void ticketNotFound_onSubmission_saysSo_noPlan_R26() throws Exception {
    bot.syncro.resetMappings();
    bot.syncro.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/api/v1/tickets"))
        .willReturn(okJson("{\"tickets\":[],\"meta\":{\"total_pages\":1,\"page\":1}}")));
    WriteFlowHarness.Sent c = bot.command(JANE, "comment 32203 hello");
    JsonNode view = bot.lastOpenedView();
    assertThat(view.toString()).contains("hello");
    bot.submit(JANE, view, "Update", "hello", "INTERNAL", false, "V-nf");
    bot.awaitPost(c.responsePath(), "Ticket #32203 does not exist in Syncro.");
    assertThat(bot.syncro.findAll(postRequestedFor(urlPathEqualTo(COMMENT)))).isEmpty();
  }

  @Test
  void modal_emptyOverLongOrSecretInPublic_fieldErrors_noPlan_R8() throws Exception {
    bot.command(JANE, "comment 32203");
    JsonNode view = bot.lastOpenedView();
    assertThat(errors(bot.submit(JANE, view, "Update", "  ", "INTERNAL", false, "V-e1"))).containsKey("body");
    assertThat(errors(bot.submit(JANE, view, "Update", "x".repeat(4001), "INTERNAL", false, "V-e2")).get("body"))
        .contains("4001");
    // Only markup that becomes line breaks: escaped and converted, nothing would be left to send.
    assertThat(errors(bot.submit(JANE, view, "Update", "<br>\n<br/> <ul></ul>", "INTERNAL", false, "V-e3"))
        .get("body")).contains("no text to send");
    for (String secret : List.of("api_key=abc",
        SYNCRO_TOKEN.substring(0, 0) + "T0123456789abcdef-0123456789abcdef0123456789abcdef",
        "xoxb-123", "password: hunter2",
        // what only the billing review's copy of the rules refused before
        "Bearer abcdefghijklmnop12345", "client_secret=abcdef123", "wifi password is Hunter2024")) {
      assertThat(errors(bot.submit(JANE, view, "Update", "See " + secret, "PUBLIC", false, "V-s")).get("body"))
          .contains("visible to the customer");
    }
    // The same text as an internal note is allowed.
    assertThat(bot.submit(JANE, view, "Update", "password: in the vault", "INTERNAL", false, "V-ok").body()).isEmpty();
    assertThat(bot.syncro.findAll(postRequestedFor(urlPathEqualTo(COMMENT)))).isEmpty();
  }

  @Test
  void redeliveredSubmission_sameViewIdAndHash_oneplan_R2() throws Exception {
    WriteFlowHarness.Sent c = bot.command(JANE, "comment 32203");
    JsonNode view = bot.lastOpenedView();
    bot.submit(JANE, view, "Update", "twice?", "INTERNAL", false, "V-dup");
    bot.submit(JANE, view, "Update", "twice?", "INTERNAL", false, "V-dup");
    bot.awaitPost(c.responsePath(), "Details");
    int plans = bot.db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM plans").mapTo(Integer.class).one());
    assertThat(plans).isEqualTo(1);
  }

  private static java.util.Map<String, String> errors(HttpResponse<String> ack) throws Exception {
    JsonNode n = JSON.readTree(ack.body());
    assertThat(n.path("response_action").asText()).isEqualTo("errors");
    java.util.Map<String, String> out = new java.util.HashMap<>();
    n.path("errors").properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
