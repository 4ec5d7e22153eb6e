package com.syncrobot.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncrobot.playground.sandbox.SyncroSandbox;
import com.syncrobot.playground.sandbox.model.SandboxCustomer;
import com.syncrobot.playground.sandbox.model.SandboxTicket;
import com.syncrobot.playground.sandbox.model.Vocabulary;
import com.syncrobot.store.ConnectedUserStore;
import com.syncrobot.store.Database;
import com.syncrobot.store.Dialect;
import com.syncrobot.store.TokenCipher;
import com.syncrobot.syncro.CustomerId;
import com.syncrobot.syncro.RequestBudget;
import com.syncrobot.syncro.SyncroApi;
import com.syncrobot.syncro.SyncroClient;
import com.syncrobot.syncro.SyncroToken;
import com.syncrobot.syncro.SyncroWrites;
import com.syncrobot.syncro.TicketId;
import com.syncrobot.testkit.Clocks;
import com.syncrobot.testkit.Fixtures;
import com.syncrobot.testkit.TestStores;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.threeten.extra.MutableClock;

/**
 * The engine against the Syncro sandbox, on both databases: baseline, detection, routing, batching, delivery
 * exactly once across restarts, crashes and a second process, the budget, unsubscribing and quiet hours.
 */
@ParameterizedClass
@EnumSource(Dialect.class)
final class NotifyEngineTest {
  static final String OWNER = "U0OWNER";
  static final String RUNNER = "runner-a";
  static final Duration LEASE = Duration.ofSeconds(30);

  @TempDir
  Path dir;

  private final Dialect dialect;
  private final MutableClock clock = Clocks.at(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
  private final TestAudience audience = new TestAudience();
  private final RecordingSink sink = new RecordingSink();
  private final List<Database> dbs = new ArrayList<>();
  private String url;
  private SyncroSandbox sandbox;
  private SyncroClient syncro;
  private ConnectedUserStore users;
  private long tech;
  private SyncroApi api;

  NotifyEngineTest(Dialect dialect) {
    this.dialect = dialect;
  }

  @BeforeEach
  void start() throws Exception {
    url = TestStores.newStore(dialect, dir);
    sandbox = SyncroSandbox.start("127.0.0.1", 0, clock);
    syncro = SyncroClient.builder().baseUrl(sandbox.baseUrl()).budget(new RequestBudget(180, clock, d -> clock.add(d)))
        .build();
    Database db = open();
    users = new ConnectedUserStore(db, new TokenCipher(Fixtures.newKey()), clock);
    tech = sandbox.seedTokens().keySet().stream().sorted().findFirst().orElseThrow();
    SyncroToken token = new SyncroToken(sandbox.seedTokens().get(tech));
    users.connect(OWNER, tech, "Dana Kim", token);
    api = syncro.as(token);
    beat(RUNNER);
  }

  @AfterEach
  void stop() {
    sandbox.close();
    dbs.forEach(Database::close);
  }

  private Database open() {
    Database db = Database.open(url);
    dbs.add(db);
    return db;
  }

  private NotifyEngine engine(String holder) {
    return engine(holder, open());
  }

  private NotifyEngine engine(String holder, Database db) {
    return new NotifyEngine(new NotifyStore(db, clock, NotifySettings.DEFAULT_BATCH), audience, sink, users, syncro,
        clock, NotifySettings.defaults(), holder, LEASE);
  }

  private void beat(String runner) {
    dbs.get(0).jdbi().useHandle(h -> h.createUpdate("""
        INSERT INTO plan_runners (id, host, pid, started_at, heartbeat_at) VALUES (:id, 'test', 1, :at, :at)
        ON CONFLICT (id) DO UPDATE SET heartbeat_at = excluded.heartbeat_at""")
        .bind("id", runner).bind("at", clock.millis()).execute());
  }

  private Subscription subscribe(long id, SubscriptionFilter filter) {
    Subscription s = new Subscription(id, "C0" + id, OWNER, filter, clock.instant());
    audience.subs.add(s);
    return s;
  }

  private SandboxTicket openTicket() {
    return sandbox.state().tickets().stream()
        .filter(t -> !Set.of("Resolved", "Invoiced", "Closed").contains(t.status()))
        .findFirst().orElseThrow();
  }

  private void setStatus(long ticketId, String status) {
    clock.add(Duration.ofSeconds(1));
    api.write(SyncroWrites.updateTicket(new TicketId(ticketId), Map.of("status", status)));
  }

  private void assign(long ticketId, long userId) {
    clock.add(Duration.ofSeconds(1));
    api.write(SyncroWrites.updateTicket(new TicketId(ticketId), Map.of("user_id", Long.toString(userId))));
  }

  private long newTicket(long customerId, String subject) {
    clock.add(Duration.ofSeconds(1));
    return api.write(SyncroWrites.createTicket(new SyncroWrites.NewTicket(new CustomerId(customerId), subject,
        "Other", "New", "2 Normal", tech, null, null, null))).id();
  }

  /** Advances past the batch window and the next poll interval. */
  private void nextMinute() {
    clock.add(Duration.ofSeconds(61));
    beat(RUNNER);
  }

  @Test
  void firstPoll_isABaseline_announcingNothingOld_thenAChangeIsAnnounced() {
    subscribe(1, SubscriptionFilter.everything());
    NotifyEngine engine = engine(RUNNER);
    SandboxTicket t = openTicket();

    assertThat(engine.pollDue()).isEqualTo(1);
    nextMinute();
    assertThat(engine.deliverDue()).isZero();
    assertThat(engine.store().pending(Target.subscription(1))).isZero();

    setStatus(t.id(), "Waiting on Customer");
    assertThat(engine.pollDue()).isEqualTo(1);
    nextMinute();
    engine.deliverDue();

    assertThat(sink.channel).singleElement().satisfies(c -> {
      assertThat(c.notice().ticket().number()).isEqualTo(t.number());
      assertThat(c.notice().events()).extracting(TicketEvent::text)
          .containsExactly("Status: " + t.status() + " → Waiting on Customer");
      assertThat(c.retry()).isFalse();
    });
    assertThat(engine.status(OWNER).checkedAt()).isNotNull();
    assertThat(engine.status(OWNER).waitingSince()).isNull();
  }

  @Test
  void customerFilter_seesOnlyThatCustomersNewTickets() {
    List<SandboxCustomer> customers = sandbox.state().customers();
    SandboxCustomer acme = customers.get(0);
    SandboxCustomer other = customers.get(1);
    subscribe(1, new SubscriptionFilter(acme.id(), acme.displayName(), Set.of(), Set.of(), EventKind.subscribable()));
    NotifyEngine engine = engine(RUNNER);
    engine.pollDue();

    long mine = newTicket(acme.id(), "Printer jams");
    newTicket(other.id(), "Email down");
    nextMinute();
    engine.pollDue();
    nextMinute();
    engine.deliverDue();

    assertThat(sink.channel).singleElement().satisfies(c -> {
      assertThat(c.notice().ticket().ticketId()).isEqualTo(mine);
      assertThat(c.notice().events()).extracting(TicketEvent::kind, TicketEvent::text)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(EventKind.NEW, "New ticket from " + acme.displayName()));
    });
  }

  @Test
  void customerFilter_seesOnlyThatCustomersRepliesAndCustomerWrittenTickets_readingDetailsOnlyForThem() {
    List<SandboxCustomer> customers = sandbox.state().customers();
    SandboxCustomer acme = customers.get(0);
    SandboxCustomer other = customers.get(1);
    subscribe(1, new SubscriptionFilter(acme.id(), acme.displayName(), Set.of(), Set.of(),
        Set.of(EventKind.NEW, EventKind.REPLY)));
    NotifyEngine engine = engine(RUNNER);
    engine.pollDue();
    SandboxTicket acmeTicket = openTicketOf(acme.id());
    SandboxTicket otherTicket = openTicketOf(other.id());

    clock.add(Duration.ofSeconds(5));
    sandbox.customerReply(acmeTicket.number(), "The printer\n  still   jams on page 2.");
    sandbox.customerReply(otherTicket.number(), "Any news?");
    long written = sandbox.newTicket(Long.toString(acme.id()), "Scanner offline", "It stopped this morning.")
        .ticket().id();
    sandbox.newTicket(Long.toString(other.id()), "VPN", "Cannot connect.");
    sandbox.requestLog().clear();
    nextMinute();
    engine.pollDue();
    nextMinute();
    engine.deliverDue();

    assertThat(sink.channel).hasSize(2);
    assertThat(sink.channel).anySatisfy(c -> {
      assertThat(c.notice().ticket().ticketId()).isEqualTo(acmeTicket.id());
      assertThat(c.notice().events()).extracting(TicketEvent::kind, TicketEvent::text).containsExactly(
          org.assertj.core.groups.Tuple.tuple(EventKind.REPLY,
              "Customer replied: “The printer still jams on page 2.”"));
    });
    assertThat(sink.channel).anySatisfy(c -> {
      assertThat(c.notice().ticket().ticketId()).isEqualTo(written);
      assertThat(c.notice().events()).extracting(TicketEvent::kind).containsExactly(EventKind.NEW);
    });
    // One detail read: the ticket whose reply someone wants; none for the other customer's.
    assertThat(sandbox.requestLog().entries()).filteredOn(e -> e.path().matches(".*/tickets/\\d+$"))
        .extracting(e -> e.path()).containsExactly("/tickets/" + acmeTicket.id());
  }

  @Test
  void aCustomerReplyOnMyTicket_andAnAssignmentToMe_reachMeByDirectMessage() {
    audience.alerts.put(OWNER, new AlertSettings(OWNER, true, true, false, 30, false,
        AlertSettings.DEFAULT_PREPAID_HOURS, null, ZoneOffset.UTC));
    NotifyEngine engine = engine(RUNNER);
    engine.pollDue();
    SandboxTicket mine = sandbox.state().tickets().stream()
        .filter(t -> t.userId() != null && t.userId() == tech && !Vocabulary.closed(t.status())).findFirst()
        .orElseThrow();
    SandboxTicket toAssign = sandbox.state().tickets().stream()
        .filter(t -> (t.userId() == null || t.userId() != tech) && !Vocabulary.closed(t.status())).findFirst()
        .orElseThrow();
    clock.add(Duration.ofSeconds(5));
    sandbox.customerReply(mine.number(), "Thanks, that worked.");
    assign(toAssign.id(), tech);
    nextMinute();
    engine.pollDue();
    nextMinute();
    engine.deliverDue();

    assertThat(sink.user).singleElement().satisfies(u -> {
      assertThat(u.user().slackUserId()).isEqualTo(OWNER);
      assertThat(u.notices()).extracting(n -> n.ticket().ticketId()).containsExactlyInAnyOrder(mine.id(),
          toAssign.id());
      assertThat(u.notices()).flatExtracting(Notice::events).extracting(TicketEvent::text)
          .containsExactlyInAnyOrder("Customer replied: “Thanks, that worked.”", "Assigned to " + techName());
    });
  }

  private String techName() {
    return sandbox.state().tickets().stream().filter(t -> t.userId() != null && t.userId() == tech).findFirst()
        .map(t -> api.ticket(new TicketId(t.id())).assignedTechName()).orElseThrow();
  }

  private SandboxTicket openTicketOf(long customerId) {
    return sandbox.state().tickets().stream().filter(t -> t.customerId() == customerId)
        .filter(t -> !Vocabulary.closed(t.status())).findFirst().orElseThrow();
  }

  @Test
  void fiveChangesToOneTicketWithinTheWindow_areOneBatch_oneSinkCall() {
    subscribe(1, SubscriptionFilter.everything());
    NotifyEngine engine = engine(RUNNER);
    engine.pollDue();
    nextMinute();
    SandboxTicket t = sandbox.state().tickets().stream().filter(x -> Set.of("New", "Scheduled").contains(x.status()))
        .findFirst().orElseThrow();
    List<String> statuses = List.of("In Progress", "Waiting on Customer", "In Progress", "Waiting on Vendor",
        "In Progress");
    // A change every 4 s, each polled at once: the first is offered at +1 s, the last at +17 s.
    for (String s : statuses) {
      setStatus(t.id(), s);
      engine.poll(OWNER);
      clock.add(Duration.ofSeconds(3));
      engine.deliverDue();
    }
    assertThat(sink.channel).isEmpty();
    // The batch window (20 s) after the first change: all five go, in one post.
    clock.add(Duration.ofSeconds(1));
    engine.deliverDue();
    nextMinute();
    engine.deliverDue();

    assertThat(sink.channel).singleElement().satisfies(c -> assertThat(c.notice().events()).hasSize(5)
        .extracting(TicketEvent::text).last().isEqualTo("Status: Waiting on Vendor → In Progress"));
    engine.deliverDue();
    assertThat(sink.channel).hasSize(1);
  }

  @Test
  void restartBetweenPollAndPost_postsOnce() {
    subscribe(1, SubscriptionFilter.everything());
    NotifyEngine before = engine(RUNNER);
    before.pollDue();
    SandboxTicket t = openTicket();
    setStatus(t.id(), "Waiting on Customer");
    nextMinute();
    before.pollDue();

    // A new process on the same store (the old one is gone without delivering).
    NotifyEngine after = engine("runner-b");
    beat("runner-b");
    nextMinute();
    after.pollDue();
    after.deliverDue();
    after.deliverDue();

    assertThat(sink.channel).singleElement()
        .satisfies(
            c -> assertThat(c.notice().events()).extracting(TicketEvent::kind).containsExactly(EventKind.STATUS));
  }

  @Test
  void crashAfterClaim_isRetriedOnceWithRetry_byAnotherProcess() {
    subscribe(1, SubscriptionFilter.everything());
    NotifyEngine engine = engine(RUNNER);
    engine.pollDue();
    setStatus(openTicket().id(), "Waiting on Customer");
    nextMinute();
    engine.pollDue();
    clock.add(Duration.ofSeconds(21));
    // A process claims the batch and dies before handing it to Slack.
    beat("runner-dead");
    assertThat(engine.store().claim(Target.subscription(1), openTicket().id(), "runner-dead")).isPresent();
    beat(RUNNER);
    assertThat(engine.deliverDue()).isZero();

    clock.add(LEASE.plusSeconds(1));
    beat(RUNNER);
    NotifyEngine other = engine(RUNNER);
    other.deliverDue();
    other.deliverDue();
    engine.deliverDue();

    assertThat(sink.channel).singleElement().satisfies(c -> assertThat(c.retry()).isTrue());
    assertThat(engine.store().count(Target.subscription(1), NotifyStore.POSTED)).isEqualTo(1);
  }

  @Test
  void slackDidNotSay_batchTriedAgainUnderItsBatchId_withRetry_soAPostSlackMadeIsFoundNotRepeated() {
    subscribe(1, SubscriptionFilter.everything());
    NotifyEngine engine = engine(RUNNER);
    engine.pollDue();
    setStatus(openTicket().id(), "Waiting on Customer");
    nextMinute();
    engine.pollDue();
    clock.add(Duration.ofSeconds(21));
    sink.later.set(1);

    engine.deliverDue();
    // Another change of the ticket meanwhile: a batch of its own, not mixed into the one Slack may hold.
    setStatus(openTicket().id(), "In Progress");
    nextMinute();
    engine.pollDue();
    clock.add(Duration.ofMinutes(1));
    engine.deliverDue();

    assertThat(sink.channel).hasSize(3);
    assertThat(sink.channel.get(0).retry()).isFalse();
    assertThat(sink.channel).filteredOn(c -> c.batchId().equals(sink.channel.get(0).batchId()))
        .extracting(RecordingSink.ToChannel::retry).containsExactly(false, true);
    assertThat(sink.channel).filteredOn(c -> !c.batchId().equals(sink.channel.get(0).batchId())).singleElement()
        .satisfies(c -> assertThat(c.notice().events()).extracting(TicketEvent::text)
            .anySatisfy(t -> assertThat(t).contains("In Progress")));
    assertThat(engine.store().count(Target.subscription(1), NotifyStore.POSTED)).isEqualTo(2);
  }

  @Test
  void overlappingPollsAndTwoEngines_offerAndPostEachEventOnce() throws Exception {
    subscribe(1, SubscriptionFilter.everything());
    subscribe(2, new SubscriptionFilter(null, null, Set.of(), Set.of(), Set.of(EventKind.STATUS)));
    NotifyEngine a = engine(RUNNER);
    NotifyEngine b = engine("runner-b");
    a.pollDue();
    SandboxTicket t = openTicket();
    setStatus(t.id(), "Waiting on Customer");
    nextMinute();
    beat("runner-b");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> runs = new ArrayList<>();
      for (NotifyEngine e : List.of(a, b)) {
        runs.add(pool.submit(() -> {
          go.await();
          e.poll(OWNER);
          e.poll(OWNER);
          return null;
        }));
      }
      go.countDown();
      for (Future<?> f : runs) {
        f.get(60, TimeUnit.SECONDS);
      }
      // The next poll reaches back over the same change (the overlap): nothing new.
      clock.add(Duration.ofSeconds(30));
      a.poll(OWNER);
      clock.add(Duration.ofSeconds(21));
      beat(RUNNER);
      beat("runner-b");
      go.getCount();
      List<Future<?>> deliveries = new ArrayList<>();
      for (NotifyEngine e : List.of(a, b)) {
        deliveries.add(pool.submit(() -> {
          e.deliverDue();
          return null;
        }));
      }
      for (Future<?> f : deliveries) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(sink.channel).extracting(c -> c.subscription().id()).containsExactlyInAnyOrder(1L, 2L);
    assertThat(sink.channel).allSatisfy(c -> assertThat(c.notice().events()).hasSize(1));
  }

  @Test
  void budgetFull_delaysThePoll_statusSaysWhy_thenEverythingIsDelivered() {
    subscribe(1, SubscriptionFilter.everything());
    List<NotifyStatus> seenWhileWaiting = new CopyOnWriteArrayList<>();
    NotifyEngine[] holder = new NotifyEngine[1];
    RequestBudget budget = new RequestBudget(20, clock, d -> {
      if (holder[0] != null) {
        seenWhileWaiting.add(holder[0].status(OWNER));
      }
      clock.add(d);
    });
    syncro = SyncroClient.builder().baseUrl(sandbox.baseUrl()).budget(budget).build();
    NotifyEngine engine = engine(RUNNER);
    holder[0] = engine;
    engine.pollDue();
    setStatus(openTicket().id(), "Waiting on Customer");
    nextMinute();
    // Commands take the whole budget.
    for (int i = 0; i < 20; i++) {
      try {
        budget.acquire(RequestBudget.Priority.INTERACTIVE);
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }
    Instant due = engine.store().view(OWNER).checkedAt().plus(NotifySettings.DEFAULT_POLL);
    NotifyStatus waiting = engine.status(OWNER);
    assertThat(waiting.waitingSince()).isEqualTo(due);
    assertThat(waiting.why()).isEqualTo("Syncro's request budget is in use by commands");

    assertThat(engine.pollDue()).isEqualTo(1);

    assertThat(seenWhileWaiting).isNotEmpty().allSatisfy(s -> {
      assertThat(s.waitingSince()).isEqualTo(due);
      assertThat(s.why()).isEqualTo("Syncro's request budget is in use by commands");
    });
    assertThat(engine.status(OWNER).waitingSince()).isNull();
    assertThat(engine.status(OWNER).pending()).isEqualTo(1);
    clock.add(Duration.ofSeconds(21));
    engine.deliverDue();
    assertThat(sink.channel).hasSize(1);
    assertThat(engine.status(OWNER).pending()).isZero();
  }

  @Test
  void unsubscribe_dropsWhatIsPending_andNothingMoreIsPosted() {
    Subscription s = subscribe(1, SubscriptionFilter.everything());
    NotifyEngine engine = engine(RUNNER);
    engine.pollDue();
    setStatus(openTicket().id(), "Waiting on Customer");
    nextMinute();
    engine.pollDue();
    audience.subs.remove(s);
    nextMinute();
    engine.deliverDue();
    setStatus(openTicket().id(), "In Progress");
    engine.pollDue();
    nextMinute();
    engine.pollDue();
    engine.deliverDue();

    assertThat(sink.channel).isEmpty();
    assertThat(engine.store().pending(s.target())).isZero();
    assertThat(engine.store().count(s.target(), NotifyStore.DROPPED)).isEqualTo(1);
  }

  @Test
  void quietHours_holdDirectMessages_thenOneMessageWithAllOfThem() {
    ZoneId zone = ZoneOffset.UTC;
    LocalTime now = clock.instant().atZone(zone).toLocalTime();
    QuietHours quiet = new QuietHours(now.minusMinutes(1).withSecond(0).withNano(0),
        now.plusMinutes(10).withSecond(0).withNano(0));
    audience.alerts.put(OWNER, new AlertSettings(OWNER, true, true, false, 30, false,
        AlertSettings.DEFAULT_PREPAID_HOURS, quiet, zone));
    NotifyEngine engine = engine(RUNNER);
    engine.pollDue();
    List<SandboxTicket> open = sandbox.state().tickets().stream()
        .filter(t -> !Set.of("Resolved", "Invoiced", "Closed").contains(t.status()))
        .filter(t -> t.userId() == null || t.userId() != tech).limit(2).toList();
    assertThat(open).hasSize(2);
    open.forEach(t -> assign(t.id(), tech));
    nextMinute();
    engine.pollDue();
    nextMinute();
    engine.deliverDue();
    assertThat(sink.user).isEmpty();
    assertThat(engine.store().pending(Target.user(OWNER))).isEqualTo(2);

    clock.add(Duration.ofMinutes(10));
    beat(RUNNER);
    engine.deliverDue();

    assertThat(sink.user).singleElement().satisfies(u -> {
      assertThat(u.notices()).hasSize(2);
      assertThat(u.notices()).allSatisfy(n -> assertThat(n.events()).extracting(TicketEvent::kind)
          .containsExactly(EventKind.ASSIGNED));
    });
  }

  @Test
  void aViewWithoutAToken_saysSo_andPostsNothing() {
    users.remove(OWNER);
    subscribe(1, SubscriptionFilter.everything());
    NotifyEngine engine = engine(RUNNER);
    assertThat(engine.pollDue()).isZero();
    assertThat(engine.status(OWNER).why())
        .isEqualTo("the technician who set this up has no Syncro token connected (/syncro connect)");
    assertThat(engine.status(OWNER).waitingSince()).isNotNull();
  }

  /** An audience the test changes. */
  static final class TestAudience implements Audience {
    final List<Subscription> subs = new CopyOnWriteArrayList<>();
    final Map<String, AlertSettings> alerts = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public List<Subscription> subscriptions() {
      return List.copyOf(subs);
    }

    @Override
    public List<AlertSettings> alerts() {
      return alerts.values().stream().filter(AlertSettings::anyOn).toList();
    }

    @Override
    public Optional<Subscription> subscription(long id) {
      return subs.stream().filter(s -> s.id() == id).findFirst();
    }

    @Override
    public AlertSettings alertsOf(String slackUserId) {
      return alerts.getOrDefault(slackUserId, AlertSettings.off(slackUserId, ZoneOffset.UTC));
    }
  }

  /** A sink that records every call and posts. */
  static final class RecordingSink implements NoticeSink {
    record ToChannel(Subscription subscription, Notice notice, String batchId, boolean retry) {}

    record ToUser(AlertSettings user, List<Notice> notices, String batchId, boolean retry) {}

    final List<ToChannel> channel = Collections.synchronizedList(new ArrayList<>());
    final List<ToUser> user = Collections.synchronizedList(new ArrayList<>());
    /** How many of the next channel posts answer "later" (Slack did not say whether it took them). */
    final java.util.concurrent.atomic.AtomicInteger later = new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public Delivered toChannel(Subscription s, Notice notice, String batchId, boolean retry) {
      channel.add(new ToChannel(s, notice, batchId, retry));
      if (later.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        return new Delivered.Later("Slack did not answer");
      }
      return new Delivered.Posted("1." + channel.size());
    }

    @Override
    public Delivered toUser(AlertSettings u, List<Notice> notices, String batchId, boolean retry) {
      user.add(new ToUser(u, notices, batchId, retry));
      return new Delivered.Posted("2." + user.size());
    }
  }
}
