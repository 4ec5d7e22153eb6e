package com.syncrobot.app;

import static com.syncrobot.playground.slack.SlackSimulator.SUPPORT;
import static org.assertj.core.api.Assertions.assertThat;

import com.syncrobot.notify.AlertSettings;
import com.syncrobot.notify.AlertStore;
import com.syncrobot.playground.sandbox.model.SandboxTicket;
import com.syncrobot.playground.slack.BotAck;
import com.syncrobot.playground.slack.SimMessage;
import com.syncrobot.store.Database;
import com.syncrobot.testkit.BotRig;
import com.syncrobot.testkit.Fixtures;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /syncro notify} and the bot's Messages tab through the real bot, between the Syncro sandbox and the Slack
 * simulator.
 */
final class AlertsFlowTest {
  static final String ALICE = "U0ALICE";
  static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir
  Path dir;

  BotRig rig;

  @BeforeEach
  void setUp() throws Exception {
    rig = BotRig.builder().requestsPerMinute(6000).start(dir);
    rig.startBot();
  }

  @AfterEach
  void tearDown() {
    rig.close();
  }

  /** Runs {@code /syncro text} as Alice; returns the bot's reply only she sees. */
  String ask(String text) throws InterruptedException {
    Set<String> before = rig.sim.messages(SUPPORT).stream().map(SimMessage::ts).collect(Collectors.toSet());
    BotAck ack = rig.sim.runSlashCommand(ALICE, SUPPORT, "/syncro " + text);
    assertThat(ack.ok()).as(ack.body()).isTrue();
    return rig.sim.awaitMessage(SUPPORT, m -> m.fromBot() && ALICE.equals(m.ephemeralTo())
        && !before.contains(m.ts()), WAIT).orElseThrow(() -> new AssertionError("no reply to " + text)).allText();
  }

  /** Sends the bot a direct message as Alice; returns its answer in the DM. */
  String dm(String text) throws InterruptedException {
    String channel = rig.sim.dmChannel(ALICE);
    Set<String> before = rig.sim.messages(channel).stream().map(SimMessage::ts).collect(Collectors.toSet());
    rig.sim.sendDirectMessage(ALICE, text);
    return rig.sim.awaitMessage(channel, m -> m.fromBot() && !before.contains(m.ts()), WAIT)
        .orElseThrow(() -> new AssertionError("no answer to " + text)).allText();
  }

  private List<SimMessage> botMessagesInDm(Predicate<String> text) {
    return rig.sim.messages(rig.sim.dmChannel(ALICE)).stream().filter(m -> m.fromBot() && text.test(m.allText()))
        .toList();
  }

  private AlertSettings stored() {
    try (Database db = Database.open(rig.dbUrl())) {
      return new AlertStore(db.jdbi(), Clock.systemUTC()).of(ALICE, ZoneOffset.UTC);
    }
  }

  private SandboxTicket aTicket() {
    return rig.sandbox.state().tickets().get(0);
  }

  @Test
  void notify_showsChangesAndRefuses_inWords() throws Exception {
    assertThat(ask("notify")).contains("*Your Syncro alerts*", "A ticket is assigned to you: off. Start with "
        + "`/syncro notify assigned on`.", "Quiet hours: none");

    assertThat(ask("notify replies on")).contains("You will get a direct message when a customer replies on one of "
        + "your tickets.", "A customer replies on your ticket: *on*.");
    assertThat(ask("notify appointments on 15")).contains("15 minutes before each of your appointments");
    assertThat(ask("notify prepaid on 1.5")).contains("has less than 1.5 hours left");
    // Alice's Slack time zone is America/Phoenix.
    assertThat(ask("notify quiet 22:00-07:00")).contains("Quiet hours 22:00–07:00 (America/Phoenix): alerts are "
        + "held and arrive as one message at 07:00.");
    AlertSettings s = stored();
    assertThat(s.replies()).isTrue();
    assertThat(s.appointmentMinutes()).isEqualTo(15);
    assertThat(s.prepaidHours()).isEqualByComparingTo("1.5");
    assertThat(s.zone()).isEqualTo(ZoneId.of("America/Phoenix"));
    assertThat(s.quiet()).isNotNull();

    for (String bad : List.of("notify quiet tonight", "notify prepaid on 0", "notify appointments on 2000",
        "notify replies maybe", "notify loudly")) {
      assertThat(ask(bad)).as(bad).contains("`/syncro notify").doesNotContain("Your Syncro alerts");
    }
    assertThat(stored()).isEqualTo(s);

    assertThat(ask("notify off")).startsWith("All your alerts are off now.");
    assertThat(stored().anyOn()).isFalse();
  }

  @Test
  void messagesTab_help_ticket_notify_andAPointerForAnythingElse() throws Exception {
    SandboxTicket t = aTicket();
    assertThat(dm("help")).contains("I answer here too", "`ticket 32203`", "`/syncro help`");
    assertThat(dm(Long.toString(t.number()))).contains("#" + t.number() + " · " + t.subject());
    assertThat(dm("#" + t.number())).contains("#" + t.number() + " · " + t.subject());
    assertThat(dm("ticket " + t.number())).contains("#" + t.number() + " · " + t.subject());
    assertThat(dm("ticket 999999")).contains("Ticket #999999 does not exist in Syncro.");
    assertThat(dm("notify replies on")).contains("You will get a direct message when a customer replies");
    assertThat(stored().replies()).isTrue();
    assertThat(dm("what's up?")).contains("`/syncro help`").doesNotContain("I answer here too");
  }

  @Test
  void messagesTab_redeliveredAnsweredOnce_ownAndEditedAndChannelMessagesIgnored() throws Exception {
    dm("help");
    assertThat(rig.sim.redeliverLastEvent()).isTrue();

    // The bot's own message, an edit, and a message in a channel: none is answered.
    SignedRequests signed = new SignedRequests(rig.botPort, Fixtures.SIGNING_SECRET);
    String dmChannel = rig.sim.dmChannel(ALICE);
    for (String event : List.of(
        "{\"type\":\"message\",\"channel\":\"" + dmChannel + "\",\"channel_type\":\"im\",\"user\":\""
            + rig.sim.botUserId() + "\",\"bot_id\":\"B0SYNCRO\",\"text\":\"help\",\"ts\":\"1700000001.000100\"}",
        "{\"type\":\"message\",\"subtype\":\"message_changed\",\"channel\":\"" + dmChannel + "\",\"channel_type\":"
            + "\"im\",\"hidden\":true,\"ts\":\"1700000002.000100\",\"message\":{\"type\":\"message\",\"user\":\""
            + ALICE + "\",\"text\":\"help\",\"ts\":\"1700000001.000200\"}}",
        "{\"type\":\"message\",\"channel\":\"" + SUPPORT + "\",\"channel_type\":\"channel\",\"user\":\"" + ALICE
            + "\",\"text\":\"help\",\"ts\":\"1700000003.000100\"}")) {
      HttpResponse<String> r = signed.post(envelope(event), SignedRequests.JSON);
      assertThat(r.statusCode()).as(event).isEqualTo(200);
    }

    // A later message is answered: everything before it was handled by then.
    SandboxTicket t = aTicket();
    assertThat(dm("ticket " + t.number())).contains("#" + t.number());
    assertThat(botMessagesInDm(text -> text.contains("I answer here too"))).hasSize(1);
    assertThat(rig.sim.messages(SUPPORT)).noneMatch(SimMessage::fromBot);
  }

  private static int events;

  /** An Events API envelope of the simulated workspace around {@code event}. */
  private static String envelope(String event) {
    events++;
    return "{\"token\":\"playground-verification-token\",\"team_id\":\"T0PLAYGND\",\"api_app_id\":\"A0SYNCRO\","
        + "\"event\":" + event + ",\"type\":\"event_callback\",\"event_id\":\"EvTest" + events + "\","
        + "\"event_time\":1700000000,\"authorizations\":[{\"team_id\":\"T0PLAYGND\",\"user_id\":\"U0SYNCRO\","
        + "\"is_bot\":true}]}";
  }
}
