package com.syncrobot.feature.digest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.syncrobot.digest.Delivery;
import com.syncrobot.digest.DigestDays;
import com.syncrobot.digest.DigestReader;
import com.syncrobot.digest.DigestSchedule;
import com.syncrobot.digest.DigestScheduler;
import com.syncrobot.digest.DigestStore;
import com.syncrobot.store.ConnectedUserStore;
import com.syncrobot.store.Database;
import com.syncrobot.store.Dialect;
import com.syncrobot.store.TokenCipher;
import com.syncrobot.syncro.RequestBudget;
import com.syncrobot.syncro.SyncroClient;
import com.syncrobot.syncro.SyncroToken;
import com.syncrobot.testkit.Clocks;
import com.syncrobot.testkit.Fixtures;
import com.syncrobot.testkit.TestStores;
import com.syncrobot.testkit.Forms;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.threeten.extra.MutableClock;

/**
 * Scheduled digests end to end: the real scheduler, store (a SQLite file or PostgreSQL), Syncro client and
 * Slack client, with Slack's Web API and Syncro on WireMock and a fake clock.
 */
@ParameterizedClass
@EnumSource(Dialect.class)
final class DigestSchedulingTest {
  static final String CHANNEL = "C0DIGEST";
  static final String CREATOR = "U0JANE";
  static final String TOKEN = "T0k3nDigestSecret42";
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern NUMBER = Pattern.compile("#(\\d+) · ");

  @RegisterExtension
  static WireMockExtension slackApi = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @RegisterExtension
  static WireMockExtension syncroApi = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @Parameter
  Dialect dialect;
  @TempDir
  Path dir;
  private String url;

  // Sunday 2024-03-10, before the schedule's first run on Monday at 08:00 Berlin (07:00 UTC).
  private final MutableClock clock = Clocks.at("2024-03-10T12:00:00Z");
  private final List<AutoCloseable> closing = new ArrayList<>();
  private SecretKey key;
  private Slack slack;
  private DigestSchedule schedule;

  @BeforeEach
  void setUp() throws Exception {
    key = Fixtures.newKey();
    url = TestStores.newStore(dialect, dir);
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(slackApi.baseUrl() + "/api/");
    config.setStatsEnabled(false);
    slack = Slack.getInstance(config);
    closing.add(slack);
    slackApi.stubFor(post(urlPathEqualTo("/api/chat.postMessage"))
        .willReturn(okJson("{\"ok\":true,\"channel\":\"" + CHANNEL + "\",\"ts\":\"1710140400.000100\"}")));
    stubChannel(false);
    slackApi.stubFor(post(urlPathEqualTo("/api/conversations.members")).willReturn(okJson("{\"ok\":true,"
        + "\"members\":[\"U0OTHER\",\"" + CREATOR + "\"],\"response_metadata\":{\"next_cursor\":\"\"}}")));
    Instance first = instance();
    first.users.connect(CREATOR, 1735, "Jane Tech", new SyncroToken(TOKEN));
    schedule = first.store.add(CHANNEL, LocalTime.of(8, 0), DigestDays.WEEKDAYS, BERLIN, CREATOR);
  }

  @AfterEach
  void tearDown() throws Exception {
    for (AutoCloseable c : closing) {
      c.close();
    }
    // Whatever happened, the Syncro token never reaches Slack.
    for (var e : slackApi.getAllServeEvents()) {
      assertThat(e.getRequest().getBodyAsString()).doesNotContain(TOKEN);
    }
  }

  /** One bot process: its own handle on the shared database, store, client and scheduler. */
  final class Instance {
    final Database db = Database.open(url);
    final ConnectedUserStore users = new ConnectedUserStore(db, new TokenCipher(key), clock);
    final DigestStore store = new DigestStore(db, clock);
    final SyncroClient syncro = SyncroClient.builder()
        .baseUrl(syncroApi.baseUrl() + "/api/v1")
        .budget(new RequestBudget(100_000, Clock.systemUTC(), d -> {}))
        .sleeper(d -> {})
        .build();
    final ChannelDigests digests = new ChannelDigests(slack.methods("xoxb-test"), users, syncro,
        new DigestReader(clock, 10), new DigestRenderer(7), d -> {}, new ChannelAccess(Set.of(), false));
    final DigestScheduler scheduler = new DigestScheduler(store, digests, clock, Duration.ofHours(2));

    Instance() {
      closing.add(db);
    }
  }

  private Instance instance() {
    return new Instance();
  }

  static void stubTickets(int count) {
    int pages = Math.max(1, (count + 49) / 50);
    for (int p = 1; p <= pages; p++) {
      List<String> tickets = new ArrayList<>();
      for (int i = (p - 1) * 50; i < Math.min(count, p * 50); i++) {
        tickets.add("{\"id\": " + (i + 1) + ", \"number\": " + (40_000 + i) + ", \"subject\": \"Printer " + i + "\","
            + " \"status\": \"In Progress\", \"customer_business_then_name\": \"Burger Co\","
            + " \"created_at\": \"2024-02-01T09:00:00Z\", \"updated_at\": \"2024-03-08T09:00:00Z\","
            + " \"user_id\": 1735, \"user\": {\"id\": 1735, \"full_name\": \"Jane Tech\"}, \"comments\": []}");
      }
      syncroApi.stubFor(get(urlPathEqualTo("/api/v1/tickets")).withQueryParam("status", equalTo("Not Closed"))
          .withQueryParam("page", equalTo(Integer.toString(p))).willReturn(okJson("{\"tickets\": ["
              + String.join(",", tickets) + "], \"meta\": {\"total_pages\": " + pages + ", \"page\": " + p + "}}")));
    }
    syncroApi.stubFor(get(urlPathEqualTo("/api/v1/tickets")).withQueryParam("status", equalTo("Resolved"))
        .willReturn(okJson("{\"tickets\": [], \"meta\": {\"total_pages\": 1, \"page\": 1}}")));
    syncroApi.stubFor(get(urlPathMatching("/api/v1/tickets/[0-9]+")).willReturn(okJson(
        "{\"ticket\": {\"id\": 1, \"number\": 40000, \"subject\": \"s\", \"status\": \"In Progress\","
            + " \"line_items\": []}}")));
  }

  static Map<String, String> form(LoggedRequest r) {
    return Forms.decode(r.getBodyAsString());
  }

  static List<Map<String, String>> posts() {
    return slackApi.findAll(postRequestedFor(urlPathEqualTo("/api/chat.postMessage"))).stream()
        .map(DigestSchedulingTest::form).toList();
  }

  static List<Map<String, String>> mainPosts() {
    return posts().stream().filter(f -> !f.containsKey("thread_ts") && CHANNEL.equals(f.get("channel"))).toList();
  }

  static List<String> sectionTexts(Map<String, String> post) throws Exception {
    List<String> out = new ArrayList<>();
    for (JsonNode b : JSON.readTree(post.get("blocks"))) {
      if (b.has("text")) {
        out.add(b.path("text").path("text").asText());
      }
      for (JsonNode e : b.path("elements")) {
        out.add(e.path("text").asText());
      }
    }
    return out;
  }

  @Test
  void restartAtTheDueMinute_twoInstancesOnOneDbFileTickTogether_oneDigestPosted() throws Exception {
    stubTickets(3);
    Instance a = instance();
    Instance b = instance();
    clock.setInstant(Instant.parse("2024-03-11T07:00:05Z"));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch go = new CountDownLatch(1);
      Future<?> fa = pool.submit(() -> {
        go.await();
        return a.scheduler.tick();
      });
      Future<?> fb = pool.submit(() -> {
        go.await();
        return b.scheduler.tick();
      });
      go.countDown();
      fa.get(30, TimeUnit.SECONDS);
      fb.get(30, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }
    // A third process starting a minute later finds the run claimed.
    clock.add(Duration.ofMinutes(1));
    instance().scheduler.tick();

    assertThat(mainPosts()).hasSize(1);
    assertThat(a.store.run(schedule.id(), LocalDate.of(2024, 3, 11))).hasValueSatisfying(r -> {
      assertThat(r.outcome()).isEqualTo(Delivery.Outcome.POSTED);
      assertThat(r.postedTs()).isEqualTo("1710140400.000100");
    });
  }

  @Test
  void downAtEight_startWithinTheWindow_postsOnceSayingItIsLate() throws Exception {
    stubTickets(3);
    clock.setInstant(Instant.parse("2024-03-11T08:30:00Z")); // 09:30 in Berlin
    Instance restarted = instance();

    restarted.scheduler.tick();
    clock.add(Duration.ofSeconds(30));
    restarted.scheduler.tick();

    assertThat(mainPosts()).singleElement().satisfies(p -> {
      assertThat(p.get("text")).contains("(sent late: the bot was down at 08:00)");
      assertThat(sectionTexts(p).get(0)).isEqualTo(
          "*Syncro digest* · Monday 11 March 2024\n_(sent late: the bot was down at 08:00)_");
    });
  }

  @Test
  void downAtEight_startBeyondTheWindow_postsNothingThatDay() {
    stubTickets(3);
    clock.setInstant(Instant.parse("2024-03-11T09:30:00Z")); // 10:30 in Berlin, 2.5 h late
    instance().scheduler.tick();

    assertThat(posts()).isEmpty();
    assertThat(syncroApi.getAllServeEvents()).isEmpty();
  }

  @Test
  void creatorHasNoTokenAnymore_postsAShortNoticeInstead() throws Exception {
    Instance i = instance();
    i.users.remove(CREATOR);
    clock.setInstant(Instant.parse("2024-03-11T07:00:00Z"));

    i.scheduler.tick();

    assertThat(mainPosts()).singleElement().satisfies(p -> assertThat(p.get("text")).isEqualTo(
        ":warning: Today's Syncro digest (ID " + schedule.id() + ") was not posted: <@U0JANE>, whose Syncro token the "
            + "digest reads with, has no token connected. <@U0JANE> can run `/syncro connect`, or someone else can "
            + "set the digest up again with `/syncro digest add`."));
    assertThat(syncroApi.getAllServeEvents()).isEmpty();
    assertThat(i.store.run(schedule.id(), LocalDate.of(2024, 3, 11)))
        .hasValueSatisfying(r -> assertThat(r.outcome()).isEqualTo(Delivery.Outcome.NOTICE));
  }

  @Test
  void creatorsTokenRefused_postsAShortNoticeInstead() {
    syncroApi.stubFor(get(urlPathEqualTo("/api/v1/tickets")).willReturn(aResponse().withStatus(401)
        .withHeader("Content-Type", "application/json").withBody("{\"error\": \"Unauthorized\"}")));
    clock.setInstant(Instant.parse("2024-03-11T07:00:00Z"));

    instance().scheduler.tick();

    assertThat(mainPosts()).singleElement().satisfies(p -> assertThat(p.get("text")).contains(
        "was not posted: Syncro refused the token of <@U0JANE> (expired, revoked, or missing a permission)."));
  }

  void stubChannel(boolean extShared) {
    slackApi.stubFor(post(urlPathEqualTo("/api/conversations.info")).willReturn(okJson("{\"ok\":true,\"channel\":"
        + "{\"id\":\"" + CHANNEL + "\",\"name\":\"ops\",\"is_channel\":true,\"is_private\":false,"
        + "\"is_shared\":" + extShared + ",\"is_ext_shared\":" + extShared + ",\"is_member\":true}}")));
  }

  @Test
  void channelSharedWithAnotherOrganizationSinceSetUp_nothingPostedThere_creatorGetsADm() {
    stubTickets(1);
    stubChannel(true);
    clock.setInstant(Instant.parse("2024-03-11T07:00:00Z"));
    Instance i = instance();

    i.scheduler.tick();

    assertThat(posts()).singleElement().satisfies(p -> {
      assertThat(p.get("channel")).isEqualTo(CREATOR);
      assertThat(p.get("text")).isEqualTo("Today's Syncro digest (ID " + schedule.id() + ") was not posted: <#"
          + CHANNEL + "> is shared with another organization (Slack Connect), and Syncro data stays out of shared "
          + "channels. Use an internal channel instead; an admin can allow shared channels by setting "
          + "`SYNCRO_BOT_ALLOW_SHARED_CHANNELS=true`. If it is no longer wanted, remove it with `/syncro digest "
          + "remove " + schedule.id() + "`.");
    });
    assertThat(syncroApi.getAllServeEvents()).isEmpty();
    assertThat(i.store.run(schedule.id(), LocalDate.of(2024, 3, 11)))
        .hasValueSatisfying(r -> assertThat(r.outcome()).isEqualTo(Delivery.Outcome.FAILED));
  }

  @Test
  void channelRefusesThePost_creatorGetsADm() {
    stubTickets(1);
    slackApi.stubFor(post(urlPathEqualTo("/api/chat.postMessage"))
        .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("channel=" + CHANNEL))
        .willReturn(okJson("{\"ok\":false,\"error\":\"not_in_channel\"}")));
    clock.setInstant(Instant.parse("2024-03-11T07:00:00Z"));
    Instance i = instance();

    i.scheduler.tick();

    assertThat(posts()).filteredOn(p -> CREATOR.equals(p.get("channel"))).singleElement()
        .satisfies(p -> assertThat(p.get("text")).contains("I could not post digest " + schedule.id(),
            "not_in_channel"));
    assertThat(i.store.run(schedule.id(), LocalDate.of(2024, 3, 11)))
        .hasValueSatisfying(r -> assertThat(r.outcome()).isEqualTo(Delivery.Outcome.FAILED));
  }

  @Test
  void thousandOpenTickets_mainWithinLimits_threadRepliesCarryAllThousand() throws Exception {
    stubTickets(1000);
    clock.setInstant(Instant.parse("2024-03-11T07:00:00Z"));

    instance().scheduler.tick();

    Map<String, String> main = mainPosts().get(0);
    assertThat(mainPosts()).hasSize(1);
    JsonNode mainBlocks = JSON.readTree(main.get("blocks"));
    assertThat(mainBlocks.size()).isLessThanOrEqualTo(50);
    assertThat(sectionTexts(main)).allSatisfy(t -> assertThat(t.length()).isLessThanOrEqualTo(3000));
    List<Map<String, String>> replies = posts().stream()
        .filter(p -> "1710140400.000100".equals(p.get("thread_ts"))).toList();
    assertThat(replies).hasSizeGreaterThan(1);
    List<Long> numbers = new ArrayList<>();
    for (Map<String, String> r : replies) {
      assertThat(JSON.readTree(r.get("blocks")).size()).isLessThanOrEqualTo(50);
      for (String t : sectionTexts(r)) {
        assertThat(t.length()).isLessThanOrEqualTo(3000);
        for (String line : t.split("\n")) {
          Matcher m = NUMBER.matcher(line);
          if (m.lookingAt()) {
            numbers.add(Long.parseLong(m.group(1)));
          }
        }
      }
    }
    assertThat(numbers).hasSize(1000).doesNotHaveDuplicates();
    assertThat(sectionTexts(main))
        .contains("*1,000 open tickets* · :warning: 0 overdue · :zzz: 0 untouched for 7+ days");
  }
}
