package com.syncrobot.feature.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.syncrobot.digest.Delivery;
import com.syncrobot.digest.DigestDays;
import com.syncrobot.digest.DigestPublisher;
import com.syncrobot.digest.DigestReader;
import com.syncrobot.digest.DigestRun;
import com.syncrobot.digest.DigestSchedule;
import com.syncrobot.digest.DigestScheduler;
import com.syncrobot.digest.DigestSlot;
import com.syncrobot.digest.DigestStore;
import com.syncrobot.playground.sandbox.SyncroSandbox;
import com.syncrobot.playground.slack.DemoUser;
import com.syncrobot.playground.slack.SimMessage;
import com.syncrobot.playground.slack.SlackSimulator;
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
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.threeten.extra.MutableClock;

/**
 * A digest run whose claimer died: several bot processes (each its own scheduler, store handle and
 * plan-runner id) on one database (SQLite, PostgreSQL), the Slack simulator (which keeps message metadata and answers
 * conversations.history) and the Syncro sandbox, with a fake clock. A process "dies" by its publisher
 * throwing an Error out of the tick, before or after posting, and by its runner no longer beating.
 */
@ParameterizedClass
@EnumSource(Dialect.class)
final class DigestTakeoverTest {
  static final String TOKEN = "xoxb-takeover-test";
  static final String CREATOR = "U0ALICE";
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final Duration LEASE = Duration.ofSeconds(30);
  static final LocalDate MONDAY = LocalDate.of(2024, 3, 11);
  /** 08:00 in Berlin on Monday 11 March 2024. */
  static final Instant DUE = Instant.parse("2024-03-11T07:00:00Z");

  @TempDir
  Path dir;

  // Sunday, before the schedule's first run.
  private final MutableClock clock = Clocks.at("2024-03-10T12:00:00Z");
  private final List<AutoCloseable> closing = new ArrayList<>();
  private final Dialect dialect;
  private String url;
  private SecretKey key;
  private SyncroSandbox sandbox;
  private SlackSimulator sim;
  private Slack slack;

  /** The process died here: nothing after this line of its tick ran. */
  static final class Died extends Error {
    private static final long serialVersionUID = 1L;
  }

  DigestTakeoverTest(Dialect dialect) {
    this.dialect = dialect;
  }

  @BeforeEach
  void setUp() throws Exception {
    url = TestStores.newStore(dialect, dir);
    key = Fixtures.newKey();
    sandbox = SyncroSandbox.start("127.0.0.1", 0, Clock.systemUTC());
    closing.add(sandbox);
    sandbox.addOpenTickets(3);
    sim = SlackSimulator.start("127.0.0.1", 0, "http://127.0.0.1:9/slack/events", "takeover-secret", TOKEN,
        DemoUser.technicians(), clock);
    closing.add(sim);
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(sim.apiUrl());
    config.setStatsEnabled(false);
    slack = Slack.getInstance(config);
    closing.add(slack);
    long tech = sandbox.seedTokens().keySet().stream().sorted().findFirst().orElseThrow();
    try (Database db = Database.open(dbUrl())) {
      new ConnectedUserStore(db, new TokenCipher(key), clock).connect(CREATOR, tech, "Alice Nguyen",
          new SyncroToken(sandbox.seedTokens().get(tech)));
    }
  }

  @AfterEach
  void tearDown() throws Exception {
    for (int i = closing.size() - 1; i >= 0; i--) {
      closing.get(i).close();
    }
  }

  private String dbUrl() {
    return url;
  }

  /** One bot process: its own database handle, plan-runner id and scheduler. */
  final class Replica {
    final String runner;
    final Database db = Database.open(dbUrl());
    final DigestStore store = new DigestStore(db, clock);
    final ChannelDigests channel;
    final DigestScheduler scheduler;

    Replica(String runner, Mode mode) {
      this.runner = runner;
      closing.add(db);
      SyncroClient syncro = SyncroClient.builder().baseUrl(sandbox.baseUrl())
          .budget(new RequestBudget(100_000, Clock.systemUTC(), d -> {})).sleeper(d -> {}).build();
      channel = new ChannelDigests(slack.methods(TOKEN), new ConnectedUserStore(db, new TokenCipher(key), clock),
          syncro, new DigestReader(clock, 10), new DigestRenderer(7), d -> {}, new ChannelAccess(Set.of(), false));
      scheduler = new DigestScheduler(store, mode.wrap(channel), clock, Duration.ofHours(2), runner, LEASE);
    }

    /** Records this process's heartbeat now, as its plan runner does every few seconds. */
    void beat() {
      db.jdbi().useHandle(h -> h.createUpdate("""
          INSERT INTO plan_runners (id, host, pid, started_at, heartbeat_at) VALUES (:id, 'test', 1, :now, :now)
          ON CONFLICT (id) DO UPDATE SET heartbeat_at = excluded.heartbeat_at""")
          .bind("id", runner).bind("now", clock.millis()).execute());
    }
  }

  /** How a replica's tick goes: normally, or dying before or after its post. */
  enum Mode {
    LIVES, DIES_BEFORE_POSTING, DIES_AFTER_POSTING;

    DigestPublisher wrap(ChannelDigests real) {
      if (this == LIVES) {
        return real;
      }
      return new DigestPublisher() {
        @Override
        public Delivery publish(DigestSchedule s, DigestSlot slot, boolean late) {
          if (Mode.this == DIES_AFTER_POSTING) {
            real.publish(s, slot, late);
          }
          throw new Died();
        }

        @Override
        public Optional<Delivery> find(DigestSchedule s, DigestSlot slot) throws Unreadable {
          return real.find(s, slot);
        }
      };
    }
  }

  private DigestSchedule schedule(Replica r, String channel) {
    return r.store.add(channel, LocalTime.of(8, 0), DigestDays.WEEKDAYS, BERLIN, CREATOR);
  }

  private List<SimMessage> digests(String channel) {
    return sim.messages(channel).stream().filter(m -> !m.isReply() && m.text().contains("Syncro digest")).toList();
  }

  /** The first process claims Monday's run at 08:00 sharp, beating, and dies in the tick. */
  private Replica claimAndDie(Mode mode, String channel) {
    Replica a = new Replica("runner-a", mode);
    schedule(a, channel);
    clock.setInstant(DUE);
    a.beat();
    assertThatThrownBy(a.scheduler::tick).isInstanceOf(Died.class);
    return a;
  }

  private DigestRun run(Replica r) {
    return r.store.run(r.store.list().get(0).id(), MONDAY).orElseThrow();
  }

  @Test
  void claimerDiedBeforePosting_anotherProcessPostsItOnce_notBeforeTheLease() {
    Replica a = claimAndDie(Mode.DIES_BEFORE_POSTING, SlackSimulator.SUPPORT);
    Replica b = new Replica("runner-b", Mode.LIVES);
    assertThat(digests(SlackSimulator.SUPPORT)).isEmpty();

    clock.setInstant(DUE.plusSeconds(20)); // a's claim and last heartbeat are younger than the lease
    b.beat();
    assertThat(b.scheduler.tick()).isEmpty();
    clock.setInstant(DUE.plusSeconds(31));
    b.beat();
    assertThat(b.scheduler.tick()).singleElement().satisfies(c -> assertThat(c.late()).isFalse());
    clock.setInstant(DUE.plusSeconds(61));
    b.scheduler.tick();
    new Replica("runner-c", Mode.LIVES).scheduler.tick();

    assertThat(digests(SlackSimulator.SUPPORT)).singleElement()
        .satisfies(m -> assertThat(m.text()).doesNotContain("sent late"));
    DigestRun run = run(a);
    assertThat(run.claimedBy()).isEqualTo("runner-b");
    assertThat(run.outcome()).isEqualTo(Delivery.Outcome.POSTED);
    assertThat(run.postedTs()).isEqualTo(digests(SlackSimulator.SUPPORT).get(0).ts());
  }

  @Test
  void claimerDiedAfterPostingBeforeRecording_nothingPostedAgain_runRecordedWithTheFoundMessage() {
    Replica a = claimAndDie(Mode.DIES_AFTER_POSTING, SlackSimulator.SUPPORT);
    String posted = digests(SlackSimulator.SUPPORT).get(0).ts();
    Replica b = new Replica("runner-b", Mode.LIVES);

    clock.setInstant(DUE.plusSeconds(31));
    b.beat();
    assertThat(b.scheduler.tick()).isEmpty();
    clock.add(Duration.ofMinutes(1));
    b.scheduler.tick();

    assertThat(digests(SlackSimulator.SUPPORT)).extracting(SimMessage::ts).containsExactly(posted);
    DigestRun run = run(a);
    assertThat(run.outcome()).isEqualTo(Delivery.Outcome.POSTED);
    assertThat(run.postedTs()).isEqualTo(posted);
    assertThat(run.claimedBy()).isEqualTo("runner-b");
    assertThat(run.detail()).contains("found in the channel");
    // Found by its metadata, which Slack returns only when asked for.
    assertThat(sim.apiCalls()).filteredOn(c -> c.method().equals("conversations.history")).isNotEmpty()
        .allSatisfy(c -> assertThat(c.params().path("include_all_metadata").asText()).isIn("true", "1"));
  }

  @Test
  void claimerAlive_notTakenOver_untilItsHeartbeatStops() {
    Replica a = claimAndDie(Mode.DIES_BEFORE_POSTING, SlackSimulator.SUPPORT);
    Replica b = new Replica("runner-b", Mode.LIVES);

    // a's process still beats (its digest may be on its way): minutes pass, b leaves the run alone.
    for (int s = 30; s <= 300; s += 30) {
      clock.setInstant(DUE.plusSeconds(s));
      a.beat();
      b.beat();
      assertThat(b.scheduler.tick()).isEmpty();
    }
    assertThat(digests(SlackSimulator.SUPPORT)).isEmpty();
    assertThat(run(a).claimedBy()).isEqualTo("runner-a");
    assertThat(run(a).finishedAt()).isNull();

    // a stops beating at 08:05; a lease later b takes over, and the digest says it is late.
    clock.setInstant(DUE.plusSeconds(331));
    b.beat();
    assertThat(b.scheduler.tick()).singleElement().satisfies(c -> assertThat(c.late()).isTrue());
    assertThat(digests(SlackSimulator.SUPPORT)).singleElement()
        .satisfies(m -> assertThat(m.allText()).contains("sent late: the bot was down at 08:00"));
  }

  @Test
  void twoProcessesRaceToTakeOver_oneDigestPosted() throws Exception {
    Replica a = claimAndDie(Mode.DIES_BEFORE_POSTING, SlackSimulator.SUPPORT);
    Replica b = new Replica("runner-b", Mode.LIVES);
    Replica c = new Replica("runner-c", Mode.LIVES);
    clock.setInstant(DUE.plusSeconds(45));
    b.beat();
    c.beat();

    assertThat(tickTogether(b, c)).hasSize(1);
    assertThat(digests(SlackSimulator.SUPPORT)).hasSize(1);
    assertThat(run(a).outcome()).isEqualTo(Delivery.Outcome.POSTED);
    assertThat(run(a).claimedBy()).isIn("runner-b", "runner-c");
  }

  @Test
  void digestDueWhileTwoProcessesTickAtOnce_oneDigestPosted() throws Exception {
    Replica a = new Replica("runner-a", Mode.LIVES);
    Replica b = new Replica("runner-b", Mode.LIVES);
    schedule(a, SlackSimulator.SUPPORT);
    clock.setInstant(DUE.plusSeconds(5));
    a.beat();
    b.beat();

    assertThat(tickTogether(a, b)).hasSize(1);
    clock.add(Duration.ofMinutes(1));
    assertThat(tickTogether(a, b)).isEmpty();

    assertThat(digests(SlackSimulator.SUPPORT)).hasSize(1);
    assertThat(run(a).outcome()).isEqualTo(Delivery.Outcome.POSTED);
  }

  /** Ticks the replicas' schedulers at the same moment, each on its own thread; returns what they claimed. */
  private static List<DigestScheduler.Claimed> tickTogether(Replica... replicas) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(replicas.length);
    List<DigestScheduler.Claimed> claimed = new ArrayList<>();
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<List<DigestScheduler.Claimed>>> ticks = new ArrayList<>();
      for (Replica r : replicas) {
        ticks.add(pool.submit(() -> {
          go.await();
          return r.scheduler.tick();
        }));
      }
      go.countDown();
      for (Future<List<DigestScheduler.Claimed>> f : ticks) {
        claimed.addAll(f.get(60, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
    return claimed;
  }

  @Test
  void channelCannotBeRead_nothingPostedBlind_untilItCanBe() {
    // The bot posts in a public channel it is not in (chat:write.public) but cannot read it.
    sim.createChannel("C0OUTSIDE", "outside", false, false, List.of(CREATOR));
    Replica a = claimAndDie(Mode.DIES_AFTER_POSTING, "C0OUTSIDE");
    Replica b = new Replica("runner-b", Mode.LIVES);

    clock.setInstant(DUE.plusSeconds(31));
    b.beat();
    b.scheduler.tick();
    clock.add(Duration.ofSeconds(30));
    b.scheduler.tick();
    assertThat(digests("C0OUTSIDE")).hasSize(1);
    assertThat(run(a).finishedAt()).isNull();

    sim.joinChannel(sim.botUserId(), "C0OUTSIDE");
    clock.add(Duration.ofSeconds(30));
    b.scheduler.tick();

    assertThat(digests("C0OUTSIDE")).hasSize(1);
    assertThat(run(a).outcome()).isEqualTo(Delivery.Outcome.POSTED);
    assertThat(run(a).postedTs()).isEqualTo(digests("C0OUTSIDE").get(0).ts());
  }

  @Test
  void takenOverBeyondTheLateWindow_checkedThenSkipped_notPosted() {
    Replica a = claimAndDie(Mode.DIES_BEFORE_POSTING, SlackSimulator.SUPPORT);
    Replica b = new Replica("runner-b", Mode.LIVES);

    clock.setInstant(DUE.plus(Duration.ofMinutes(150))); // 2.5 h: beyond the 2-hour window
    b.beat();
    assertThat(b.scheduler.tick()).isEmpty();

    assertThat(digests(SlackSimulator.SUPPORT)).isEmpty();
    DigestRun run = run(a);
    assertThat(run.outcome()).isEqualTo(Delivery.Outcome.SKIPPED);
    assertThat(run.claimedBy()).isEqualTo("runner-b");
    assertThat(run.detail()).contains("stopped before posting it", "late window is 2 h 0 min");
  }
}
