package com.syncrobot.feature.subscribe;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.syncrobot.feature.digest.ChannelAccess;
import com.syncrobot.notify.Delivered;
import com.syncrobot.notify.EventKind;
import com.syncrobot.notify.Notice;
import com.syncrobot.notify.Subscription;
import com.syncrobot.notify.SubscriptionFilter;
import com.syncrobot.notify.SubscriptionStore;
import com.syncrobot.notify.TicketEvent;
import com.syncrobot.notify.TicketState;
import com.syncrobot.playground.slack.DemoUser;
import com.syncrobot.playground.slack.SimMessage;
import com.syncrobot.playground.slack.SlackSimulator;
import com.syncrobot.slack.UserZones;
import com.syncrobot.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The channel half of the sink against the Slack simulator and a real store: one thread per ticket, one reply
 * per batch, the first message updated with the status, each batch once even when retried, and a channel the
 * creator left dropped with the creator told once.
 */
final class ChannelNoticesTest {
  static final String TOKEN = "xoxb-notices-test-token";
  static final String ALICE = "U0ALICE";
  static final String SUPPORT = SlackSimulator.SUPPORT;
  static final Instant T0 = Instant.parse("2025-12-05T17:05:00Z");

  @TempDir
  Path dir;

  SlackSimulator sim;
  Slack slack;
  Database db;
  SubscriptionStore store;
  ChannelNotices notices;
  Subscription sub;

  @BeforeEach
  void setUp() {
    sim = SlackSimulator.start("127.0.0.1", 0, "http://127.0.0.1:9/slack/events", "notices-secret", TOKEN,
        DemoUser.technicians());
    SlackConfig config = new SlackConfig();
    config.setStatsEnabled(false);
    config.setMethodsEndpointUrlPrefix(sim.apiUrl());
    slack = Slack.getInstance(config);
    db = Database.open("jdbc:sqlite:" + dir.resolve("bot.db"));
    store = new SubscriptionStore(db.jdbi(), Clock.systemUTC());
    notices = new ChannelNotices(slack.methods(TOKEN), store, new ChannelAccess(Set.of(), false),
        new UserZones(Ticker.systemTicker()), "https://acme.syncromsp.test");
    sub = store.add(SUPPORT, ALICE, SubscriptionFilter.everything()).subscription();
  }

  @AfterEach
  void tearDown() throws Exception {
    db.close();
    sim.stop();
    slack.close();
  }

  static TicketState ticket(String status, String assignee) {
    return new TicketState(7001, 32203, "Printer offline", 42L, "Acme Dental", status, "2 Normal", null, assignee);
  }

  static TicketEvent event(EventKind kind, String key, Instant at, String text) {
    return new TicketEvent(kind, key, at, text);
  }

  List<SimMessage> topLevel() {
    return sim.messages(SUPPORT).stream().filter(m -> !m.isReply()).toList();
  }

  @Test
  void firstNoticeStartsAThread_laterBatchesReplyOnceEach_andTheRootShowsTheCurrentStatus() {
    Delivered first = notices.toChannel(sub, new Notice(ticket("New", null),
        event(EventKind.NEW, "new", T0, "New ticket from Lena Ortiz")), "batch-1", false);

    assertThat(first).isInstanceOf(Delivered.Posted.class);
    assertThat(topLevel()).hasSize(1);
    SimMessage root = topLevel().get(0);
    assertThat(root.allText()).contains("<https://acme.syncromsp.test/tickets/7001|#32203> Printer offline",
        "Acme Dental · New · unassigned");
    List<SimMessage> thread = sim.thread(SUPPORT, root.ts());
    assertThat(thread).hasSize(1);
    // Alice's Slack zone is America/Phoenix (UTC-7).
    assertThat(thread.get(0).allText()).contains("10:05 New ticket from Lena Ortiz");
    assertThat(((Delivered.Posted) first).ts()).isEqualTo(thread.get(0).ts());
    assertThat(store.thread(sub.id(), 7001).orElseThrow().rootTs()).isEqualTo(root.ts());

    Delivered second = notices.toChannel(sub, new Notice(ticket("In Progress", "Dana Kim"), List.of(
        event(EventKind.REPLY, "reply:1", T0.plusSeconds(300), "Lena Ortiz replied: still offline"),
        event(EventKind.STATUS, "status:1", T0.plusSeconds(180), "Status New → In Progress"))), "batch-2", false);

    assertThat(second).isInstanceOf(Delivered.Posted.class);
    assertThat(topLevel()).hasSize(1);
    thread = sim.thread(SUPPORT, root.ts());
    assertThat(thread).hasSize(2);
    String batch = thread.get(1).allText();
    assertThat(batch).contains("10:08 Status New → In Progress", "10:10 Lena Ortiz replied: still offline");
    assertThat(batch.indexOf("10:08")).isLessThan(batch.indexOf("10:10"));
    assertThat(topLevel().get(0).allText()).contains("Acme Dental · In Progress · assigned to Dana Kim");
  }

  @Test
  void retry_afterAPostWhoseRecordWasLost_postsNothingTwice() {
    Notice n = new Notice(ticket("New", null), event(EventKind.NEW, "new", T0, "New ticket"));
    Delivered.Posted first = (Delivered.Posted) notices.toChannel(sub, n, "batch-1", false);
    int before = sim.messages(SUPPORT).size();

    // The batch's record was lost (its process died after posting): the same batch again, as a retry.
    assertThat(notices.toChannel(sub, n, "batch-1", true)).isEqualTo(first);
    // Even the thread's record was lost: the root is found by its metadata in the channel's history.
    db.jdbi().useHandle(h -> h.execute("DELETE FROM subscription_threads"));
    assertThat(notices.toChannel(sub, n, "batch-1", true)).isEqualTo(first);

    assertThat(sim.messages(SUPPORT)).hasSize(before);
    assertThat(store.thread(sub.id(), 7001).orElseThrow().rootTs()).isEqualTo(topLevel().get(0).ts());
    // A retry of a batch that never reached Slack posts it, in the same thread.
    Delivered.Posted other = (Delivered.Posted) notices.toChannel(sub, new Notice(ticket("New", null),
        event(EventKind.REPLY, "reply:2", T0.plusSeconds(60), "Customer replied")), "batch-2", true);
    assertThat(sim.thread(SUPPORT, topLevel().get(0).ts())).extracting(SimMessage::ts).contains(other.ts())
        .hasSize(2);
    assertThat(topLevel()).hasSize(1);
  }

  @Test
  void creatorLeftTheChannel_dropped_andTheCreatorToldOnce() {
    sim.leaveChannel(ALICE, SUPPORT);
    Notice n = new Notice(ticket("New", null), event(EventKind.NEW, "new", T0, "New ticket"));

    Delivered d1 = notices.toChannel(sub, n, "batch-1", false);
    Delivered d2 = notices.toChannel(sub, n, "batch-2", false);

    assertThat(d1).isInstanceOf(Delivered.Dropped.class);
    assertThat(d2).isInstanceOf(Delivered.Dropped.class);
    assertThat(sim.messages(SUPPORT)).isEmpty();
    List<SimMessage> dms = sim.messages(sim.dmChannel(ALICE)).stream().filter(SimMessage::fromBot).toList();
    assertThat(dms).hasSize(1);
    assertThat(dms.get(0).allText()).contains("Your subscription *" + sub.id() + "*", "you are not a member of <#"
        + SUPPORT + ">", "`/syncro unsubscribe " + sub.id() + "`", "`/syncro subscribe`");

    // Back in the channel: posts resume, and a later break is told again.
    sim.joinChannel(ALICE, SUPPORT);
    assertThat(notices.toChannel(sub, n, "batch-3", false)).isInstanceOf(Delivered.Posted.class);
    sim.leaveChannel(ALICE, SUPPORT);
    assertThat(notices.toChannel(sub, n, "batch-4", false)).isInstanceOf(Delivered.Dropped.class);
    assertThat(sim.messages(sim.dmChannel(ALICE)).stream().filter(SimMessage::fromBot)).hasSize(2);
  }

  @Test
  void removedSubscription_dropped_withoutPosting() {
    store.remove(sub.id());
    assertThat(notices.toChannel(sub, new Notice(ticket("New", null), event(EventKind.NEW, "new", T0, "New")),
        "batch-1", false)).isInstanceOf(Delivered.Dropped.class);
    assertThat(sim.messages(SUPPORT)).isEmpty();
  }
}
