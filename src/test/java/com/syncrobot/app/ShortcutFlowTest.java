package com.syncrobot.app;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.syncrobot.app.WriteFlowHarness.API;
import static com.syncrobot.app.WriteFlowHarness.COMMENT;
import static com.syncrobot.app.WriteFlowHarness.JANE;
import static com.syncrobot.app.WriteFlowHarness.JSON;
import static com.syncrobot.app.WriteFlowHarness.actionTs;
import static com.syncrobot.app.WriteFlowHarness.newPath;
import static com.syncrobot.app.WriteFlowHarness.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.syncrobot.write.PlanState;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 5's message shortcuts through signed {@code message_action} payloads to a running {@link
 * BotServer}: "Create Syncro ticket" prefills the create modal from the message, "Add to Syncro
 * ticket" previews the ordinary comment with a link back; both post the result in the thread.
 */
final class ShortcutFlowTest {
  static final String MESSAGE = "Printer on the 2nd floor jams\nSince Monday <@U0BOB> saw it &amp; "
      + "<https://hp.test/kb|the"
      + " HP page> says 'reseat'";
  static final String THREAD = "1699999999.000001";

  @RegisterExtension
  static final WriteFlowHarness bot = WriteFlowHarness.builder().syncroOnWireMock().connect(JANE, "Jane Tech").build();
  CreateFlows flows;

  @BeforeEach
  void begin() throws Exception {
    bot.ticketExists("In Progress");
    flows = new CreateFlows(bot, CreateFlows.LA);
  }

  private List<Map<String, String>> threadPosts() {
    return flows.postedMessages().stream().filter(m -> m.containsKey("thread_ts")).toList();
  }

  @Test
  void createTicketShortcut_prefillsFromTheMessage_thenPostsTheResultInItsThread_R14() throws Exception {
    String path = newPath();
    HttpResponse<String> ack = flows.shortcut(JANE, "create_ticket_from_message", MESSAGE, THREAD, path);

    assertThat(ack.statusCode()).isEqualTo(200);
    assertThat(bot.lastOpenedView().path("callback_id").asText()).isEqualTo("syncro_create");
    JsonNode form = flows.lastUpdatedView(1);
    String all = form.toString();
    assertThat(all).contains("\"initial_value\":\"Printer on the 2nd floor jams\"");
    assertThat(all).contains("Since Monday @U0BOB saw it & the HP page (https://hp.test/kb) says 'reseat'",
        "From Slack: " + CreateFlows.PERMALINK);

    bot.syncro.stubFor(post(urlPathEqualTo(API + "/tickets")).willReturn(okJson(
        "{\"ticket\":{\"id\":7001,\"number\":32299}}")));
    bot.syncro
        .stubFor(post(urlPathEqualTo(API + "/tickets/7001/comment")).willReturn(okJson("{\"comment\":{\"id\":1}}")));
    CreateFlows.Values values = CreateFlows.createForm("Printer on the 2nd floor jams", null)
        .text("description", "create_description", "Jams & stops <again>\nFrom Slack: " + CreateFlows.PERMALINK);
    assertThat(flows.submit(JANE, form, values).body()).isEmpty();
    String planId = WriteFlowHarness.planId(bot.awaitPost(path, "Details"));
    bot.click(JANE, "plan_confirm", planId, newPath(), actionTs());
    bot.awaitState(planId, PlanState.DONE);

    // the description is plain text: what HTML reads as markup is escaped (R8)
    bot.syncro.verify(postRequestedFor(urlPathEqualTo(API + "/tickets/7001/comment")).withRequestBody(equalToJson(
        "{\"body\":\"Jams &amp; stops &lt;again&gt;<br>From Slack: " + CreateFlows.PERMALINK + "\"}", true, true)));
    List<Map<String, String>> posted = WriteFlowHarness.await(this::threadPosts, l -> !l.isEmpty(), "thread post");
    assertThat(posted).singleElement().satisfies(m -> {
      assertThat(m.get("channel")).isEqualTo("C0001");
      assertThat(m.get("thread_ts")).isEqualTo(THREAD);
      assertThat(m.get("text")).contains("<@U0JANE> created Syncro ticket #32299", "Printer on the 2nd floor jams");
    });
  }

  /** Opens "Add to Syncro ticket" on a message outside any thread; returns the modal. */
  private JsonNode commentModal(String path) throws Exception {
    bot.slack.resetRequests();
    HttpResponse<String> ack = flows.shortcut(JANE, "comment_from_message", MESSAGE, null, path);
    assertThat(ack.statusCode()).isEqualTo(200);
    JsonNode modal = bot.lastOpenedView();
    assertThat(modal.path("callback_id").asText()).isEqualTo("syncro_comment_from_message");
    return modal;
  }

  private static CreateFlows.Values commentValues(String ticket, String text) {
    return new CreateFlows.Values().text("ticket", "value", ticket).radio("audience", "value", "internal")
        .text("text", "value", text);
  }

  @Test
  void addToTicketShortcut_internalByDefault_commentLinksBack_resultInTheThread_R1() throws Exception {
    String path = newPath();
    JsonNode modal = commentModal(path);
    assertThat(modal.toString()).contains("\"initial_option\":{\"text\":{\"type\":\"plain_text\",\"text\":"
        + "\"Internal note\"", "Since Monday @U0BOB saw it & the HP page");
    bot.commentPostCreates(777);

    assertThat(flows.submit(JANE, modal, commentValues("#32203", "Jams since Monday")).body()).isEmpty();
    JsonNode preview = bot.awaitPost(path, "Details");
    WriteFlowHarness.assertWords(WriteFlowHarness.readable(preview));
    assertThat(text(preview)).contains("Internal note — only technicians see it", "#32203", "Jams since Monday",
        "From Slack: " + CreateFlows.PERMALINK);
    String planId = WriteFlowHarness.planId(preview);
    bot.click(JANE, "plan_confirm", planId, newPath(), actionTs());
    bot.awaitState(planId, PlanState.DONE);

    bot.syncro.verify(exactly(1), postRequestedFor(urlPathEqualTo(COMMENT)).withRequestBody(equalToJson(
        "{\"subject\":\"From Slack\",\"body\":\"Jams since Monday<br><br>From Slack: <a href=\\\""
            + CreateFlows.PERMALINK + "\\\">" + CreateFlows.PERMALINK + "</a>\",\"hidden\":true,"
            + "\"do_not_email\":true,\"tech\":\"Jane Tech\"}")));
    List<Map<String, String>> posted = WriteFlowHarness.await(this::threadPosts, l -> !l.isEmpty(), "thread post");
    assertThat(posted).singleElement().satisfies(m -> {
      // a message outside a thread starts one: thread_ts is the message's own ts
      assertThat(m.get("thread_ts")).isEqualTo("1700000000.000100");
      assertThat(m.get("text")).contains("added this message to Syncro ticket #32203 as an internal note");
    });
  }

  @Test
  void addToTicketShortcut_unknownTicket_toldSo_nothingSent_R26() throws Exception {
    String path = newPath();
    JsonNode modal = commentModal(path);
    bot.syncro.stubFor(get(urlPathEqualTo(API + "/tickets")).withQueryParam("number", equalTo("999"))
        .willReturn(okJson("{\"tickets\":[],\"meta\":{\"total_pages\":1}}")));

    assertThat(flows.submit(JANE, modal, commentValues("999", "Jams")).body()).isEmpty();

    bot.awaitPost(path, "Ticket #999 does not exist in Syncro.");
    assertThat(flows.plansStored()).isZero();
    assertThat(bot.count(postRequestedFor(urlPathEqualTo(COMMENT)))).isZero();
  }

  @Test
  void addToTicketShortcut_notANumberOrEmptyText_flaggedOnTheFields() throws Exception {
    JsonNode modal = commentModal(newPath());

    JsonNode errors = JSON.readTree(flows.submit(JANE, modal, commentValues("abc", " ")).body()).path("errors");

    assertThat(errors.path("ticket").asText()).contains("is not a ticket number");
    assertThat(errors.path("text").asText()).contains("empty");
  }

  @Test
  void shortcut_withoutAToken_saysHowToConnect_opensNothing_R11() throws Exception {
    String path = newPath();
    bot.slack.resetRequests();

    flows.shortcut("U0NOBODY", "comment_from_message", MESSAGE, null, path);

    bot.awaitPost(path, "/syncro connect");
    assertThat(bot.slack.findAll(postRequestedFor(urlPathEqualTo("/api/views.open")))).isEmpty();
  }
}
