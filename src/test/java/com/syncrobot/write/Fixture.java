package com.syncrobot.write;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.syncrobot.store.Database;
import com.syncrobot.store.Dialect;
import com.syncrobot.syncro.RequestBudget;
import com.syncrobot.syncro.SyncroApi;
import com.syncrobot.syncro.SyncroClient;
import com.syncrobot.syncro.SyncroToken;
import com.syncrobot.testkit.Clocks;
import com.syncrobot.testkit.Fixtures;
import com.syncrobot.testkit.TempFolders;
import com.syncrobot.testkit.TestStores;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.threeten.extra.MutableClock;

/**
 * One bot's write path over a real store (a SQLite file or a PostgreSQL database, {@link TestStores}) and Syncro
 * on WireMock: the real SyncroClient, the real store, a hand-moved clock and a scheduler whose re-checks run when
 * the test says so. A test runs once per {@link Dialect} and holds one fixture per test method as an
 * {@code @AutoClose} field; it makes its own folder and removes it on {@link #close()}.
 */
final class Fixture implements AutoCloseable {
  static final Instant T0 = Instant.parse("2026-03-02T15:00:00Z");
  /** Generous, so a slow first request on a cold JVM is not mistaken for a lost answer. */
  static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

  final Path dir;
  final Dialect dialect;
  /** The store's URL: opening it again is a restarted bot, or a second replica. */
  final String url;
  final MutableClock clock = Clocks.at(T0);
  final ManualScheduler scheduler = new ManualScheduler();
  final RecordingListener listener = new RecordingListener();
  final SyncroStubs syncro;
  final SyncroClient client;
  final Map<String, SyncroApi> apis = new ConcurrentHashMap<>();
  private final List<Database> databases = new ArrayList<>();
  final PlanStore store;

  /** A fixture against {@code wm}, a static extension (its server runs before test instances are made). */
  Fixture(WireMockExtension wm, Dialect dialect) {
    this.dir = TempFolders.create("write-fixture");
    this.dialect = dialect;
    this.url = TestStores.newStore(dialect, dir);
    this.syncro = new SyncroStubs(wm);
    this.client = client(READ_TIMEOUT);
    apis.put(Plans.OWNER, client.as(new SyncroToken(Fixtures.SYNCRO_TOKEN)));
    this.store = newStore();
  }

  /** Returns a real client against WireMock that gives up reading an answer after {@code readTimeout}. */
  SyncroClient client(Duration readTimeout) {
    return SyncroClient.builder()
        .baseUrl(syncro.baseUrl())
        .readTimeout(readTimeout)
        .budget(new RequestBudget(10_000, Clock.systemUTC(), d -> {}))
        .sleeper(d -> {})
        .build();
  }

  /** Opens the same database again, as a restarted bot (or a second replica) would. */
  PlanStore newStore() {
    return new PlanStore(newDatabase().jdbi());
  }

  /** Opens the same database again, with its own connections; closed with the fixture. */
  Database newDatabase() {
    Database db = Database.open(url);
    databases.add(db);
    return db;
  }

  PlanExecutor engine(Executor executor) {
    return engine(store, executor, listener);
  }

  PlanExecutor engine(PlanStore on, Executor executor, PlanListener to) {
    return PlanExecutor.builder()
        .store(on)
        .apis(slackUserId -> Optional.ofNullable(apis.get(slackUserId)))
        .listener(to)
        .executor(executor)
        .scheduler(scheduler)
        .clock(clock)
        .build();
  }

  /**
   * Lets the settle window pass: moves the clock beyond it and runs the re-checks scheduled meanwhile, so a
   * write still not found is now called absent.
   */
  void settle() {
    clock.add(PlanExecutor.DEFAULT_SETTLE.plusSeconds(1));
    scheduler.runDue();
  }

  /** Stores {@code plan} as the Slack side does before showing the preview. */
  Plan stored(Plan plan) {
    store.create(plan);
    return plan;
  }

  Plan plan(String id) {
    return store.find(id).orElseThrow();
  }

  @Override
  public void close() {
    databases.forEach(Database::close);
    TempFolders.delete(dir);
  }
}
