package com.syncrobot.app;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.syncrobot.digest.DigestSchedule;
import com.syncrobot.digest.DigestStore;
import com.syncrobot.store.ConnectedUserStore;
import com.syncrobot.syncro.SyncroToken;
import com.syncrobot.testkit.Forms;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ambient features through the running {@link BotServer}: signed slash commands for {@code
 * /syncro digest}, signed {@code app_home_opened} and {@code link_shared} events, Home button clicks;
 * Slack's Web API and Syncro on WireMock, a real SQLite store.
 */
final class AmbientFlowTest {
  static final String SIGNING_SECRET = "ambient-signing-secret-51";
  static final String TOKEN = "T0k3nAmbientSecret77";
  static final String BOT_TOKEN = "xoxb-ambient-bot";
  static final String USER = "U0JANE";
  static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static WireMockExtension slack = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @RegisterExtension
  static WireMockExtension syncro = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir
  static Path dir;

  static ConnectedUserStore users;
  static DigestStore digests;
  static WireMockBot bot;
  static SignedRequests requests;
  static final AtomicInteger ids = new AtomicInteger();

  @BeforeAll
  static void start() throws Exception {
    stubAuthTest();
    bot = new WireMockBot(slack, syncro, dir, BOT_TOKEN, SIGNING_SECRET);
    users = bot.users;
    requests = bot.requests;
    digests = new DigestStore(bot.db, Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    bot.close();
  }

  @BeforeEach
  void stubSlack() {
    stubAuthTest();
    slack.stubFor(post(urlPathMatching("/response/.*")).willReturn(aResponse().withStatus(200).withBody("ok")));
    slack.stubFor(post(urlPathEqualTo("/api/views.publish"))
        .willReturn(okJson("{\"ok\":true,\"view\":{\"id\":\"V1\"}}")));
    slack.stubFor(post(urlPathEqualTo("/api/views.open")).willReturn(okJson("{\"ok\":true,\"view\":{\"id\":\"V2\"}}")));
    slack.stubFor(post(urlPathEqualTo("/api/chat.unfurl")).willReturn(okJson("{\"ok\":true}")));
    slack.stubFor(post(urlPathEqualTo("/api/chat.postMessage"))
        .willReturn(okJson("{\"ok\":true,\"channel\":\"C0001\",\"ts\":\"1700000000.000200\"}")));
    slack.stubFor(post(urlPathEqualTo("/api/users.info"))
        .willReturn(okJson("{\"ok\":true,\"user\":{\"id\":\"" + USER + "\",\"tz\":\"Asia/Kolkata\"}}")));
    // Every channel here is an internal public channel with the test's users in it.
    slack.stubFor(post(urlPathEqualTo("/api/conversations.info")).willReturn(okJson("{\"ok\":true,\"channel\":"
        + "{\"id\":\"C0001\",\"name\":\"ops\",\"is_channel\":true,\"is_private\":false,\"is_shared\":false,"
        + "\"is_ext_shared\":false,\"is_member\":true}}")));
    slack.stubFor(post(urlPathEqualTo("/api/conversations.members")).willReturn(okJson("{\"ok\":true,\"members\":"
        + "[\"" + USER + "\",\"U0NOZONE\"],\"response_metadata\":{\"next_cursor\":\"\"}}")));
    users.remove(USER);
    for (DigestSchedule s : digests.list()) {
      digests.remove(s.id());
    }
  }

  @AfterEach
  void secretsNeverReachSlack_R11() {
    for (ServeEvent e : slack.getAllServeEvents()) {
      assertThat(e.getRequest().getUrl()).doesNotContain(TOKEN);
      assertThat(e.getRequest().getBodyAsString()).doesNotContain(TOKEN);
    }
    slack.resetRequests();
    syncro.resetAll();
  }

  static void stubAuthTest() {
    slack.stubFor(post(urlPathEqualTo("/api/auth.test")).willReturn(okJson(
        "{\"ok\":true,\"team_id\":\"T0001\",\"user_id\":\"UBOT\",\"bot_id\":\"B0001\"}")));
  }

  static void connect() {
    users.connect(USER, 1735, "Jane Tech", new SyncroToken(TOKEN));
  }

  static String event(String eventId, String eventJson) {
    return SignedRequests.event(eventJson).replace("\"Ev0001\"", "\"" + eventId + "\"");
  }

  static Map<String, String> form(LoggedRequest r) {
    return Forms.decode(r.getBodyAsString());
  }

  /** Sends {@code /syncro text}; returns the ack's JSON text (or "" for an empty ack) and the reply path. */
  static String[] command(String text) {
    return command(USER, text);
  }

  static String[] command(String user, String text) {
    String path = "/response/ambient-" + ids.incrementAndGet();
    HttpResponse<String> ack = requests.post(SignedRequests.command(user, text, slack.baseUrl() + path),
        SignedRequests.FORM);
    assertThat(ack.statusCode()).isEqualTo(200);
    return new String[] {ack.body(), path};
  }

  static String ackText(String text) throws Exception {
    return JSON.readTree(command(text)[0]).path("text").asText();
  }

  static String replyText(String path) throws Exception {
    return JSON.readTree(SlackFlowTest.awaitOne(slack, postRequestedFor(urlPathEqualTo(path))).getBodyAsString())
        .path("text").asText();
  }

  static LoggedRequest awaitOne(RequestPatternBuilder p) {
    return SlackFlowTest.awaitOne(slack, p);
  }

  static String ticketDetail(long id, long number) {
    return "{\"ticket\":{\"id\":" + id + ",\"number\":" + number + ",\"subject\":\"Printer <offline>\","
        + "\"status\":\"In Progress\",\"customer_business_then_name\":\"Jerry Burger\","
        + "\"created_at\":\"2024-05-01T14:03:00.000Z\",\"updated_at\":\"2024-05-02T09:30:00.000-07:00\","
        + "\"user_id\":1735,\"user\":{\"id\":1735,\"full_name\":\"Jane Tech\"},"
        + "\"comments\":[{\"id\":12,\"subject\":\"Internal\",\"body\":\"secret internal note\",\"hidden\":true,"
        + "\"tech\":\"Jane Tech\",\"created_at\":\"2024-05-02T10:00:00.000Z\"}],\"line_items\":[]}}";
  }

  // ---- digests ----------------------------------------------------------------------------------

  @Test
  void digestAdd_withoutZone_usesTheAskersSlackZone_thenListAndRemove() throws Exception {
    connect();
    // Twelve hours from now in Kolkata, so the running scheduler cannot find it due during the test.
    String at = LocalTime.now(ZoneId.of("Asia/Kolkata")).plusHours(12).format(DateTimeFormatter.ofPattern("HH:mm"));
    String[] add = command("digest add <#C0DIGEST|ops> " + at + " daily");
    assertThat(add[0]).isEmpty();
    String reply = replyText(add[1]);
    DigestSchedule s = digests.list().get(0);
    assertThat(reply).startsWith("Scheduled digest *" + s.id() + "*: <#C0DIGEST> at " + at + " daily (Asia/Kolkata). "
        + "Next: ");
    assertThat(s.createdBy()).isEqualTo(USER);
    assertThat(s.zone()).isEqualTo(ZoneId.of("Asia/Kolkata"));
    assertThat(form(awaitOne(postRequestedFor(urlPathEqualTo("/api/users.info"))))).containsEntry("user", USER);

    String[] list = command("digest list");
    assertThat(list[0]).isEmpty();
    String listed = JSON.readTree(SlackFlowTest.awaitOne(slack, postRequestedFor(urlPathEqualTo(list[1])))
        .getBodyAsString()).toString();
    assertThat(listed).contains("*1 digest* in your channels", "<#C0DIGEST> at " + at + " daily",
        "set up by <@U0JANE>");
    assertThat(ackText("digest remove " + s.id())).startsWith("Removed digest *" + s.id() + "* (<#C0DIGEST> at ");
    assertThat(digests.list()).isEmpty();
    assertThat(ackText("digest remove " + s.id())).isEqualTo(
        "There is no digest with ID " + s.id() + "; see `/syncro digest list`.");
  }

  @Test
  void digest_badInputs_specificMessagesAndNothingStored() throws Exception {
    connect();
    assertThat(ackText("digest add here 25:00"))
        .isEqualTo("`25:00` is not a time of day; hours go from 00 to 23 and minutes from 00 to 59.");
    assertThat(ackText("digest add here 08:00 Mars/Olympus")).startsWith("`Mars/Olympus` is not a time zone I know");
    assertThat(ackText("digest add #ops 08:00")).startsWith("Slack sent `#ops` as plain text");
    assertThat(ackText("digest remove abc")).startsWith("`abc` is not a digest ID");
    assertThat(ackText("digest")).startsWith("What should I do with digests?");
    assertThat(digests.list()).isEmpty();
    assertThat(syncro.getAllServeEvents()).isEmpty();
  }

  @Test
  void digestAdd_appInstalledWithoutTheReadScopes_toldToReinstall_nothingStored() throws Exception {
    connect();
    slack.stubFor(post(urlPathEqualTo("/api/conversations.info")).willReturn(okJson("{\"ok\":false,"
        + "\"error\":\"missing_scope\",\"needed\":\"channels:read\",\"provided\":\"commands,chat:write\"}")));
    String[] add = command("digest add here 08:00 UTC");
    assertThat(replyText(add[1])).isEqualTo("No digest was scheduled: Slack did not let me check <#C0001>: the Slack "
        + "app lacks a permission this version needs. Ask your admin to update the app from manifest.yml "
        + "and reinstall it.");
    assertThat(digests.list()).isEmpty();
  }

  @Test
  void digestAdd_notConnected_toldToConnect_R11() throws Exception {
    assertThat(ackText("digest add here 08:00 UTC")).startsWith("You have not connected your Syncro API token yet.");
    assertThat(digests.list()).isEmpty();
  }

  @Test
  void digestAdd_slackGivesNoZone_asksForOne() throws Exception {
    // Another user than the other tests': zones are cached per user for hours.
    users.connect("U0NOZONE", 1750, "Sam Field", new SyncroToken(TOKEN));
    slack.stubFor(post(urlPathEqualTo("/api/users.info"))
        .willReturn(okJson("{\"ok\":false,\"error\":\"user_not_found\"}")));
    String[] add = command("U0NOZONE", "digest add here 08:00");
    assertThat(replyText(add[1])).isEqualTo("I could not read your time zone from Slack. Add it at the end, e.g. "
        + "`/syncro digest add here 08:00 weekdays Europe/Berlin`.");
    assertThat(digests.list()).isEmpty();
  }

  @Test
  void digestNow_postsInTheCommandsChannelWithTheAskersToken() throws Exception {
    connect();
    syncro.stubFor(get(urlPathEqualTo("/api/v1/tickets")).withQueryParam("api_key", equalTo(TOKEN))
        .willReturn(okJson(SlackFlowTest.ticketList(SlackFlowTest.ticketJson(1, 32164, "New", "Jerry Burger",
            "Own cloud thing again", "2024-05-03T09:00:00Z")))));
    syncro.stubFor(get(urlPathMatching("/api/v1/tickets/[0-9]+")).willReturn(okJson(ticketDetail(1, 32164))));
    String[] now = command("digest now");
    assertThat(replyText(now[1])).isEqualTo("Posted the digest in <#C0001>.");
    List<LoggedRequest> posts = slack.findAll(postRequestedFor(urlPathEqualTo("/api/chat.postMessage")));
    assertThat(posts).extracting(p -> form(p).get("channel")).containsOnly("C0001");
    assertThat(form(posts.get(0))).doesNotContainKey("thread_ts");
    assertThat(form(posts.get(0)).get("text")).isEqualTo("Syncro digest: 1 open ticket, 0 overdue");
    assertThat(form(posts.get(1))).containsEntry("thread_ts", "1700000000.000200");
    assertThat(form(posts.get(1)).get("blocks")).contains("#32164 · New · Jerry Burger · Own cloud thing again");
  }

  // ---- Home tab --------------------------------------------------------------------------------

  @Test
  void homeOpened_unconnectedUser_publishesConnectButtonWithTheEventsHash() throws Exception {
    String body = event("EvHome1", "{\"type\":\"app_home_opened\",\"user\":\"" + USER + "\",\"channel\":\"D1\","
        + "\"tab\":\"home\",\"event_ts\":\"1700000000.1\",\"view\":{\"id\":\"VH\",\"hash\":\"1700000000.abc\"}}");
    assertThat(requests.post(body, SignedRequests.JSON).statusCode()).isEqualTo(200);

    Map<String, String> publish = form(awaitOne(postRequestedFor(urlPathEqualTo("/api/views.publish"))));
    assertThat(publish).containsEntry("user_id", USER).containsEntry("hash", "1700000000.abc");
    JsonNode view = JSON.readTree(publish.get("view"));
    assertThat(view.path("type").asText()).isEqualTo("home");
    assertThat(view.path("blocks").get(1).path("text").path("text").asText()).startsWith("*Not connected.*");
    assertThat(view.path("blocks").get(1).path("accessory").path("action_id").asText()).isEqualTo("home_connect");
    assertThat(syncro.getAllServeEvents()).isEmpty();
  }

  @Test
  void homeOpened_connectedUser_publishesOwnOpenTicketsWithButtons_cachedOnReopen() throws Exception {
    connect();
    syncro.stubFor(get(urlPathEqualTo("/api/v1/tickets")).withQueryParam("user_id", equalTo("1735"))
        .withQueryParam("api_key", equalTo(TOKEN))
        .willReturn(okJson(SlackFlowTest.ticketList(
            SlackFlowTest.ticketJson(1, 32164, "New", "Jerry Burger", "Own cloud thing again", "2024-05-03T09:00:00Z"),
            SlackFlowTest.ticketJson(2, 32160, "Waiting on Customer", "Acme Dental", "Backup failed",
                "2024-05-01T09:00:00Z")))));
    String open = "{\"type\":\"app_home_opened\",\"user\":\"" + USER + "\",\"channel\":\"D1\",\"tab\":\"home\","
        + "\"event_ts\":\"1700000000.1\"}";
    assertThat(requests.post(event("EvHome2", open), SignedRequests.JSON).statusCode()).isEqualTo(200);

    JsonNode view = JSON.readTree(form(awaitOne(postRequestedFor(urlPathEqualTo("/api/views.publish")))).get("view"));
    String json = view.toString();
    assertThat(view.path("blocks").size()).isLessThanOrEqualTo(100);
    assertThat(view.path("blocks").get(1).path("text").path("text").asText())
        .isEqualTo("Connected to Syncro as *Jane Tech* (Syncro user 1735).");
    assertThat(json).contains("#32160 · Waiting on Customer · Acme Dental · Backup failed",
        "#32164 · New · Jerry Burger");
    assertThat(json.indexOf("#32160")).isLessThan(json.indexOf("#32164"));
    JsonNode actions = view.path("blocks").get(5).path("elements");
    assertThat(actions.findValuesAsText("action_id")).containsExactly("home_view", "home_comment", "home_bill",
        "home_close");
    assertThat(actions.findValuesAsText("value")).containsOnly("32160");

    slack.resetRequests();
    assertThat(requests.post(event("EvHome3", open), SignedRequests.JSON).statusCode()).isEqualTo(200);
    awaitOne(postRequestedFor(urlPathEqualTo("/api/views.publish")));
    // The second open within a minute is served from the cache.
    syncro.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/tickets")));
  }

  static String buttonClick(String actionId, String value) {
    String json = "{\"type\":\"block_actions\",\"team\":{\"id\":\"T0001\",\"domain\":\"acme\"},"
        + "\"user\":{\"id\":\"" + USER + "\",\"username\":\"jane\",\"name\":\"jane\",\"team_id\":\"T0001\"},"
        + "\"api_app_id\":\"A0001\",\"token\":\"legacy-verification-token\","
        + "\"container\":{\"type\":\"view\",\"view_id\":\"VH\"},\"trigger_id\":\"13345224609.1.2\","
        + "\"view\":{\"id\":\"VH\",\"type\":\"home\",\"hash\":\"1.a\"},"
        + "\"actions\":[{\"action_id\":\"" + actionId + "\",\"block_id\":\"home_t_" + value + "\","
        + "\"text\":{\"type\":\"plain_text\",\"text\":\"x\"},\"value\":\"" + value + "\",\"type\":\"button\","
        // Distinct per click: the redelivery filter drops a second click with the same action_ts.
        + "\"action_ts\":\"1700000000." + ids.incrementAndGet() + "\"}]}";
    return SignedRequests.form(Map.of("payload", json));
  }

  @Test
  void homeViewButton_postsTheTicketDetailToTheDm_R26() throws Exception {
    connect();
    syncro.stubFor(get(urlPathEqualTo("/api/v1/tickets")).withQueryParam("number", equalTo("32164"))
        .willReturn(okJson(SlackFlowTest.ticketList(SlackFlowTest.ticketJson(9001, 32164, "In Progress",
            "Jerry Burger", "Printer <offline>", "2024-05-01T14:03:00Z")))));
    syncro.stubFor(get(urlPathEqualTo("/api/v1/tickets/9001")).willReturn(okJson(ticketDetail(9001, 32164))));

    assertThat(requests.post(buttonClick("home_view", "32164"), SignedRequests.FORM).statusCode()).isEqualTo(200);

    Map<String, String> dm = form(awaitOne(postRequestedFor(urlPathEqualTo("/api/chat.postMessage"))));
    assertThat(dm).containsEntry("channel", USER);
    assertThat(dm.get("text")).isEqualTo("*#32164 · Printer &lt;offline&gt;*");
    syncro.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/tickets")).withQueryParam("number", equalTo("32164")));
  }

  @Test
  void homeCommentAndCloseButtons_openTheSlashCommandsModal_previewGoesToTheDm() throws Exception {
    connect();
    assertThat(requests.post(buttonClick("home_comment", "32164"), SignedRequests.FORM).statusCode()).isEqualTo(200);
    Map<String, String> open = form(awaitOne(postRequestedFor(urlPathEqualTo("/api/views.open"))));
    assertThat(open).containsEntry("trigger_id", "13345224609.1.2");
    JsonNode view = JSON.readTree(open.get("view"));
    assertThat(view.path("callback_id").asText()).isEqualTo("syncro_write");
    assertThat(JSON.readTree(view.path("private_metadata").asText()))
        .isEqualTo(JSON.readTree("{\"kind\":\"comment\",\"number\":32164,\"responseUrl\":\"\",\"channelId\":\"\"}"));

    slack.resetRequests();
    requests.post(buttonClick("home_close", "32165"), SignedRequests.FORM);
    JsonNode close = JSON.readTree(form(awaitOne(postRequestedFor(urlPathEqualTo("/api/views.open")))).get("view"));
    assertThat(close.path("private_metadata").asText()).contains("\"kind\":\"close\"", "\"number\":32165");
    assertThat(syncro.getAllServeEvents()).isEmpty();
  }

  @Test
  void homeCommentButton_notConnected_toldToConnect_R11() throws Exception {
    requests.post(buttonClick("home_comment", "32164"), SignedRequests.FORM);
    Map<String, String> dm = form(awaitOne(postRequestedFor(urlPathEqualTo("/api/chat.postMessage"))));
    assertThat(dm).containsEntry("channel", USER);
    assertThat(dm.get("text")).startsWith("You have not connected your Syncro API token yet.");
    assertThat(slack.findAll(postRequestedFor(urlPathEqualTo("/api/views.open")))).isEmpty();
  }

  @Test
  void homeBillButton_saysBillingIsNotAvailableYet() throws Exception {
    requests.post(buttonClick("home_bill", "32164"), SignedRequests.FORM);
    Map<String, String> dm = form(awaitOne(postRequestedFor(urlPathEqualTo("/api/chat.postMessage"))));
    assertThat(dm).containsEntry("text",
        "Billing from the bot is not available yet; bill ticket #32164 in Syncro for now.");
  }

  @Test
  void homeCommentButton_slackDoesNotAnswerViewsOpen_clickAckedAndToldInTheDm() throws Exception {
    connect();
    slack.stubFor(post(urlPathEqualTo("/api/views.open"))
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    assertThat(requests.post(buttonClick("home_comment", "32164"), SignedRequests.FORM).statusCode()).isEqualTo(200);
    Map<String, String> dm = form(awaitOne(postRequestedFor(urlPathEqualTo("/api/chat.postMessage"))));
    assertThat(dm).containsEntry("channel", USER);
    assertThat(dm.get("text")).isEqualTo("Slack did not open the dialog; use `/syncro comment 32164` instead.");
  }

  @Test
  void ticketCommentButton_slackDoesNotAnswerViewsOpen_clickAckedAndToldToRunTheCommand() throws Exception {
    connect();
    slack.stubFor(post(urlPathEqualTo("/api/views.open"))
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    assertThat(requests.post(buttonClick("ticket_comment", "32164"), SignedRequests.FORM).statusCode())
        .isEqualTo(200);
    Map<String, String> dm = form(awaitOne(postRequestedFor(urlPathEqualTo("/api/chat.postMessage"))));
    assertThat(dm).containsEntry("channel", USER);
    assertThat(dm.get("text")).isEqualTo(
        "Slack did not open the dialog (it did not answer); run `/syncro comment 32164` again.");
  }

  @Test
  void homeConnectButton_slackDoesNotAnswerViewsOpen_clickStillAcked() throws Exception {
    slack.stubFor(post(urlPathEqualTo("/api/views.open"))
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    assertThat(requests.post(buttonClick("home_connect", "connect"), SignedRequests.FORM).statusCode()).isEqualTo(200);
  }

  @Test
  void homeConnectButton_opensTheConnectModal() throws Exception {
    assertThat(requests.post(buttonClick("home_connect", "connect"), SignedRequests.FORM).statusCode()).isEqualTo(200);
    Map<String, String> open = form(awaitOne(postRequestedFor(urlPathEqualTo("/api/views.open"))));
    assertThat(open).containsEntry("trigger_id", "13345224609.1.2");
    assertThat(open.get("view")).contains("\"callback_id\":\"syncro_connect\"");
  }

  // ---- link previews ---------------------------------------------------------------------------

  static String linkShared(String url, String messageTs) {
    return "{\"type\":\"link_shared\",\"channel\":\"C0LINKS\",\"is_bot_user_member\":true,\"user\":\"" + USER
        + "\",\"message_ts\":\"" + messageTs + "\",\"unfurl_id\":\"U1\",\"source\":\"conversations_history\","
        + "\"links\":[{\"domain\":\"localhost\",\"url\":\"" + url + "\"},"
        + "{\"domain\":\"example.com\",\"url\":\"https://example.com/tickets/1\"}],\"event_ts\":\"1.3\"}";
  }

  @Test
  void linkShared_ticketLink_unfurledWithThePostersToken_redeliveriesDropped() throws Exception {
    connect();
    syncro.stubFor(get(urlPathEqualTo("/api/v1/tickets/9001")).withQueryParam("api_key", equalTo(TOKEN))
        .willReturn(okJson(ticketDetail(9001, 32164))));
    String url = syncro.baseUrl() + "/tickets/9001";

    assertThat(requests.post(event("EvLink1", linkShared(url, "1700000100.000100")), SignedRequests.JSON).statusCode())
        .isEqualTo(200);
    Map<String, String> unfurl = form(awaitOne(postRequestedFor(urlPathEqualTo("/api/chat.unfurl"))));
    assertThat(unfurl).containsEntry("channel", "C0LINKS").containsEntry("ts", "1700000100.000100");
    JsonNode unfurls = JSON.readTree(unfurl.get("unfurls"));
    assertThat(unfurls.size()).isEqualTo(1);
    String text = unfurls.path(url).path("blocks").get(0).path("text").path("text").asText();
    assertThat(text).isEqualTo("*<" + url + "|#32164 · Printer &lt;offline&gt;>*\n*Status:* In Progress · "
        + "*Customer:* Jerry Burger · *Tech:* Jane Tech\n*Last update:* <!date^1714667400^{date_short_pretty} at {time}|2024-05-02 16:30 UTC>");
    // Comments may be internal notes: never shown in a channel.
    assertThat(unfurl.get("unfurls")).doesNotContain("secret internal note");

    // Slack's retry (same event id) and a duplicate with a new event id for the same message and URL.
    assertThat(requests.post(event("EvLink1", linkShared(url, "1700000100.000100")), SignedRequests.JSON).statusCode())
        .isEqualTo(200);
    assertThat(requests.post(event("EvLink2", linkShared(url, "1700000100.000100")), SignedRequests.JSON).statusCode())
        .isEqualTo(200);
    // Both were dropped inside the ack, before any work was queued, so nothing more can follow.
    slack.verify(1, postRequestedFor(urlPathEqualTo("/api/chat.unfurl")));
    syncro.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/tickets/9001")));
  }

  @Test
  void linkShared_invoiceLink_showsNumberCustomerTotalStatus() throws Exception {
    connect();
    syncro.stubFor(get(urlPathEqualTo("/api/v1/invoices/6")).willReturn(okJson("{\"invoice\": {\"id\": 6, "
        + "\"number\": \"1682\", \"ticket_id\": 9001, \"customer_id\": 77, \"customer_business_then_name\": "
        + "\"Burger Co\", \"total\": \"525.0\", \"is_paid\": true, \"line_items\": []}}")));
    String url = syncro.baseUrl() + "/invoices/6";

    requests.post(event("EvInv1", linkShared(url, "1700000200.000100")), SignedRequests.JSON);

    JsonNode unfurls = JSON
        .readTree(form(awaitOne(postRequestedFor(urlPathEqualTo("/api/chat.unfurl")))).get("unfurls"));
    assertThat(unfurls.path(url).path("blocks").get(0).path("text").path("text").asText())
        .isEqualTo("*<" + url + "|Invoice #1682>* · Burger Co\n*Total:* $525.00 · *Status:* Paid");
  }

  @Test
  void linkShared_posterWithoutToken_noPreviewAndNothingSaid_R11() {
    String url = syncro.baseUrl() + "/tickets/9001";
    assertThat(requests.post(event("EvLink3", linkShared(url, "1700000300.000100")), SignedRequests.JSON).statusCode())
        .isEqualTo(200);
    // Refused inside the ack: nothing was queued.
    assertThat(slack.findAll(postRequestedFor(urlPathMatching("/api/chat\\..*")))).isEmpty();
    assertThat(syncro.getAllServeEvents()).isEmpty();
  }

  @Test
  void linkShared_ticketGone_noPreviewAndNothingSaid() throws Exception {
    connect();
    syncro.stubFor(get(urlPathEqualTo("/api/v1/tickets/404")).willReturn(aResponse().withStatus(404)
        .withHeader("Content-Type", "application/json").withBody("{\"message\":\"Not found\"}")));
    requests.post(event("EvLink4", linkShared(syncro.baseUrl() + "/tickets/404", "1700000400.000100")),
        SignedRequests.JSON);
    SlackFlowTest.awaitOne(syncro, getRequestedFor(urlPathEqualTo("/api/v1/tickets/404")));
    // A later link does get its preview, and it is the only chat.unfurl: the 404 produced none.
    syncro.stubFor(get(urlPathEqualTo("/api/v1/tickets/9001")).willReturn(okJson(ticketDetail(9001, 32164))));
    requests.post(event("EvLink5", linkShared(syncro.baseUrl() + "/tickets/9001", "1700000500.000100")),
        SignedRequests.JSON);
    Map<String, String> only = form(awaitOne(postRequestedFor(urlPathEqualTo("/api/chat.unfurl"))));
    assertThat(only).containsEntry("ts", "1700000500.000100");
    assertThat(slack.findAll(postRequestedFor(urlPathEqualTo("/api/chat.unfurl")))).hasSize(1);
    assertThat(slack.findAll(postRequestedFor(urlPathEqualTo("/api/chat.postMessage")))).isEmpty();
  }
}
