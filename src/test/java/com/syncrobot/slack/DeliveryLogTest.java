package com.syncrobot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncrobot.store.Database;
import com.syncrobot.store.Dialect;
import com.syncrobot.testkit.Clocks;
import com.syncrobot.testkit.TestStores;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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

  @AfterEach
  void close() {
    databases.forEach(Database::close);
  }

  /** One replica's log, on its own connections to the shared store. */
  private DeliveryLog replica() {
    Database db = Database.open(url);
    databases.add(db);
    return new DeliveryLog(db.jdbi(), clock);
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
}
