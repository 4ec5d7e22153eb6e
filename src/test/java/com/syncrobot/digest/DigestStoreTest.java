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
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.threeten.extra.MutableClock;

@ParameterizedClass
@EnumSource(Dialect.class)
final class DigestStoreTest {
  @Parameter
  Dialect dialect;
  @TempDir
  Path dir;
  private String url;

  private final MutableClock clock = Clocks.at("2024-03-11T10:00:00Z");
  private Database db;
  private DigestStore store;

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
    // Two bot processes sharing the store: each opens the file itself.
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

    store.finish(s.id(), LocalDate.of(2024, 3, 10), Delivery.posted("1710057600.000100", "12 open tickets"));

    assertThat(store.run(s.id(), LocalDate.of(2024, 3, 10))).hasValueSatisfying(r -> {
      assertThat(r.outcome()).isEqualTo(Delivery.Outcome.POSTED);
      assertThat(r.postedTs()).isEqualTo("1710057600.000100");
      assertThat(r.finishedAt()).isEqualTo(Instant.parse("2024-03-11T10:00:00Z"));
    });
    assertThat(store.unfinished()).extracting(DigestRun::date).containsExactly(LocalDate.of(2024, 3, 11));
    assertThat(store.lastRun(s.id()))
        .hasValueSatisfying(r -> assertThat(r.date()).isEqualTo(LocalDate.of(2024, 3, 11)));
  }
}
