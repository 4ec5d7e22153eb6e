package com.syncrobot.playground.slack;

import static com.syncrobot.playground.slack.SimFixture.ALICE;
import static com.syncrobot.playground.slack.SimFixture.BOB;
import static com.syncrobot.playground.slack.SlackSimulator.SUPPORT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.syncrobot.playground.slack.FakeBot.Answer;
import com.syncrobot.playground.slack.FakeBot.Incoming;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Slash commands, messages, buttons and response_urls between the simulator and a fake bot. */
final class InteractionTest {
  static final Duration WAIT = Duration.ofSeconds(5);
  static final String BUTTONS = """
      [{"type":"section","text":{"type":"mrkdwn","text":"Bill *#32203*?"}},
       {"type":"actions","block_id":"decide","elements":[
         {"type":"button","action_id":"confirm","text":{"type":"plain_text","text":"Confirm"},"style":"primary",
          "value":"plan-7","confirm":{"title":{"type":"plain_text","text":"Sure?"},
          "text":{"type":"mrkdwn","text":"This writes to Syncro."},"confirm":{"type":"plain_text","text":"Yes"},
          "deny":{"type":"plain_text","text":"No"}}},
         {"type":"button","action_id":"cancel","text":{"type":"plain_text","text":"Cancel"},"style":"danger",
          "value":"plan-7"}]}]""";

  SimFixture f;

  @BeforeEach
  void start() throws Exception {
    f = new SimFixture();
  }

  @AfterEach
  void stop() {
    f.close();
  }

  @Test
  void slashCommand_signedFormReachesTheBot_andTheAckIsShownToTheAskerOnly() throws Exception {
    f.bot.on("command", in -> Answer.json("{\"text\":\"You asked: " + in.json().path("text").asText() + "\"}"));
    // Non-ASCII text: the bot checks an HMAC over UTF-8 bytes, as Slack computes it.
    BotAck ack = f.sim.runSlashCommand(ALICE, SUPPORT, "/syncro ticket Grüße 👋");
    assertThat(ack.ok()).isTrue();
    assertThat(f.bot.rejected()).isEmpty();
    JsonNode form = f.bot.last("command").json();
    assertThat(form.path("command").asText()).isEqualTo("/syncro");
    assertThat(form.path("text").asText()).isEqualTo("ticket Grüße 👋");
    assertThat(form.path("user_id").asText()).isEqualTo(ALICE);
    assertThat(form.path("user_name").asText()).isEqualTo("alice");
    assertThat(form.path("channel_id").asText()).isEqualTo(SUPPORT);
    assertThat(form.path("channel_name").asText()).isEqualTo("support");
    assertThat(form.path("team_id").asText()).isEqualTo("T0PLAYGND");
    assertThat(form.path("trigger_id").asText()).isNotBlank();
    assertThat(form.path("response_url").asText()).startsWith(f.sim.baseUrl() + "/response/");
    assertThat(f.sim.messagesVisibleTo(ALICE, SUPPORT)).singleElement()
        .satisfies(m -> {
          assertThat(m.text()).isEqualTo("You asked: ticket Grüße 👋");
          assertThat(m.ephemeralTo()).isEqualTo(ALICE);
          assertThat(m.fromBot()).isTrue();
        });
    assertThat(f.sim.messagesVisibleTo(BOB, SUPPORT)).isEmpty();
  }

  @Test
  void slashCommand_withoutTheSlash_isTheSyncroCommand_andAnUnknownCommandNeverReachesTheBot() {
    assertThat(f.sim.runSlashCommand(ALICE, SUPPORT, "list").ok()).isTrue();
    assertThat(f.bot.last("command").json().path("command").asText()).isEqualTo("/syncro");
    BotAck unknown = f.sim.runSlashCommand(ALICE, SUPPORT, "/jira create");
    assertThat(unknown.failure()).isEqualTo("not_a_command");
    assertThat(f.bot.received()).hasSize(1);
    assertThat(f.sim.messagesVisibleTo(ALICE, SUPPORT)).singleElement()
        .satisfies(m -> assertThat(m.text()).startsWith("`/jira` is not a valid command."));
  }

  @Test
  void responseUrl_inChannelLater_isVisibleToEveryone() throws Exception {
    f.bot.on("command", in -> {
      String url = in.json().path("response_url").asText();
      // Like Bolt: ack now, answer from another thread a moment later.
      CompletableFuture.runAsync(() -> send(url, "{\"response_type\":\"in_channel\",\"text\":\"3 open tickets\"}"));
      return Answer.ack();
    });
    assertThat(f.sim.runSlashCommand(ALICE, SUPPORT, "list").ok()).isTrue();
    SimMessage m = f.sim.awaitMessage(SUPPORT, x -> x.text().equals("3 open tickets"), WAIT).orElseThrow();
    assertThat(m.isEphemeral()).isFalse();
    assertThat(f.sim.messagesVisibleTo(BOB, SUPPORT)).containsExactly(m);
  }

  @Test
  void responseUrl_ephemeralThenReplaceOriginal_replacesTheCommandsEarlierReply() throws Exception {
    f.bot.on("command", in -> {
      String url = in.json().path("response_url").asText();
      send(url, "{\"text\":\"Working…\"}");
      send(url, "{\"replace_original\":true,\"text\":\"Done\"}");
      return Answer.ack();
    });
    f.sim.runSlashCommand(ALICE, SUPPORT, "bill 32203");
    assertThat(f.sim.messages(SUPPORT)).singleElement().satisfies(m -> {
      assertThat(m.text()).isEqualTo("Done");
      assertThat(m.ephemeralTo()).isEqualTo(ALICE);
      assertThat(m.edits()).isEqualTo(1);
    });
  }

  @Test
  void button_sendsBlockActions_andReplaceOriginalRewritesThatMessage() throws Exception {
    String ts = f.bot.api().chatPostMessage(x -> x.channel(SUPPORT).text("Bill #32203?").blocksAsString(BUTTONS))
        .getTs();
    f.bot.on("block_actions", in -> {
      send(in.json().path("response_url").asText(),
          "{\"replace_original\":true,\"text\":\"Billed by <@" + in.json().path("user").path("id").asText() + ">\"}");
      return Answer.ack();
    });
    assertThat(f.sim.clickButton(ALICE, ts, "Confirm").ok()).isTrue();
    JsonNode p = f.bot.last("block_actions").json();
    assertThat(p.path("user").path("id").asText()).isEqualTo(ALICE);
    assertThat(p.path("container").path("type").asText()).isEqualTo("message");
    assertThat(p.path("container").path("message_ts").asText()).isEqualTo(ts);
    assertThat(p.path("container").path("channel_id").asText()).isEqualTo(SUPPORT);
    assertThat(p.path("channel").path("id").asText()).isEqualTo(SUPPORT);
    assertThat(p.path("message").path("ts").asText()).isEqualTo(ts);
    assertThat(p.path("trigger_id").asText()).isNotBlank();
    JsonNode action = p.path("actions").get(0);
    assertThat(action.path("type").asText()).isEqualTo("button");
    assertThat(action.path("action_id").asText()).isEqualTo("confirm");
    assertThat(action.path("block_id").asText()).isEqualTo("decide");
    assertThat(action.path("value").asText()).isEqualTo("plan-7");
    assertThat(action.path("text").path("text").asText()).isEqualTo("Confirm");
    SimMessage m = f.sim.messages(SUPPORT).get(0);
    assertThat(m.ts()).isEqualTo(ts);
    assertThat(m.text()).isEqualTo("Billed by <@U0ALICE>");
    assertThat(m.blocks()).isEmpty();
    assertThat(m.isEphemeral()).isFalse();
  }

  @Test
  void buttonOnEphemeral_carriesNoMessage_andDeleteOriginalRemovesIt() throws Exception {
    f.bot.api().chatPostEphemeral(x -> x.channel(SUPPORT).user(ALICE).text("Bill?").blocksAsString(BUTTONS));
    String ts = f.sim.messages(SUPPORT).get(0).ts();
    f.bot.on("block_actions", in -> {
      send(in.json().path("response_url").asText(), "{\"delete_original\":true}");
      return Answer.ack();
    });
    f.sim.clickButton(ALICE, ts, "Cancel");
    JsonNode p = f.bot.last("block_actions").json();
    assertThat(p.path("container").path("is_ephemeral").asBoolean()).isTrue();
    assertThat(p.has("message")).isFalse();
    assertThat(f.sim.messages(SUPPORT)).isEmpty();
  }

  @Test
  void selectOnAMessage_sendsTheSelectedOption() throws Exception {
    String ts = f.bot.api().chatPostMessage(x -> x.channel(SUPPORT).text("pick").blocksAsString("""
        [{"type":"actions","block_id":"pick","elements":[{"type":"static_select","action_id":"labour",
          "placeholder":{"type":"plain_text","text":"Labour"},"options":[
          {"text":{"type":"plain_text","text":"Remote"},"value":"remote"},
          {"text":{"type":"plain_text","text":"Onsite"},"value":"onsite"}]}]}]""")).getTs();
    f.sim.selectOption(BOB, ts, "labour", "onsite");
    JsonNode action = f.bot.last("block_actions").json().path("actions").get(0);
    assertThat(action.path("type").asText()).isEqualTo("static_select");
    assertThat(action.path("selected_option").path("value").asText()).isEqualTo("onsite");
    assertThat(action.path("selected_option").path("text").path("text").asText()).isEqualTo("Onsite");
    assertThat(f.bot.last("block_actions").json().path("state").path("values").path("pick").path("labour")
        .path("selected_option").path("value").asText()).isEqualTo("onsite");
  }

  @Test
  void responseUrl_usableFiveTimesWithinThirtyMinutes() throws Exception {
    f.bot.on("command", in -> Answer.ack());
    f.sim.runSlashCommand(ALICE, SUPPORT, "list");
    String url = f.bot.last("command").json().path("response_url").asText();
    for (int i = 0; i < 5; i++) {
      assertThat(post(url, "{\"text\":\"" + i + "\"}").statusCode()).isEqualTo(200);
    }
    HttpResponse<String> sixth = post(url, "{\"text\":\"6\"}");
    assertThat(sixth.statusCode()).isEqualTo(404);
    assertThat(sixth.body()).isEqualTo("used_url");
    f.sim.runSlashCommand(ALICE, SUPPORT, "list");
    String fresh = f.bot.last("command").json().path("response_url").asText();
    f.clock.add(Duration.ofMinutes(31));
    assertThat(post(fresh, "{\"text\":\"late\"}").body()).isEqualTo("expired_url");
    assertThat(post(fresh + "x", "{\"text\":\"late\"}").statusCode()).isEqualTo(404);
  }

  @Test
  void responseUrl_invalidBlocksOrNoText_refusedWith400() throws Exception {
    f.sim.runSlashCommand(ALICE, SUPPORT, "list");
    String url = f.bot.last("command").json().path("response_url").asText();
    assertThat(post(url, "{\"blocks\":[{\"type\":\"header\",\"text\":{\"type\":\"plain_text\",\"text\":\""
        + "h".repeat(151) + "\"}}]}").body()).isEqualTo("invalid_blocks");
    assertThat(post(url, "{}").body()).isEqualTo("no_text");
    assertThat(f.sim.messages(SUPPORT)).isEmpty();
  }

  @Test
  void messageShortcut_sendsMessageAction_withTheMessageAndAResponseUrl() throws Exception {
    SimMessage m = f.sim.postMessage(ALICE, SUPPORT, "Printer on 3rd floor is jammed again");
    f.bot.on("message_action", in -> {
      send(in.json().path("response_url").asText(), "{\"text\":\"Ticket #32210 created\"}");
      return Answer.ack();
    });
    assertThat(f.sim.messageShortcut(BOB, m.ts(), "syncro_create_ticket").ok()).isTrue();
    JsonNode p = f.bot.last("message_action").json();
    assertThat(p.path("callback_id").asText()).isEqualTo("syncro_create_ticket");
    assertThat(p.path("user").path("id").asText()).isEqualTo(BOB);
    assertThat(p.path("channel").path("id").asText()).isEqualTo(SUPPORT);
    assertThat(p.path("message_ts").asText()).isEqualTo(m.ts());
    assertThat(p.path("message").path("text").asText()).isEqualTo("Printer on 3rd floor is jammed again");
    assertThat(p.path("message").path("user").asText()).isEqualTo(ALICE);
    assertThat(p.path("trigger_id").asText()).isNotBlank();
    assertThat(f.sim.messagesVisibleTo(BOB, SUPPORT)).extracting(SimMessage::text).contains("Ticket #32210 created");
    assertThat(f.sim.messagesVisibleTo(ALICE, SUPPORT)).extracting(SimMessage::text)
        .doesNotContain("Ticket #32210 created");
  }

  @Test
  void linkToAnUnfurlDomain_sendsLinkShared_andChatUnfurlAttachesThePreview() throws Exception {
    f.bot.on("link_shared", in -> {
      JsonNode ev = in.event();
      String url = ev.path("links").get(0).path("url").asText();
      try {
        var r = f.bot.api().chatUnfurl(x -> x.unfurlId(ev.path("unfurl_id").asText()).source("conversations_history")
            .rawUnfurls("{\"" + url + "\":{\"blocks\":[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\","
                + "\"text\":\"*#32203* Printer offline\"}}]}}"));
        assertThat(r.isOk()).as(String.valueOf(r.getError())).isTrue();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      return Answer.ack();
    });
    SimMessage m = f.sim.postMessage(ALICE, SUPPORT, "see https://acme.syncromsp.com/tickets/9001 & fix it");
    assertThat(m.text()).isEqualTo("see <https://acme.syncromsp.com/tickets/9001> &amp; fix it");
    JsonNode ev = f.bot.last("link_shared").event();
    assertThat(ev.path("channel").asText()).isEqualTo(SUPPORT);
    assertThat(ev.path("message_ts").asText()).isEqualTo(m.ts());
    assertThat(ev.path("user").asText()).isEqualTo(ALICE);
    assertThat(ev.path("links").get(0).path("domain").asText()).isEqualTo("acme.syncromsp.com");
    assertThat(f.bot.last("link_shared").json().path("type").asText()).isEqualTo("event_callback");
    assertThat(f.sim.messages(SUPPORT).get(0).unfurls().path("https://acme.syncromsp.com/tickets/9001")
        .path("blocks").get(0).path("text").path("text").asText()).isEqualTo("*#32203* Printer offline");
    f.sim.postMessage(ALICE, SUPPORT, "unrelated https://example.com/x");
    assertThat(f.bot.received()).hasSize(1);
  }

  @Test
  void directMessageToTheBot_sendsAMessageEvent_andTheBotsAnswerShowsInTheDm() throws Exception {
    f.bot.on("message", in -> {
      JsonNode ev = in.event();
      try {
        var r = f.bot.api().chatPostMessage(x -> x.channel(ev.path("channel").asText()).text("You said: "
            + ev.path("text").asText()));
        assertThat(r.isOk()).as(String.valueOf(r.getError())).isTrue();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      return Answer.ack();
    });
    SimMessage m = f.sim.sendDirectMessage(ALICE, "ticket 32203");

    JsonNode ev = f.bot.last("message").event();
    assertThat(ev.path("channel").asText()).isEqualTo(f.sim.dmChannel(ALICE));
    assertThat(ev.path("channel_type").asText()).isEqualTo("im");
    assertThat(ev.path("user").asText()).isEqualTo(ALICE);
    assertThat(ev.path("text").asText()).isEqualTo("ticket 32203");
    assertThat(ev.path("ts").asText()).isEqualTo(m.ts());
    assertThat(ev.path("client_msg_id").asText()).isNotBlank();
    assertThat(f.sim.messages(f.sim.dmChannel(ALICE))).extracting(SimMessage::text)
        .containsExactly("ticket 32203", "You said: ticket 32203");

    // Redelivered as Slack does: the same envelope, the same event id.
    String eventId = f.bot.last("message").json().path("event_id").asText();
    assertThat(f.sim.redeliverLastEvent()).isTrue();
    List<Incoming> messages = f.bot.received().stream().filter(i -> i.kind().equals("message")).toList();
    assertThat(messages).hasSize(2).allSatisfy(i -> assertThat(i.json().path("event_id").asText())
        .isEqualTo(eventId));
    // A message in a channel is no message event.
    f.sim.postMessage(ALICE, SUPPORT, "hello all");
    assertThat(f.bot.received()).filteredOn(i -> i.kind().equals("message")).hasSize(2);
  }

  @Test
  void botSlowerThanTheAckTimeout_showsOperationTimeoutToTheAsker() throws Exception {
    f.sim.setAckTimeout(Duration.ofMillis(300));
    CompletableFuture<Void> release = new CompletableFuture<>();
    f.bot.on("command", in -> {
      release.orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).exceptionally(e -> null).join();
      return Answer.ack();
    });
    BotAck ack = f.sim.runSlashCommand(ALICE, SUPPORT, "list");
    release.complete(null);
    assertThat(ack.failure()).isEqualTo("operation_timeout");
    assertThat(f.sim.messagesVisibleTo(ALICE, SUPPORT)).singleElement().satisfies(m -> {
      assertThat(m.text()).isEqualTo("/syncro failed with the error \"operation_timeout\"");
      assertThat(m.user()).isEqualTo("USLACKBOT");
    });
    assertThat(f.sim.messagesVisibleTo(BOB, SUPPORT)).isEmpty();
    assertThat(ack.waited()).isBetween(Duration.ofMillis(300), Duration.ofSeconds(3));
  }

  @Test
  void ackWaited_isTheTimeFromSendingTheRequestToTheBotsAnswer() {
    f.bot.on("command", in -> {
      try {
        Thread.sleep(150);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return Answer.ack();
    });
    BotAck ack = f.sim.runSlashCommand(ALICE, SUPPORT, "list");
    assertThat(ack.ok()).isTrue();
    assertThat(ack.waited()).isBetween(Duration.ofMillis(150), Duration.ofSeconds(3));
  }

  @Test
  void botAnswering500_isDispatchFailed() {
    f.bot.on("command", in -> new Answer(500, "{}"));
    assertThat(f.sim.runSlashCommand(ALICE, SUPPORT, "list").failure()).isEqualTo("dispatch_failed");
  }

  @Test
  void wrongSigningSecret_theBotRefusesEveryRequest() throws Exception {
    // Proves the fake bot really checks signatures: a simulator with another secret is refused.
    try (SlackSimulator other = SlackSimulator.start("127.0.0.1", 0, f.bot.eventsUrl(), "another-secret",
        SimFixture.TOKEN, DemoUser.technicians())) {
      BotAck ack = other.runSlashCommand(ALICE, SUPPORT, "list");
      assertThat(ack.status()).isEqualTo(401);
      assertThat(ack.failure()).isEqualTo("dispatch_failed");
      assertThat(f.bot.rejected()).hasSize(1);
      assertThat(f.bot.received()).isEmpty();
    }
  }

  void send(String url, String json) {
    try {
      var r = f.bot.slack().send(url, json);
      assertThat(r.getCode()).as(r.getBody()).isEqualTo(200);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static HttpResponse<String> post(String url, String json) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

}
