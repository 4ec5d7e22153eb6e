package com.syncrobot.playground.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.methods.response.conversations.ConversationsRepliesResponse;
import com.slack.api.methods.response.conversations.ConversationsMembersResponse;
import com.slack.api.methods.response.conversations.ConversationsOpenResponse;
import com.slack.api.methods.response.files.FilesUploadV2Response;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.model.Conversation;
import com.slack.api.model.Message;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Web API as the bot's real SDK client sees it: shapes it parses, Slack's checks and errors. */
final class WebApiTest {
  SimFixture f;
  MethodsClient api;

  @BeforeEach
  void start() throws Exception {
    f = new SimFixture();
    api = f.bot.api();
  }

  @AfterEach
  void stop() {
    f.close();
  }

  @Test
  void authTest_answersTheBotIdentity() throws Exception {
    AuthTestResponse r = api.authTest(x -> x);
    assertThat(r.isOk()).isTrue();
    assertThat(r.getUserId()).isEqualTo(f.sim.botUserId());
    assertThat(r.getBotId()).isEqualTo("B0SYNCRO");
    assertThat(r.getTeamId()).isEqualTo("T0PLAYGND");
  }

  @Test
  void badOrMissingToken_refusedLikeSlack() throws Exception {
    // The SDK surfaces ok:false with the error name; HTTP stays 200, as with Slack.
    assertThat(f.bot.slack().methods("xoxb-wrong").authTest(x -> x).getError()).isEqualTo("invalid_auth");
    HttpResponse<String> none = post(f.sim.apiUrl() + "chat.postMessage", null, "channel=C0SUPPORT&text=hi");
    assertThat(none.statusCode()).isEqualTo(200);
    assertThat(none.body()).contains("\"ok\":false", "\"error\":\"not_authed\"");
    assertThat(f.sim.messages(SlackSimulator.SUPPORT)).isEmpty();
  }

  @Test
  void unknownMethod_answersUnknownMethod() throws Exception {
    HttpResponse<String> r = post(f.sim.apiUrl() + "chat.frobnicate", SimFixture.TOKEN, "channel=C0SUPPORT");
    assertThat(r.body()).contains("\"ok\":false", "\"error\":\"unknown_method\"");
  }

  @Test
  void usersInfo_reportsEachUsersTimeZone() throws Exception {
    UsersInfoResponse r = api.usersInfo(x -> x.user("U0ALICE"));
    assertThat(r.isOk()).isTrue();
    assertThat(r.getUser().getTz()).isEqualTo("America/Phoenix");
    // Phoenix keeps standard time all year: UTC-7 whatever the date.
    assertThat(r.getUser().getTzOffset()).isEqualTo(-7 * 3600);
    assertThat(r.getUser().getRealName()).isEqualTo("Alice Nguyen");
    assertThat(api.usersInfo(x -> x.user("U0NOBODY")).getError()).isEqualTo("user_not_found");
  }

  @Test
  void conversationsOpen_givesTheUsersDm_andPostingToAUserIdLandsThere() throws Exception {
    ConversationsOpenResponse open = api.conversationsOpen(x -> x.users(List.of("U0BOB")));
    assertThat(open.isOk()).isTrue();
    String dm = open.getChannel().getId();
    assertThat(dm).isEqualTo(f.sim.dmChannel("U0BOB"));
    ChatPostMessageResponse posted = api.chatPostMessage(x -> x.channel("U0BOB").text("hello Bob"));
    assertThat(posted.isOk()).isTrue();
    assertThat(posted.getChannel()).isEqualTo(dm);
    assertThat(f.sim.messages(dm)).extracting(SimMessage::text).containsExactly("hello Bob");
  }

  @Test
  void conversationsInfo_likeSlack_publicPrivateSharedAndIm() throws Exception {
    f.sim.createChannel("C0EXT", "partners", false, true, List.of("U0ALICE"));
    f.sim.createChannel("G0PRIV", "secret", true, false, List.of("U0ALICE", f.sim.botUserId()));
    f.sim.createChannel("C0HIDDEN", "hidden", true, false, List.of("U0ALICE"));

    Conversation support = api.conversationsInfo(x -> x.channel(SlackSimulator.SUPPORT)).getChannel();
    assertThat(support.isChannel()).isTrue();
    assertThat(support.isPrivate() || support.isShared() || support.isExtShared()).isFalse();
    assertThat(support.isMember()).isTrue();
    Conversation ext = api.conversationsInfo(x -> x.channel("C0EXT")).getChannel();
    assertThat(ext.isExtShared() && ext.isShared() && !ext.isOrgShared()).isTrue();
    // A public channel is visible to the bot without it being in it.
    assertThat(ext.isMember()).isFalse();
    Conversation priv = api.conversationsInfo(x -> x.channel("G0PRIV")).getChannel();
    assertThat(priv.isPrivate() && priv.isGroup() && !priv.isChannel()).isTrue();
    assertThat(api.conversationsInfo(x -> x.channel("C0HIDDEN")).getError()).isEqualTo("channel_not_found");
    assertThat(api.conversationsMembers(x -> x.channel("C0HIDDEN")).getError()).isEqualTo("channel_not_found");
    assertThat(api.chatPostMessage(x -> x.channel("C0HIDDEN").text("x")).getError()).isEqualTo("channel_not_found");
    Conversation im = api.conversationsInfo(x -> x.channel(f.sim.dmChannel("U0BOB"))).getChannel();
    assertThat(im.isIm()).isTrue();
    assertThat(im.getUser()).isEqualTo("U0BOB");
    assertThat(api.conversationsMembers(x -> x.channel(f.sim.dmChannel("U0BOB"))).getMembers())
        .containsExactly("U0BOB", f.sim.botUserId());
  }

  @Test
  void conversationsMembers_pagesWithAnOpaqueCursor_andMembershipChanges() throws Exception {
    List<String> many = new java.util.ArrayList<>();
    for (int i = 0; i < 250; i++) {
      many.add(String.format("U0M%04d", i));
    }
    f.sim.createChannel("C0BIG", "big", false, false, many);
    ConversationsMembersResponse first = api.conversationsMembers(x -> x.channel("C0BIG"));
    assertThat(first.getMembers()).hasSize(100).startsWith("U0M0000");
    List<String> all = new java.util.ArrayList<>(first.getMembers());
    String cursor = first.getResponseMetadata().getNextCursor();
    while (!cursor.isEmpty()) {
      String c = cursor;
      ConversationsMembersResponse next = api.conversationsMembers(x -> x.channel("C0BIG").cursor(c).limit(120));
      all.addAll(next.getMembers());
      cursor = next.getResponseMetadata().getNextCursor();
    }
    assertThat(all).isEqualTo(many);
    assertThat(api.conversationsMembers(x -> x.channel("C0BIG").cursor("bm9wZQ==")).getError())
        .isEqualTo("invalid_cursor");
    assertThat(api.conversationsMembers(x -> x.channel("C0BIG").limit(1001)).getError()).isEqualTo("invalid_limit");

    f.sim.joinChannel("U0ALICE", "C0BIG");
    f.sim.leaveChannel("U0M0000", "C0BIG");
    List<String> now = api.conversationsMembers(x -> x.channel("C0BIG").limit(1000)).getMembers();
    assertThat(now).hasSize(250).contains("U0ALICE").doesNotContain("U0M0000");
  }

  @Test
  void postMessage_returnsTsAndMessage_andThreadRepliesCountOnTheParent() throws Exception {
    ChatPostMessageResponse parent = api.chatPostMessage(x -> x.channel("#support").text("*Ticket* #32203"));
    assertThat(parent.isOk()).isTrue();
    assertThat(parent.getMessage().getText()).isEqualTo("*Ticket* #32203");
    ChatPostMessageResponse reply = api.chatPostMessage(x -> x.channel(SlackSimulator.SUPPORT)
        .threadTs(parent.getTs()).text("a reply"));
    assertThat(reply.isOk()).isTrue();
    f.sim.postReply(SimFixture.ALICE, SlackSimulator.SUPPORT, parent.getTs(), "thanks");
    SimMessage p = f.sim.messages(SlackSimulator.SUPPORT).get(0);
    assertThat(p.replyCount()).isEqualTo(2);
    assertThat(f.sim.thread(SlackSimulator.SUPPORT, parent.getTs())).extracting(SimMessage::text)
        .containsExactly("a reply", "thanks");
    assertThat(api.chatPostMessage(x -> x.channel("#support").threadTs("1.000001").text("x")).getError())
        .isEqualTo("thread_not_found");
  }

  @Test
  void postMessage_sectionTextOverTheLimit_refusedAsInvalidBlocks() throws Exception {
    List<LayoutBlock> blocks = List.of(SectionBlock.builder()
        .text(MarkdownTextObject.builder().text("x".repeat(3001)).build()).build());
    ChatPostMessageResponse r = api.chatPostMessage(x -> x.channel("#support").text("t").blocks(blocks));
    assertThat(r.isOk()).isFalse();
    assertThat(r.getError()).isEqualTo("invalid_blocks");
    assertThat(r.getResponseMetadata().getMessages())
        .anySatisfy(m -> assertThat(m).contains("must be less than 3001 characters", "/blocks/0/text/text"));
    assertThat(api.chatPostMessage(x -> x.channel("#support")).getError()).isEqualTo("no_text");
    assertThat(api.chatPostMessage(x -> x.channel("#nowhere").text("x")).getError()).isEqualTo("channel_not_found");
  }

  @Test
  void updateEphemeralDelete_followSlacksRules() throws Exception {
    ChatPostMessageResponse m = api.chatPostMessage(x -> x.channel("#billing").text("draft"));
    assertThat(api.chatUpdate(x -> x.channel(SlackSimulator.BILLING).ts(m.getTs()).text("final")).isOk()).isTrue();
    SimMessage updated = f.sim.messages(SlackSimulator.BILLING).get(0);
    assertThat(updated.text()).isEqualTo("final");
    assertThat(updated.edits()).isEqualTo(1);
    String eph = api.chatPostEphemeral(x -> x.channel("#billing").user("U0ALICE").text("only you")).getMessageTs();
    assertThat(f.sim.messagesVisibleTo("U0ALICE", SlackSimulator.BILLING)).extracting(SimMessage::text)
        .containsExactly("final", "only you");
    assertThat(f.sim.messagesVisibleTo("U0BOB", SlackSimulator.BILLING)).extracting(SimMessage::text)
        .containsExactly("final");
    // An ephemeral message cannot be updated through chat.update, only through its response_url.
    assertThat(api.chatUpdate(x -> x.channel(SlackSimulator.BILLING).ts(eph).text("x")).getError())
        .isEqualTo("message_not_found");
    SimMessage human = f.sim.postMessage("U0BOB", SlackSimulator.BILLING, "mine");
    assertThat(api.chatUpdate(x -> x.channel(SlackSimulator.BILLING).ts(human.ts()).text("x")).getError())
        .isEqualTo("cant_update_message");
    assertThat(api.chatDelete(x -> x.channel(SlackSimulator.BILLING).ts(m.getTs())).isOk()).isTrue();
    assertThat(f.sim.messages(SlackSimulator.BILLING)).extracting(SimMessage::ts).doesNotContain(m.getTs());
  }

  @Test
  void filesUploadV2_sharesTheFileInTheChannel_andServesItsBytes() throws Exception {
    FilesUploadV2Response r = api.filesUploadV2(x -> x.channel(SlackSimulator.BILLING).filename("invoice.csv")
        .title("Invoice 1042").content("line,total\n1,150.00\n").initialComment("Invoice attached"));
    assertThat(r.isOk()).as(String.valueOf(r.getError())).isTrue();
    assertThat(r.getFile().getTitle()).isEqualTo("Invoice 1042");
    SimMessage m = f.sim.messages(SlackSimulator.BILLING).get(0);
    assertThat(m.text()).isEqualTo("Invoice attached");
    assertThat(m.files().get(0).path("name").asText()).isEqualTo("invoice.csv");
    HttpResponse<String> download = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(m.files().get(0).path("url_private").asText())).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(download.body()).isEqualTo("line,total\n1,150.00\n");
    assertThat(f.sim.apiCalls()).extracting(ApiCall::method)
        .contains("files.getUploadURLExternal", "files.completeUploadExternal");
  }

  @Test
  @SuppressWarnings("deprecation") // files.upload is the legacy path this test is about.
  void legacyFilesUpload_withContent_postsTheFile() throws Exception {
    var r = api.filesUpload(x -> x.channels(List.of(SlackSimulator.SUPPORT)).content("hello").filename("a.txt"));
    assertThat(r.isOk()).isTrue();
    assertThat(f.sim.messages(SlackSimulator.SUPPORT).get(0).files().get(0).path("size").asInt()).isEqualTo(5);
  }

  @Test
  void apiCalls_recordParamsWithoutTheToken() throws Exception {
    api.chatPostMessage(x -> x.channel("#support").text("hi"));
    ApiCall call = f.sim.apiCalls().stream().filter(c -> c.method().equals("chat.postMessage")).findFirst()
        .orElseThrow();
    assertThat(call.ok()).isTrue();
    assertThat(call.params().path("text").asText()).isEqualTo("hi");
    assertThat(call.params().toString()).doesNotContain(SimFixture.TOKEN);
  }

  @Test
  void conversationsHistory_newestFirst_topLevelOnly_metadataOnlyWhenAskedFor() throws Exception {
    Message.Metadata meta = Message.Metadata.builder().eventType("syncro_digest")
        .eventPayload(Map.of("schedule_id", 7, "local_date", "2024-03-11")).build();
    String first = api.chatPostMessage(x -> x.channel(SlackSimulator.SUPPORT).text("first").metadata(meta)).getTs();
    api.chatPostMessage(x -> x.channel(SlackSimulator.SUPPORT).threadTs(first).text("a reply"));
    f.sim.postMessage("U0ALICE", SlackSimulator.SUPPORT, "second");

    ConversationsHistoryResponse plain = api.conversationsHistory(x -> x.channel(SlackSimulator.SUPPORT));
    assertThat(plain.isOk()).isTrue();
    assertThat(plain.getMessages()).extracting(Message::getText).containsExactly("second", "first");
    assertThat(plain.getMessages()).allSatisfy(m -> assertThat(m.getMetadata()).isNull());

    ConversationsHistoryResponse all = api.conversationsHistory(x -> x.channel(SlackSimulator.SUPPORT)
        .includeAllMetadata(true));
    Message bots = all.getMessages().get(1);
    assertThat(bots.getBotId()).isEqualTo("B0SYNCRO");
    assertThat(bots.getMetadata().getEventType()).isEqualTo("syncro_digest");
    assertThat(bots.getMetadata().getEventPayload()).containsEntry("local_date", "2024-03-11")
        .hasEntrySatisfying("schedule_id", v -> assertThat(((Number) v).longValue()).isEqualTo(7));
    assertThat(all.getMessages().get(0).getMetadata()).isNull();
  }

  @Test
  void conversationsHistory_oldestAndPages() throws Exception {
    for (int i = 1; i <= 5; i++) {
      String text = "m" + i;
      api.chatPostMessage(x -> x.channel(SlackSimulator.SUPPORT).text(text));
    }
    List<SimMessage> posted = f.sim.messages(SlackSimulator.SUPPORT);
    String oldest = posted.get(0).ts();

    ConversationsHistoryResponse page1 = api.conversationsHistory(x -> x.channel(SlackSimulator.SUPPORT).oldest(oldest)
        .limit(2));
    assertThat(page1.getMessages()).extracting(Message::getText).containsExactly("m5", "m4");
    assertThat(page1.isHasMore()).isTrue();
    String cursor = page1.getResponseMetadata().getNextCursor();
    ConversationsHistoryResponse page2 = api.conversationsHistory(x -> x.channel(SlackSimulator.SUPPORT).oldest(oldest)
        .limit(2).cursor(cursor));
    // oldest is exclusive unless inclusive=true.
    assertThat(page2.getMessages()).extracting(Message::getText).containsExactly("m3", "m2");
    assertThat(page2.isHasMore()).isFalse();
    assertThat(api.conversationsHistory(x -> x.channel(SlackSimulator.SUPPORT).oldest(oldest).inclusive(true))
        .getMessages()).hasSize(5);
    assertThat(api.conversationsHistory(x -> x.channel(SlackSimulator.SUPPORT).cursor("bm9wZQ==")).getError())
        .isEqualTo("invalid_cursor");
  }

  @Test
  void conversationsHistory_onlyWhereTheBotIsAMember() throws Exception {
    f.sim.createChannel("C0OUTSIDE", "outside", false, false, List.of("U0ALICE"));
    f.sim.createChannel("C0HIDDEN", "hidden", true, false, List.of("U0ALICE"));
    // chat:write.public lets the bot post in a public channel it is not in, but not read it.
    assertThat(api.chatPostMessage(x -> x.channel("C0OUTSIDE").text("hi")).isOk()).isTrue();
    assertThat(api.conversationsHistory(x -> x.channel("C0OUTSIDE")).getError()).isEqualTo("not_in_channel");
    assertThat(api.conversationsHistory(x -> x.channel("C0HIDDEN")).getError()).isEqualTo("channel_not_found");
    f.sim.joinChannel(f.sim.botUserId(), "C0OUTSIDE");
    assertThat(api.conversationsHistory(x -> x.channel("C0OUTSIDE")).getMessages()).extracting(Message::getText)
        .containsExactly("hi");
  }

  @Test
  void conversationsReplies_parentThenRepliesOldestFirst_metadataWhenAskedFor_pagesAndErrors() throws Exception {
    String root = api.chatPostMessage(x -> x.channel(SlackSimulator.SUPPORT).text("root")).getTs();
    Message.Metadata meta = Message.Metadata.builder().eventType("syncro_notice")
        .eventPayload(Map.of("batch_id", "b-1")).build();
    api.chatPostMessage(x -> x.channel(SlackSimulator.SUPPORT).threadTs(root).text("r1").metadata(meta));
    f.sim.postReply("U0ALICE", SlackSimulator.SUPPORT, root, "r2");
    api.chatPostMessage(x -> x.channel(SlackSimulator.SUPPORT).text("elsewhere"));

    ConversationsRepliesResponse all = api.conversationsReplies(x -> x.channel(SlackSimulator.SUPPORT).ts(root)
        .includeAllMetadata(true));
    assertThat(all.isOk()).isTrue();
    assertThat(all.getMessages()).extracting(Message::getText).containsExactly("root", "r1", "r2");
    assertThat(all.getMessages().get(1).getMetadata().getEventPayload()).containsEntry("batch_id", "b-1");
    assertThat(api.conversationsReplies(x -> x.channel(SlackSimulator.SUPPORT).ts(root)).getMessages())
        .allSatisfy(m -> assertThat(m.getMetadata()).isNull());

    ConversationsRepliesResponse page1 = api.conversationsReplies(x -> x.channel(SlackSimulator.SUPPORT).ts(root)
        .limit(2));
    assertThat(page1.getMessages()).extracting(Message::getText).containsExactly("root", "r1");
    assertThat(page1.isHasMore()).isTrue();
    String cursor = page1.getResponseMetadata().getNextCursor();
    assertThat(api.conversationsReplies(x -> x.channel(SlackSimulator.SUPPORT).ts(root).limit(2).cursor(cursor))
        .getMessages()).extracting(Message::getText).containsExactly("r2");

    assertThat(api.conversationsReplies(x -> x.channel(SlackSimulator.SUPPORT).ts("1.000001")).getError())
        .isEqualTo("thread_not_found");
    f.sim.createChannel("C0OUTSIDE", "outside", false, false, List.of("U0ALICE"));
    assertThat(api.conversationsReplies(x -> x.channel("C0OUTSIDE").ts(root)).getError()).isEqualTo("not_in_channel");
  }

  @Test
  void chatPostMessage_malformedMetadata_refusedLikeSlack() throws Exception {
    assertThat(api.chatPostMessage(x -> x.channel(SlackSimulator.SUPPORT).text("hi").metadataAsString("{nope"))
        .getError()).isEqualTo("invalid_metadata_format");
    assertThat(api.chatPostMessage(x -> x.channel(SlackSimulator.SUPPORT).text("hi")
        .metadataAsString("{\"event_payload\": {}}")).getError()).isEqualTo("invalid_metadata_schema");
    assertThat(f.sim.messages(SlackSimulator.SUPPORT)).isEmpty();
  }

  static HttpResponse<String> post(String url, String token, String form) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode json(String s) throws Exception {
    return FakeBot.JSON.readTree(s);
  }
}
