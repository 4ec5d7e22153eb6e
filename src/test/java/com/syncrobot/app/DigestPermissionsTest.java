package com.syncrobot.app;

import static com.syncrobot.playground.slack.SlackSimulator.SUPPORT;
import static org.assertj.core.api.Assertions.assertThat;

import com.syncrobot.playground.sandbox.model.SandboxTicket;
import com.syncrobot.playground.slack.ApiCall;
import com.syncrobot.playground.slack.BotAck;
import com.syncrobot.playground.slack.SimMessage;
import com.syncrobot.testkit.BotRig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
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

  BotRig rig;

  @BeforeEach
  void setUp() throws Exception {
    rig = BotRig.builder().requestsPerMinute(6000).start(dir);
    List<String> ops = new ArrayList<>();
    for (int i = 0; i < 449; i++) {
      ops.add(String.format("U0M%04d", i));
    }
    ops.add(rig.sim.botUserId());
    ops.add(BOB);
    rig.sim.createChannel(OPS, "ops", false, false, ops);
    rig.sim.createChannel(CONNECT, "acme-partners", false, true, List.of(ALICE, rig.sim.botUserId()));
  }

  @AfterEach
  void tearDown() {
    rig.close();
  }

  /** Runs {@code /syncro text} as {@code user} in {@code channel}; returns the bot's reply only they see. */
  String ask(String user, String channel, String text) throws InterruptedException {
    Set<String> before = rig.sim.messages(channel).stream().map(SimMessage::ts).collect(Collectors.toSet());
    BotAck ack = rig.sim.runSlashCommand(user, channel, "/syncro " + text);
    assertThat(ack.ok()).as(ack.body()).isTrue();
    return rig.sim.awaitMessage(channel, m -> m.fromBot() && user.equals(m.ephemeralTo())
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
    rig.startBot(Map.of(BotConfig.ADMINS, CAROL));
    long id = scheduledId(ask(ALICE, SUPPORT, "digest add here " + later() + " UTC"));

    String refused = ask(BOB, SUPPORT, "digest remove " + id);
    assertThat(refused).startsWith("Digest *" + id + "* was set up by <@" + ALICE + ">, and only they or an admin "
        + "of the bot can change or remove it. Ask <@" + ALICE + "> or an admin of the bot (<@" + CAROL
        + ">) to do it.");
    assertThat(ask(ALICE, SUPPORT, "digest list")).contains("*" + id + "*");

    assertThat(ask(CAROL, SUPPORT, "digest remove " + id)).startsWith("Removed digest *" + id + "*");
    assertThat(ask(ALICE, SUPPORT, "digest list")).startsWith("No digests scheduled.");
  }

  @Test
  void addAndNow_forAChannelTheAskerIsNotIn_refused_itsMemberMay() throws Exception {
    rig.startBot(Map.of());
    String add = ask(ALICE, SUPPORT, "digest add <#" + OPS + "|ops> " + later() + " UTC");
    assertThat(add).isEqualTo("No digest was scheduled: you are not a member of <#" + OPS + ">, and a digest there "
        + "would show its members Syncro data read with your token. Join <#" + OPS + "> first, or ask one of its "
        + "members to do it.");
    assertThat(ask(ALICE, SUPPORT, "digest now <#" + OPS + "|ops>"))
        .startsWith("No digest was posted: you are not a member of <#" + OPS + ">");
    assertThat(rig.sim.messages(OPS)).isEmpty();
    assertThat(ask(ALICE, SUPPORT, "digest list")).startsWith("No digests scheduled.");

    // Bob is the channel's last member, on the third page of 200: the bot reads every page.
    String bobs = ask(BOB, SUPPORT, "digest add <#" + OPS + "|ops> " + later() + " UTC");
    assertThat(bobs).startsWith("Scheduled digest *");
    List<ApiCall> pages = rig.sim.apiCalls().stream().filter(c -> c.method().equals("conversations.members"))
        .toList();
    assertThat(pages).hasSizeGreaterThanOrEqualTo(3);
  }

  @Test
  void privateChannelWithoutTheBot_toldToInviteIt() throws Exception {
    rig.sim.createChannel("G0SECRET", "secret", true, false, List.of(ALICE));
    rig.startBot(Map.of());
    assertThat(ask(ALICE, "G0SECRET", "digest now")).isEqualTo("No digest was posted: I cannot see <#G0SECRET>: it "
        + "is a private channel I have not been invited to, or it no longer exists. Invite me there with `/invite`, "
        + "then try again.");
    assertThat(rig.sim.messages("G0SECRET")).allMatch(SimMessage::isEphemeral);
  }

  @Test
  void sharedChannel_refused_unlessAllowedByTheEnvironment() throws Exception {
    rig.startBot(Map.of());
    String refused = ask(ALICE, CONNECT, "digest add here " + later() + " UTC");
    assertThat(refused).isEqualTo("No digest was scheduled: <#" + CONNECT + "> is shared with another organization "
        + "(Slack Connect), and Syncro data stays out of shared channels. Use an internal channel instead; an admin "
        + "can allow shared channels by setting `SYNCRO_BOT_ALLOW_SHARED_CHANNELS=true`.");
    assertThat(ask(ALICE, CONNECT, "digest now")).startsWith("No digest was posted: <#" + CONNECT + "> is shared");
    assertThat(rig.sim.messages(CONNECT)).allMatch(SimMessage::isEphemeral);

    rig.stopBot();
    rig.startBot(Map.of(BotConfig.ALLOW_SHARED_CHANNELS, "true"));
    assertThat(ask(ALICE, CONNECT, "digest add here " + later() + " UTC")).startsWith("Scheduled digest *");
  }

  @Test
  void list_showsTheDigestsOfTheAskersChannelsOnly() throws Exception {
    rig.startBot(Map.of());
    long support = scheduledId(ask(ALICE, SUPPORT, "digest add here " + later() + " UTC"));
    long ops = scheduledId(ask(BOB, SUPPORT, "digest add <#" + OPS + "|ops> " + later() + " UTC"));

    String carols = ask(CAROL, SUPPORT, "digest list");
    assertThat(carols).startsWith("*1 digest* in your channels").contains("*" + support + "*", "1 more, in a channel "
        + "you are not in, is not shown.").doesNotContain("*" + ops + "*", OPS);
    assertThat(ask(BOB, SUPPORT, "digest list")).startsWith("*2 digests*").contains("*" + support + "*", "*" + ops
        + "*");

    // Bob leaves #ops: the digest he set up stays his to see and remove.
    rig.sim.leaveChannel(BOB, OPS);
    assertThat(ask(BOB, SUPPORT, "digest list")).contains("*" + ops + "*");
    rig.sim.joinChannel(CAROL, OPS);
    assertThat(ask(CAROL, SUPPORT, "digest list")).contains("*" + ops + "*");
  }

  @Test
  void linkPreview_inASharedChannel_notShown_posterTold_unlessAllowed() throws Exception {
    rig.sim.setUnfurlDomains(List.of("127.0.0.1"));
    SandboxTicket t = rig.sandbox.state().tickets().get(0);
    String url = URI.create(rig.sandbox.baseUrl()).resolve("/tickets/" + t.id()).toString();
    rig.startBot(Map.of());

    SimMessage posted = rig.sim.postMessage(ALICE, CONNECT, "see " + url);
    SimMessage told = rig.sim.awaitMessage(CONNECT, m -> m.fromBot() && ALICE.equals(m.ephemeralTo()), WAIT)
        .orElseThrow();
    assertThat(told.allText()).isEqualTo("I did not preview your Syncro link: <#" + CONNECT + "> is shared with "
        + "another organization (Slack Connect), and Syncro data stays out of shared channels. Use an internal channel "
        + "instead; an admin can allow shared channels by setting `SYNCRO_BOT_ALLOW_SHARED_CHANNELS=true`.");
    assertThat(rig.sim.messages(CONNECT)).filteredOn(m -> m.ts().equals(posted.ts()))
        .singleElement().satisfies(m -> assertThat(m.unfurls().isEmpty()).isTrue());
    assertThat(rig.sim.apiCalls()).extracting(ApiCall::method).doesNotContain("chat.unfurl");

    // In an internal channel the same link is previewed.
    rig.sim.postMessage(ALICE, SUPPORT, "see " + url);
    assertThat(rig.sim.awaitMessage(SUPPORT, m -> !m.unfurls().isEmpty(), WAIT)).isPresent();

    rig.stopBot();
    rig.startBot(Map.of(BotConfig.ALLOW_SHARED_CHANNELS, "true"));
    SimMessage again = rig.sim.postMessage(ALICE, CONNECT, "again " + url);
    assertThat(rig.sim.awaitMessage(CONNECT, m -> m.ts().equals(again.ts()) && !m.unfurls().isEmpty(), WAIT))
        .isPresent();
  }
}
