package com.syncrobot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.syncrobot.store.Database;
import com.syncrobot.store.Dialect;
import com.syncrobot.testkit.Clocks;
import com.syncrobot.testkit.TestStores;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.threeten.extra.MutableClock;

/** A delivery is handled once, whichever replica it reaches and however often it comes (R2). */
@ParameterizedClass
@EnumSource(Dialect.class)
final class DeliveryLogTest {
  @Parameter
  Dialect dialect;
  @TempDir
  Path dir;

  private final MutableClock clock = Clocks.at("2026-03-02T15:00:00Z");
  private final List<Database> databases = new ArrayList<>();
  private String url;

  @BeforeEach
  void open() {
    url = TestStores.newStore(dialect, dir);
  }

  private final List<DeliveryLog> logs = new ArrayList<>();

  @AfterEach
  void close() {
    logs.forEach(DeliveryLog::close);
    databases.forEach(Database::close);
  }

  /** One replica's log, on its own connections to the shared store. */
  private DeliveryLog replica() {
    Database db = Database.open(url);
    databases.add(db);
    DeliveryLog log = new DeliveryLog(db.jdbi(), clock);
    logs.add(log);
    return log;
  }

  @Test
  void firstTime_onceThenRedelivery_seenWithoutRecording() {
    DeliveryLog log = replica();

    assertThat(log.seen("click:1")).isFalse();
    assertThat(log.firstTime("click:1")).isTrue();
    assertThat(log.firstTime("click:1")).isFalse();
    assertThat(replica().firstTime("click:1")).isFalse();
    assertThat(log.seen("click:1")).isTrue();
    assertThat(log.seen("click:2")).isFalse();
  }

  @Test
  void prune_forgetsOnlyKeysOlderThanADay() {
    DeliveryLog log = replica();
    log.firstTime("old");
    clock.add(Duration.ofHours(20));
    log.firstTime("recent");
    clock.add(DeliveryLog.KEEP.minusHours(20).plusSeconds(1));

    assertThat(log.prune()).isEqualTo(1);
    assertThat(log.seen("old")).isFalse();
    assertThat(log.seen("recent")).isTrue();
  }

  @Test
  void sameDeliveryAtThreeReplicasAtOnce_exactlyOneHandlesIt() throws Exception {
    List<DeliveryLog> replicas = List.of(replica(), replica(), replica());
    ExecutorService pool = Executors.newFixedThreadPool(30);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Boolean>> futures = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        DeliveryLog log = replicas.get(i % replicas.size());
        futures.add(pool.submit(() -> {
          go.await();
          return log.firstTime("view:V1:submission");
        }));
      }
      go.countDown();
      int handled = 0;
      for (Future<Boolean> f : futures) {
        handled += f.get(30, TimeUnit.SECONDS) ? 1 : 0;
      }
      assertThat(handled).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void firstDelivery_onceInThisProcess_thenRecordedForARestartAndAnotherReplica() throws Exception {
    DeliveryLog log = replica();

    assertThat(log.firstDelivery("action:1")).isTrue();
    assertThat(log.firstDelivery("action:1")).isFalse();
    assertThat(log.flush(Duration.ofSeconds(10))).isTrue();
    assertThat(log.seen("action:1")).isTrue();
    // A restarted bot or another replica finds it in the store.
    assertThat(replica().firstDelivery("action:1")).isFalse();
    assertThat(replica().firstDelivery("action:2")).isTrue();
  }

  @Test
  void firstDelivery_closedLog_recordsWhatWasWaiting() {
    DeliveryLog log = replica();
    for (int i = 0; i < 50; i++) {
      assertThat(log.firstDelivery("view:V" + i + ":h")).isTrue();
    }
    log.close();

    DeliveryLog restarted = replica();
    for (int i = 0; i < 50; i++) {
      assertThat(restarted.firstDelivery("view:V" + i + ":h")).as("key %d", i).isFalse();
    }
  }

  @Test
  void firstDelivery_sameKeyAtOnceInOneProcess_exactlyOneHandlesIt() throws Exception {
    DeliveryLog log = replica();
    ExecutorService pool = Executors.newFixedThreadPool(20);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Boolean>> futures = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        futures.add(pool.submit(() -> {
          go.await();
          return log.firstDelivery("action:same");
        }));
      }
      go.countDown();
      int handled = 0;
      for (Future<Boolean> f : futures) {
        handled += f.get(30, TimeUnit.SECONDS) ? 1 : 0;
      }
      assertThat(handled).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void firstDelivery_whileAnotherConnectionHoldsTheSqliteWriteLock_answersBeforeItIsReleased() throws Exception {
    assumeTrue(dialect == Dialect.SQLITE, "SQLite's single writer");
    DeliveryLog log = replica();
    assertThat(log.firstDelivery("action:before")).isTrue();
    assertThat(log.flush(Duration.ofSeconds(10))).isTrue();
    DeliveryLog restarted = replica();
    boolean first;
    boolean redelivered;
    boolean known;
    try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
      st.execute("BEGIN IMMEDIATE");
      st.execute("DELETE FROM slack_deliveries WHERE delivery_key = 'none'");
      // Answered while the lock is held: none of these waits for the writer.
      first = restarted.firstDelivery("action:held");
      redelivered = restarted.firstDelivery("action:held");
      known = restarted.firstDelivery("action:before");
      assertThat(restarted.flush(Duration.ofMillis(200))).isFalse();
      st.execute("ROLLBACK");
    }
    assertThat(first).isTrue();
    assertThat(redelivered).isFalse();
    assertThat(known).isFalse();
    // Recorded once the writer is free.
    assertThat(restarted.flush(Duration.ofSeconds(10))).isTrue();
    assertThat(restarted.seen("action:held")).isTrue();
  }

  @Test
  void firstDelivery_onSqlite_readsTheStoreOnceAtTheFirstDelivery_notForEachOnItsWayToTheAck() throws Exception {
    assumeTrue(dialect == Dialect.SQLITE, "one process per SQLite store");
    DeliveryLog before = replica();
    assertThat(before.firstDelivery("action:before")).isTrue();
    assertThat(before.flush(Duration.ofSeconds(10))).isTrue();
    Database db = Database.open(url);
    databases.add(db);
    AtomicInteger reads = new AtomicInteger();
    db.jdbi().setSqlLogger(new SqlLogger() {
      @Override
      public void logBeforeExecution(StatementContext ctx) {
        String sql = ctx.getRenderedSql();
        if (sql.startsWith("SELECT") && sql.contains("slack_deliveries")) {
          reads.incrementAndGet();
        }
      }
    });
    DeliveryLog restarted = new DeliveryLog(db.jdbi(), clock);
    logs.add(restarted);

    assertThat(restarted.firstDelivery("action:before")).isFalse();
    for (int i = 0; i < 20; i++) {
      assertThat(restarted.firstDelivery("action:" + i)).isTrue();
      assertThat(restarted.firstDelivery("action:" + i)).isFalse();
    }
    assertThat(reads.get()).isEqualTo(1);
    assertThat(restarted.flush(Duration.ofSeconds(10))).isTrue();
    assertThat(restarted.seen("action:19")).isTrue();
  }

  @Test
  void firstDelivery_onSqlite_keysForgottenForMemory_areLookedUpInTheStore() throws Exception {
    assumeTrue(dialect == Dialect.SQLITE, "one process per SQLite store");
    Database db = Database.open(url);
    databases.add(db);
    DeliveryLog log = new DeliveryLog(db.jdbi(), clock, 3);
    logs.add(log);
    for (int i = 0; i < 10; i++) {
      assertThat(log.firstDelivery("action:" + i)).isTrue();
    }
    assertThat(log.flush(Duration.ofSeconds(10))).isTrue();

    for (int i = 0; i < 10; i++) {
      assertThat(log.firstDelivery("action:" + i)).as("redelivery %d", i).isFalse();
    }
    assertThat(log.firstDelivery("action:new")).isTrue();
  }
}
