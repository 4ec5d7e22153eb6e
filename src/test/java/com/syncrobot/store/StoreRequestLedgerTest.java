package com.syncrobot.store;

import static com.syncrobot.syncro.RequestBudget.Priority.BACKGROUND;
import static com.syncrobot.syncro.RequestBudget.Priority.INTERACTIVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.syncrobot.syncro.RequestBudget;
import com.syncrobot.syncro.Sleeper;
import com.syncrobot.testkit.Clocks;
import com.syncrobot.testkit.TestStores;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.threeten.extra.MutableClock;

/**
 * The Syncro request budget kept in the store (issue 15), on SQLite and on PostgreSQL: every process on one
 * database that names the same egress shares one budget, and a restarted bot remembers its last minute. Each
 * {@link Database} opened here on the same URL stands for one bot process; a fake clock moved by the budgets'
 * sleepers stands for time.
 */
@ParameterizedClass
@EnumSource(Dialect.class)
final class StoreRequestLedgerTest {
  private static final Instant T0 = Instant.parse("2026-03-02T15:00:00Z");

  @Parameter
  Dialect dialect;

  @TempDir
  Path dir;

  private String url;

  @BeforeEach
  void newStore() {
    url = TestStores.newStore(dialect, dir);
  }

  private Database open() {
    return Database.open(url);
  }

  private static RequestBudget budget(Database db, String egress, int limit, MutableClock clock, Sleeper sleeper) {
    return new RequestBudget(limit, new StoreRequestLedger(db, egress), clock, sleeper);
  }

  private static RequestBudget budget(Database db, int limit, MutableClock clock, Sleeper sleeper) {
    return budget(db, "default", limit, clock, sleeper);
  }

  /** A sleeper that records each wait and moves the clock by it. */
  private static Sleeper recording(MutableClock clock, List<Duration> sleeps) {
    return d -> {
      sleeps.add(d);
      clock.add(d);
    };
  }

  private static Sleeper never() {
    return d -> {
      throw new AssertionError("waited " + d + " with room in the window");
    };
  }

  @Test
  void restartedBot_waitsForTheRequestsOfItsLastMinute() throws Exception {
    MutableClock clock = Clocks.at(T0);
    try (Database db = open()) {
      RequestBudget before = budget(db, 20, clock, never());
      before.acquire(INTERACTIVE); // T0
      clock.add(Duration.ofSeconds(10));
      for (int i = 0; i < 19; i++) {
        before.acquire(INTERACTIVE); // T0+10 s: the window is full
      }
    }
    clock.add(Duration.ofSeconds(5)); // the restart
    List<Duration> sleeps = new ArrayList<>();
    try (Database db = open()) {
      RequestBudget after = budget(db, 20, clock, recording(clock, sleeps));

      assertThat(after.expectedWait(INTERACTIVE)).isEqualTo(Duration.ofSeconds(47));
      Instant granted = after.acquire(INTERACTIVE);

      // The permit of T0 leaves the window at T0+62 s, 47 s after the new process asked.
      assertThat(sleeps).containsExactly(Duration.ofSeconds(47));
      assertThat(granted).isEqualTo(T0.plusSeconds(62));
      assertThat(after.grantedTotal()).isEqualTo(1);
    }
  }

  @Test
  void fourProcessesOnOneStore_manyThreads_neverMoreThanTheLimitInAnyWindow() throws Exception {
    int limit = 9; // a reserve of 1 for interactive permits
    int processes = 4;
    int threadsPerProcess = 2;
    int permitsPerThread = 6;
    int permits = processes * threadsPerProcess * permitsPerThread;
    MutableClock clock = Clocks.at(T0);
    List<Instant> granted = new CopyOnWriteArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(processes * threadsPerProcess);
    List<Database> stores = new ArrayList<>();
    try {
      List<RequestBudget> budgets = new ArrayList<>();
      for (int i = 0; i < processes; i++) {
        Database db = open();
        stores.add(db);
        budgets.add(budget(db, limit, clock, clock::add));
      }
      List<Future<?>> work = new ArrayList<>();
      for (RequestBudget budget : budgets) {
        for (int t = 0; t < threadsPerProcess; t++) {
          RequestBudget.Priority p = t % 2 == 0 ? INTERACTIVE : BACKGROUND;
          work.add(pool.submit(() -> {
            for (int i = 0; i < permitsPerThread; i++) {
              granted.add(budget.acquire(p));
            }
            return null;
          }));
        }
      }
      for (Future<?> f : work) {
        f.get();
      }
      assertThat(budgets.stream().mapToLong(RequestBudget::grantedTotal).sum()).isEqualTo(permits);
    } finally {
      pool.shutdownNow();
      stores.forEach(Database::close);
    }

    List<Instant> sorted = granted.stream().sorted().toList();
    assertThat(sorted).hasSize(permits);
    int most = 0;
    for (int i = 0; i < sorted.size(); i++) {
      Instant end = sorted.get(i).plus(RequestBudget.WINDOW);
      int j = i;
      while (j < sorted.size() && sorted.get(j).isBefore(end)) {
        j++;
      }
      most = Math.max(most, j - i);
    }
    // Every window of 62 s (and so every 60 s that Syncro counts) holds at most the limit.
    assertThat(most).isLessThanOrEqualTo(limit);
  }

  @Test
  void backgroundWorkInOneProcess_leavesTheReserveToATechnicianInAnother() throws Exception {
    MutableClock clock = Clocks.at(T0);
    List<Duration> digestSleeps = new ArrayList<>();
    try (Database one = open(); Database two = open()) {
      RequestBudget digests = budget(one, 18, clock, recording(clock, digestSleeps));
      RequestBudget technicians = budget(two, 18, clock, never());
      assertThat(digests.reserve()).isEqualTo(2);
      for (int i = 0; i < 16; i++) {
        digests.acquire(BACKGROUND); // T0
      }
      clock.add(Duration.ofSeconds(1));
      assertThat(digests.expectedWait(BACKGROUND)).isEqualTo(Duration.ofSeconds(61));
      assertThat(technicians.expectedWait(BACKGROUND)).isEqualTo(Duration.ofSeconds(61));
      assertThat(technicians.expectedWait(INTERACTIVE)).isZero();

      technicians.acquire(INTERACTIVE); // T0+1 s, from the reserve
      technicians.acquire(INTERACTIVE);
      assertThat(technicians.expectedWait(INTERACTIVE)).isEqualTo(Duration.ofSeconds(61));

      // More background work waits for the digests' permits of T0 to leave the window.
      assertThat(digests.acquire(BACKGROUND)).isEqualTo(T0.plusSeconds(62));
      assertThat(digestSleeps).containsExactly(Duration.ofSeconds(61));
    }
  }

  @Test
  void expectedWait_countsThePermitsOfAnotherProcess() throws Exception {
    MutableClock clock = Clocks.at(T0);
    try (Database one = open(); Database two = open()) {
      RequestBudget busy = budget(one, 3, clock, never());
      RequestBudget idle = budget(two, 3, clock, never());
      busy.acquire(INTERACTIVE); // T0
      clock.add(Duration.ofSeconds(20));
      assertThat(idle.expectedWait(INTERACTIVE)).isZero();
      busy.acquire(INTERACTIVE); // T0+20 s
      busy.acquire(INTERACTIVE); // the window is full

      clock.add(Duration.ofSeconds(5));
      // The permit of T0 leaves at T0+62 s, 37 s from now; the idle process has taken none itself.
      assertThat(idle.expectedWait(INTERACTIVE)).isEqualTo(Duration.ofSeconds(37));
      assertThat(idle.grantedTotal()).isZero();
    }
  }

  @Test
  void differentEgresses_areDifferentBudgets() throws Exception {
    MutableClock clock = Clocks.at(T0);
    try (Database one = open(); Database two = open()) {
      RequestBudget office = budget(one, "office-nat", 2, clock, never());
      RequestBudget cloud = budget(two, "cloud.eu-1", 2, clock, never());
      office.acquire(INTERACTIVE);
      office.acquire(INTERACTIVE);

      assertThat(office.expectedWait(INTERACTIVE)).isEqualTo(RequestBudget.WINDOW);
      assertThat(cloud.expectedWait(INTERACTIVE)).isZero();
      cloud.acquire(INTERACTIVE);
      cloud.acquire(INTERACTIVE);
    }
  }

  @Test
  void permitsThatNoLongerCount_arePrunedByTheNextProcess() throws Exception {
    MutableClock clock = Clocks.at(T0);
    try (Database db = open()) {
      RequestBudget before = budget(db, 180, clock, never());
      for (int i = 0; i < 5; i++) {
        before.acquire(BACKGROUND);
      }
      clock.add(RequestBudget.WINDOW.multipliedBy(2));
      budget(db, 180, clock, never()).acquire(INTERACTIVE);

      List<Long> left = db.jdbi().withHandle(h -> h.createQuery("SELECT granted_at FROM syncro_permits")
          .mapTo(Long.class).list());
      assertThat(left).containsExactly(T0.plus(RequestBudget.WINDOW.multipliedBy(2)).toEpochMilli());
    }
  }

  @Test
  void badEgressName_refused() {
    try (Database db = open()) {
      for (String bad : List.of("", "two words", "-leading-dash", "x".repeat(64), "ünïcode")) {
        assertThatThrownBy(() -> new StoreRequestLedger(db, bad))
            .as(bad)
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("not an egress name");
      }
      new StoreRequestLedger(db, "x".repeat(63));
    }
  }
}
