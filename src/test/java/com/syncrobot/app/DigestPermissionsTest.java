package com.syncrobot.app;

import static com.syncrobot.playground.slack.SlackSimulator.SUPPORT;
import static org.assertj.core.api.Assertions.assertThat;

import com.syncrobot.playground.sandbox.model.SandboxTicket;
import com.syncrobot.playground.slack.ApiCall;
import com.syncrobot.playground.slack.BotAck;
import com.syncrobot.playground.slack.DemoUser;
import com.syncrobot.playground.slack.SimMessage;
import com.syncrobot.testbed.Stage;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Digests and link previews are not a way around Slack's permissions (issue 12, item 10): the real bot
 * started from its environment, the Slack simulator answering conversations.info and
 * conversations.members as Slack does (private and Slack Connect channels, member pages), the Syncro
 * sandbox behind it.
 */
final class DigestPermissionsTest {
  static final String SECRET = "digest-perms-signing-secret-12";
  static final String BOT_TOKEN = "xoxb-digest-perms-bot";
  static final String ALICE = "U0ALICE";
  static final String BOB = "U0BOB";
  static final String CAROL = "U0CAROL";
  /** Bob's team channel: 450 people (three pages of members), Bob last, Alice and Carol not in it. */
  static final String OPS = "C0OPS";
  /** Shared with a partner organization (Slack Connect); Alice and the bot are in it. */
  static final String CONNECT = "C0CONNECT";
  static final Duration WAIT = Duration.ofSeconds(20);
  private static final Pattern SCHEDULED = Pattern.compile("Scheduled digest \\*(\\d+)\\*");

  @TempDir
  Path dir;

  Stage stage;
  @Nullable BotServer bot;

  @BeforeEach
  void setUp() throws Exception {
    stage = new Stage(dir, DemoUser.technicians(), SECRET, BOT_TOKEN);
    stage.sandbox.knobs().rateLimit(6000);
    List<String> ops = new ArrayList<>();
    for (int i = 0; i < 449; i++) {
      ops.add(String.format("U0M%04d", i));
    }
    ops.add(stage.sim.botUserId());
    ops.add(BOB);
    stage.sim.createChannel(OPS, "ops", false, false, ops);
    stage.sim.createChannel(CONNECT, "acme-partners", false, true, List.of(ALICE, stage.sim.botUserId()));
  }

  @AfterEach
  void tearDown() {
    stopBot();
    stage.close();
  }

  void startBot(Map<String, String> extra) {
    Map<String, String> env = new HashMap<>(stage.botEnv());
    env.putAll(extra);
    bot = BotServer.start(BotConfig.fromEnv(env), "127.0.0.1");
  }

  void stopBot() {
    if (bot != null) {
      bot.stop();
      bot = null;
    }
  }

  /** Runs {@code /syncro text} as {@code user} in {@code channel}; returns the bot's reply only they see. */
  String ask(String user, String channel, String text) throws InterruptedException {
    Set<String> before = stage.sim.messages(channel).stream().map(SimMessage::ts).collect(Collectors.toSet());
    BotAck ack = stage.sim.runSlashCommand(user, channel, "/syncro " + text);
    assertThat(ack.ok()).as(ack.body()).isTrue();
    return stage.sim.awaitMessage(channel, m -> m.fromBot() && user.equals(m.ephemeralTo())
            && !before.contains(m.ts()), WAIT)
        .orElseThrow(() -> new AssertionError("no reply to " + text)).allText();
  }

  /** A time twelve hours away, so that the running scheduler does not post during the test. */
  static String later() {
    return LocalTime.now(ZoneOffset.UTC).plusHours(12).format(DateTimeFormatter.ofPattern("HH:mm"));
  }

  static long scheduledId(String reply) {
    Matcher m = SCHEDULED.matcher(reply);
    assertThat(m.find()).as(reply).isTrue();
    return Long.parseLong(m.group(1));
  }

  @Test
  void remove_onlyByTheCreatorOrAnAdmin_othersToldWhoToAsk() throws Exception {
    startBot(Map.of(BotConfig.ADMINS, CAROL));
    long id = scheduledId(ask(ALICE, SUPPORT, "digest add here " + later() + " UTC"));

    String refused = ask(BOB, SUPPORT, "digest remove " + id);
    assertThat(refused).startsWith("Digest *" + id + "* was set up by <@" + ALICE + ">, and only they or an admin "
        + "of the bot can change or remove it. Ask <@" + ALICE + "> or an admin of the bot (<@" + CAROL + ">) to do it.");
    assertThat(ask(ALICE, SUPPORT, "digest list")).contains("*" + id + "*");

    assertThat(ask(CAROL, SUPPORT, "digest remove " + id)).startsWith("Removed digest *" + id + "*");
    assertThat(ask(ALICE, SUPPORT, "digest list")).startsWith("No digests scheduled.");
  }

  @Test
  void addAndNow_forAChannelTheAskerIsNotIn_refused_itsMemberMay() throws Exception {
    startBot(Map.of());
    String add = ask(ALICE, SUPPORT, "digest add <#" + OPS + "|ops> " + later() + " UTC");
    assertThat(add).isEqualTo("No digest was scheduled: you are not a member of <#" + OPS + ">, and a digest there "
        + "would show its members Syncro data read with your token. Join <#" + OPS + "> first, or ask one of its "
        + "members to do it.");
    assertThat(ask(ALICE, SUPPORT, "digest now <#" + OPS + "|ops>"))
        .startsWith("No digest was posted: you are not a member of <#" + OPS + ">");
    assertThat(stage.sim.messages(OPS)).isEmpty();
    assertThat(ask(ALICE, SUPPORT, "digest list")).startsWith("No digests scheduled.");

    // Bob is the channel's last member, on the third page of 200: the bot reads every page.
    String bobs = ask(BOB, SUPPORT, "digest add <#" + OPS + "|ops> " + later() + " UTC");
    assertThat(bobs).startsWith("Scheduled digest *");
    List<ApiCall> pages = stage.sim.apiCalls().stream().filter(c -> c.method().equals("conversations.members"))
        .toList();
    assertThat(pages).hasSizeGreaterThanOrEqualTo(3);
  }

  @Test
  void privateChannelWithoutTheBot_toldToInviteIt() throws Exception {
    stage.sim.createChannel("G0SECRET", "secret", true, false, List.of(ALICE));
    startBot(Map.of());
    assertThat(ask(ALICE, "G0SECRET", "digest now")).isEqualTo("No digest was posted: I cannot see <#G0SECRET>: it "
        + "is a private channel I have not been invited to, or it no longer exists. Invite me there with `/invite`, "
        + "then try again.");
    assertThat(stage.sim.messages("G0SECRET")).allMatch(SimMessage::isEphemeral);
  }

  @Test
  void sharedChannel_refused_unlessAllowedByTheEnvironment() throws Exception {
    startBot(Map.of());
    String refused = ask(ALICE, CONNECT, "digest add here " + later() + " UTC");
    assertThat(refused).isEqualTo("No digest was scheduled: <#" + CONNECT + "> is shared with another organization "
        + "(Slack Connect), and Syncro data stays out of shared channels. Use an internal channel instead; an admin "
        + "can allow shared channels by setting `SYNCRO_BOT_ALLOW_SHARED_CHANNELS=true`.");
    assertThat(ask(ALICE, CONNECT, "digest now")).startsWith("No digest was posted: <#" + CONNECT + "> is shared");
    assertThat(stage.sim.messages(CONNECT)).allMatch(SimMessage::isEphemeral);

    stopBot();
    startBot(Map.of(BotConfig.ALLOW_SHARED_CHANNELS, "true"));
    assertThat(ask(ALICE, CONNECT, "digest add here " + later() + " UTC")).startsWith("Scheduled digest *");
  }

  @Test
  void list_showsTheDigestsOfTheAskersChannelsOnly() throws Exception {
    startBot(Map.of());
    long support = scheduledId(ask(ALICE, SUPPORT, "digest add here " + later() + " UTC"));
    long ops = scheduledId(ask(BOB, SUPPORT, "digest add <#" + OPS + "|ops> " + later() + " UTC"));

    String carols = ask(CAROL, SUPPORT, "digest list");
    assertThat(carols).startsWith("*1 digest* in your channels").contains("*" + support + "*", "1 more, in a channel "
        + "you are not in, is not shown.").doesNotContain("*" + ops + "*", OPS);
    assertThat(ask(BOB, SUPPORT, "digest list")).startsWith("*2 digests*").contains("*" + support + "*", "*" + ops
        + "*");

    // Bob leaves #ops: the digest he set up stays his to see and remove.
    stage.sim.leaveChannel(BOB, OPS);
    assertThat(ask(BOB, SUPPORT, "digest list")).contains("*" + ops + "*");
    stage.sim.joinChannel(CAROL, OPS);
    assertThat(ask(CAROL, SUPPORT, "digest list")).contains("*" + ops + "*");
  }

  @Test
  void linkPreview_inASharedChannel_notShown_posterTold_unlessAllowed() throws Exception {
    stage.sim.setUnfurlDomains(List.of("127.0.0.1"));
    SandboxTicket t = stage.sandbox.state().tickets().get(0);
    String url = URI.create(stage.sandbox.baseUrl()).resolve("/tickets/" + t.id()).toString();
    startBot(Map.of());

    SimMessage posted = stage.sim.postMessage(ALICE, CONNECT, "see " + url);
    SimMessage told = stage.sim.awaitMessage(CONNECT, m -> m.fromBot() && ALICE.equals(m.ephemeralTo()), WAIT)
        .orElseThrow();
    assertThat(told.allText()).isEqualTo("I did not preview your Syncro link: <#" + CONNECT + "> is shared with "
        + "another organization (Slack Connect), and Syncro data stays out of shared channels. Use an internal channel "
        + "instead; an admin can allow shared channels by setting `SYNCRO_BOT_ALLOW_SHARED_CHANNELS=true`.");
    assertThat(stage.sim.messages(CONNECT)).filteredOn(m -> m.ts().equals(posted.ts()))
        .singleElement().satisfies(m -> assertThat(m.unfurls().isEmpty()).isTrue());
    assertThat(stage.sim.apiCalls()).extracting(ApiCall::method).doesNotContain("chat.unfurl");

    // In an internal channel the same link is previewed.
    stage.sim.postMessage(ALICE, SUPPORT, "see " + url);
    assertThat(stage.sim.awaitMessage(SUPPORT, m -> !m.unfurls().isEmpty(), WAIT)).isPresent();

    stopBot();
    startBot(Map.of(BotConfig.ALLOW_SHARED_CHANNELS, "true"));
    SimMessage again = stage.sim.postMessage(ALICE, CONNECT, "again " + url);
    assertThat(stage.sim.awaitMessage(CONNECT, m -> m.ts().equals(again.ts()) && !m.unfurls().isEmpty(), WAIT))
        .isPresent();
  }
}
