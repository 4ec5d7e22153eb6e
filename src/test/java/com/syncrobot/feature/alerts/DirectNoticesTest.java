package com.syncrobot.feature.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.syncrobot.notify.AlertSettings;
import com.syncrobot.notify.Delivered;
import com.syncrobot.notify.EventKind;
import com.syncrobot.notify.Notice;
import com.syncrobot.notify.QuietHours;
import com.syncrobot.notify.TicketEvent;
import com.syncrobot.notify.TicketState;
import com.syncrobot.playground.slack.ApiCall;
import com.syncrobot.playground.slack.DemoUser;
import com.syncrobot.playground.slack.SimMessage;
import com.syncrobot.playground.slack.SlackSimulator;
import com.syncrobot.testkit.Clocks;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.threeten.extra.MutableClock;

/** The direct-message half of the sink against the Slack simulator: one message a batch, never two. */
final class DirectNoticesTest {
  static final String TOKEN = "xoxb-direct-notices";
  static final String ALICE = "U0ALICE";
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private final MutableClock clock = Clocks.at("2024-03-11T13:10:00Z");
  private SlackSimulator sim;
  private Slack slack;
  private DirectNotices notices;

  @BeforeEach
  void setUp() throws Exception {
    sim = SlackSimulator.start("127.0.0.1", 0, "http://127.0.0.1:9/slack/events", "notices-secret", TOKEN,
        DemoUser.technicians(), clock);
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(sim.apiUrl());
    config.setStatsEnabled(false);
    slack = Slack.getInstance(config);
    notices = new DirectNotices(slack.methods(TOKEN), clock, "https://acme.syncromsp.com");
  }

  @AfterEach
  void tearDown() throws Exception {
    sim.close();
    slack.close();
  }

  static AlertSettings alice(@org.jspecify.annotations.Nullable QuietHours quiet) {
    return new AlertSettings(ALICE, true, true, false, 30, false, BigDecimal.valueOf(2), quiet, BERLIN);
  }

  static TicketState printer() {
    return new TicketState(9001, 32203, "Printer offline", 77L, "Acme Dental", "In Progress", "2 Normal", 1735L,
        "Dana Kim");
  }

  static List<Notice> batch() {
    TicketState other = new TicketState(9002, 32210, "VPN drops", 78L, "Hollis & Pratt", "New", null, null, null);
    return List.of(
        new Notice(printer(), List.of(
            new TicketEvent(EventKind.ASSIGNED, "assigned:1735@1", Instant.parse("2024-03-11T13:02:00Z"),
                "Assigned to you by Marco"),
            new TicketEvent(EventKind.REPLY, "reply:88123", Instant.parse("2024-03-11T13:05:00Z"),
                "Lena Ortiz replied: it prints <again>"))),
        new Notice(other, new TicketEvent(EventKind.REPLY, "reply:88124", Instant.parse("2024-03-11T13:06:00Z"),
            "Diane Hollis replied: still dropping")));
  }

  private List<SimMessage> dm() {
    return sim.messages(sim.dmChannel(ALICE));
  }

  @Test
  void oneMessage_everyNotice_inTheTechniciansZone_withTheBatchInItsMetadata() {
    Delivered d = notices.toUser(alice(null), batch(), "batch-1", false);

    assertThat(d).isInstanceOf(Delivered.Posted.class);
    assertThat(dm()).singleElement().satisfies(m -> {
      assertThat(m.fromBot()).isTrue();
      assertThat(m.ts()).isEqualTo(((Delivered.Posted) d).ts());
      String text = m.allText();
      // 13:02 UTC is 14:02 in Berlin.
      assertThat(text).contains("#32203", "Printer offline* — Acme Dental · In Progress", "_14:02_ Assigned to you by "
          + "Marco", "_14:05_ Lena Ortiz replied: it prints &lt;again&gt;", "#32210",
          "VPN drops* — Hollis &amp; "
              + "Pratt",
          "_14:06_ Diane Hollis replied: still dropping");
      assertThat(text).doesNotContain("While you were away");
      assertThat(m.metadata().path("event_type").asText()).isEqualTo(DirectNotices.EVENT_TYPE);
      assertThat(m.metadata().path("event_payload").path("batch_id").asText()).isEqualTo("batch-1");
    });
  }

  @Test
  void retry_findsTheEarlierPostByItsMetadata_andPostsNothing() {
    Delivered first = notices.toUser(alice(null), batch(), "batch-7", false);
    notices.toUser(alice(null), List.of(batch().get(1)), "batch-8", false);

    Delivered again = notices.toUser(alice(null), batch(), "batch-7", true);

    assertThat(again).isEqualTo(first);
    assertThat(dm()).hasSize(2);
    assertThat(sim.apiCalls()).extracting(ApiCall::method).contains("conversations.history");
    // A retry of a batch that never arrived posts it.
    assertThat(notices.toUser(alice(null), batch(), "batch-9", true)).isInstanceOf(Delivered.Posted.class);
    assertThat(dm()).hasSize(3);
  }

  @Test
  void heldThroughQuietHours_headedWhileYouWereAway() {
    // 22:00–07:00 in Berlin; the events came at 23:30 and 01:00 Berlin time, delivered at 07:00.
    clock.setInstant(Instant.parse("2024-03-12T06:00:00Z"));
    List<Notice> held = List.of(new Notice(printer(), List.of(
        new TicketEvent(EventKind.REPLY, "reply:1", Instant.parse("2024-03-11T22:30:00Z"), "Lena Ortiz replied"),
        new TicketEvent(EventKind.REPLY, "reply:2", Instant.parse("2024-03-12T00:00:00Z"), "Lena Ortiz replied again"),
        new TicketEvent(EventKind.STATUS, "status:x", Instant.parse("2024-03-12T00:01:00Z"), "Status: Waiting"))));

    notices.toUser(alice(new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0))), held, "batch-q", false);

    assertThat(dm()).singleElement().satisfies(m -> assertThat(m.allText())
        .contains("*While you were away (22:00–07:00): 3 updates*")
        .contains("_Mon 23:30_ Lena Ortiz replied", "_01:00_ Lena Ortiz replied again"));
  }

  @Test
  void unknownUser_dropped_slackDown_later() {
    AlertSettings gone = new AlertSettings("U0GONE", true, false, false, 30, false, BigDecimal.ONE, null, BERLIN);
    assertThat(notices.toUser(gone, batch(), "b", false)).isInstanceOf(Delivered.Dropped.class);

    sim.stop();
    assertThat(notices.toUser(alice(null), batch(), "b2", false)).isInstanceOf(Delivered.Later.class);
    assertThat(notices.toUser(alice(null), batch(), "b2", true)).isInstanceOf(Delivered.Later.class);
  }
}
