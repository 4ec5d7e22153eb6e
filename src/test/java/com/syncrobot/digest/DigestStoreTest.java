package com.syncrobot.digest;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncrobot.store.Database;
import com.syncrobot.store.Dialect;
import com.syncrobot.testkit.Clocks;
import com.syncrobot.testkit.TestStores;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.threeten.extra.MutableClock;

/** The store's claims and takeovers, on SQLite and on PostgreSQL. */
@ParameterizedClass
@EnumSource(Dialect.class)
final class DigestStoreTest {
  @TempDir
  Path dir;

  private final Dialect dialect;
  private String url;

  private final MutableClock clock = Clocks.at("2024-03-11T10:00:00Z");
  private Database db;
  private DigestStore store;

  DigestStoreTest(Dialect dialect) {
    this.dialect = dialect;
  }

  @BeforeEach
  void open() {
    url = TestStores.newStore(dialect, dir);
    db = Database.open(url);
    store = new DigestStore(db, clock);
  }

  @AfterEach
  void close() {
    db.close();
  }

  private static DigestSlot slot(String date, String dueAt) {
    return new DigestSlot(LocalDate.parse(date), Instant.parse(dueAt));
  }

  @Test
  void add_thenListAndFind_roundTripsEveryField() {
    DigestSchedule added = store.add("C0123", LocalTime.of(8, 0), DigestDays.WEEKDAYS, ZoneId.of("Asia/Kolkata"), "U1");

    assertThat(store.list()).containsExactly(added);
    assertThat(store.find(added.id())).contains(added);
    assertThat(added.createdAt()).isEqualTo(Instant.parse("2024-03-11T10:00:00Z"));
    assertThat(added.zone()).isEqualTo(ZoneId.of("Asia/Kolkata"));
  }

  @Test
  void remove_deletesTheScheduleAndItsRuns_andIdsAreNotReused() {
    DigestSchedule first = store.add("C1", LocalTime.of(8, 0), DigestDays.DAILY, ZoneId.of("UTC"), "U1");
    store.claim(first.id(), slot("2024-03-11", "2024-03-11T08:00:00Z"), "a");

    assertThat(store.remove(first.id())).isTrue();
    assertThat(store.remove(first.id())).isFalse();
    assertThat(store.find(first.id())).isEmpty();
    assertThat(store.run(first.id(), LocalDate.of(2024, 3, 11))).isEmpty();
    // "remove 1" must never hit a schedule created later.
    assertThat(store.add("C1", LocalTime.of(8, 0), DigestDays.DAILY, ZoneId.of("UTC"), "U1").id())
        .isGreaterThan(first.id());
  }

  @Test
  void claim_sameDayTwice_onlyTheFirstWins() {
    DigestSchedule s = store.add("C1", LocalTime.of(8, 0), DigestDays.DAILY, ZoneId.of("UTC"), "U1");
    DigestSlot today = slot("2024-03-11", "2024-03-11T08:00:00Z");

    assertThat(store.claim(s.id(), today, "a")).isTrue();
    assertThat(store.claim(s.id(), today, "b")).isFalse();
    assertThat(store.claim(s.id(), slot("2024-03-12", "2024-03-12T08:00:00Z"), "b")).isTrue();
    assertThat(store.run(s.id(), today.date())).hasValueSatisfying(r -> {
      assertThat(r.claimedBy()).isEqualTo("a");
      assertThat(r.outcome()).isNull();
    });
  }

  @Test
  void claim_twoDatabaseHandlesOnOneFile_onlyOneWins() {
    // Two bot processes sharing the store: each opens it itself.
    try (Database other = Database.open(url)) {
      DigestStore second = new DigestStore(other, clock);
      DigestSchedule s = store.add("C1", LocalTime.of(8, 0), DigestDays.DAILY, ZoneId.of("UTC"), "U1");
      DigestSlot today = slot("2024-03-11", "2024-03-11T08:00:00Z");

      boolean a = store.claim(s.id(), today, "a");
      boolean b = second.claim(s.id(), today, "b");

      assertThat(a ^ b).isTrue();
    }
  }

  @Test
  void finish_recordsOutcomeAndTs_unfinishedListsOnlyOpenClaims() {
    DigestSchedule s = store.add("C1", LocalTime.of(8, 0), DigestDays.DAILY, ZoneId.of("UTC"), "U1");
    store.claim(s.id(), slot("2024-03-10", "2024-03-10T08:00:00Z"), "a");
    store.claim(s.id(), slot("2024-03-11", "2024-03-11T08:00:00Z"), "a");

    store.finish(s.id(), LocalDate.of(2024, 3, 10), "a", Delivery.posted("1710057600.000100", "12 open tickets"));

    assertThat(store.run(s.id(), LocalDate.of(2024, 3, 10))).hasValueSatisfying(r -> {
      assertThat(r.outcome()).isEqualTo(Delivery.Outcome.POSTED);
      assertThat(r.postedTs()).isEqualTo("1710057600.000100");
      assertThat(r.finishedAt()).isEqualTo(Instant.parse("2024-03-11T10:00:00Z"));
    });
    assertThat(store.unfinished()).extracting(DigestRun::date).containsExactly(LocalDate.of(2024, 3, 11));
    assertThat(store.lastRun(s.id()))
        .hasValueSatisfying(r -> assertThat(r.date()).isEqualTo(LocalDate.of(2024, 3, 11)));
  }
  private void beat(String runner, Instant at) {
    db.jdbi().useHandle(h -> h.createUpdate("""
        INSERT INTO plan_runners (id, host, pid, started_at, heartbeat_at) VALUES (:id, 'test', 1, :at, :at)
        ON CONFLICT (id) DO UPDATE SET heartbeat_at = excluded.heartbeat_at""")
        .bind("id", runner).bind("at", at.toEpochMilli()).execute());
  }

  @Test
  void takeOver_onlyFromAHolderSilentForTheLease_andOnlyOnce() {
    DigestSchedule s = store.add("C1", LocalTime.of(8, 0), DigestDays.DAILY, ZoneId.of("UTC"), "U1");
    LocalDate day = LocalDate.of(2024, 3, 11);
    clock.setInstant(Instant.parse("2024-03-11T08:00:00Z"));
    store.claim(s.id(), slot("2024-03-11", "2024-03-11T08:00:00Z"), "runner-a");
    beat("runner-a", clock.instant());
    Instant lease = Instant.parse("2024-03-11T08:00:30Z");

    // The claim is younger than the lease, then its holder still beats: nobody takes it.
    clock.setInstant(Instant.parse("2024-03-11T08:00:20Z"));
    assertThat(store.takeOver(s.id(), day, "runner-a", "runner-b", clock.instant().minusSeconds(30))).isFalse();
    clock.setInstant(Instant.parse("2024-03-11T08:01:00Z"));
    beat("runner-a", clock.instant().minusSeconds(10));
    assertThat(store.alive("runner-a", lease)).isTrue();
    assertThat(store.takeOver(s.id(), day, "runner-a", "runner-b", lease)).isFalse();

    // Silent: exactly one process takes it over, and only it may finish the run.
    clock.setInstant(Instant.parse("2024-03-11T08:02:00Z"));
    Instant stale = clock.instant().minusSeconds(30);
    assertThat(store.alive("runner-a", stale)).isFalse();
    assertThat(store.takeOver(s.id(), day, "runner-a", "runner-b", stale)).isTrue();
    assertThat(store.takeOver(s.id(), day, "runner-a", "runner-c", stale)).isFalse();
    assertThat(store.adopt(s.id(), day, "runner-a", "runner-c", stale, Delivery.posted("1.1", "found"))).isFalse();
    assertThat(store.finish(s.id(), day, "runner-a", Delivery.posted("1.2", "late finish"))).isFalse();
    assertThat(store.finish(s.id(), day, "runner-b", Delivery.posted("1.3", "ok"))).isTrue();
    assertThat(store.run(s.id(), day)).hasValueSatisfying(r -> {
      assertThat(r.claimedBy()).isEqualTo("runner-b");
      assertThat(r.postedTs()).isEqualTo("1.3");
    });
  }

  @Test
  void adopt_recordsTheFoundMessageForTheOneProcessTakingOver() {
    DigestSchedule s = store.add("C1", LocalTime.of(8, 0), DigestDays.DAILY, ZoneId.of("UTC"), "U1");
    LocalDate day = LocalDate.of(2024, 3, 11);
    clock.setInstant(Instant.parse("2024-03-11T08:00:00Z"));
    store.claim(s.id(), slot("2024-03-11", "2024-03-11T08:00:00Z"), "bot-from-before-heartbeats");
    clock.setInstant(Instant.parse("2024-03-11T08:01:00Z"));
    Instant stale = clock.instant().minusSeconds(30);

    assertThat(store.adopt(s.id(), day, "bot-from-before-heartbeats", "runner-b", stale,
        Delivery.notice("1.5", "found"))).isTrue();
    assertThat(store.takeOver(s.id(), day, "bot-from-before-heartbeats", "runner-c", stale)).isFalse();
    assertThat(store.run(s.id(), day)).hasValueSatisfying(r -> {
      assertThat(r.outcome()).isEqualTo(Delivery.Outcome.NOTICE);
      assertThat(r.postedTs()).isEqualTo("1.5");
      assertThat(r.claimedBy()).isEqualTo("runner-b");
      assertThat(r.finishedAt()).isEqualTo(clock.instant());
    });
  }
}
