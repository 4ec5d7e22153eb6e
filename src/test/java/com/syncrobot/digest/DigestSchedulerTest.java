package com.syncrobot.digest;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncrobot.store.Database;
import com.syncrobot.store.Dialect;
import com.syncrobot.testkit.Clocks;
import com.syncrobot.testkit.TestStores;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.threeten.extra.MutableClock;

/** The scheduler's decisions with a fake clock, a real store and a publisher that records its calls. */
@ParameterizedClass
@EnumSource(Dialect.class)
final class DigestSchedulerTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @Parameter
  Dialect dialect;
  @TempDir
  Path dir;
  private String url;

  private final MutableClock clock = Clocks.at("2024-03-10T12:00:00Z");
  private final Recording publisher = new Recording();
  private Database db;
  private DigestStore store;
  private DigestSchedule schedule;

  /** Remembers each publish; answers with a posted delivery unless told to throw. */
  static final class Recording implements DigestPublisher {
    final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    volatile boolean fail;

    @Override
    public Delivery publish(DigestSchedule s, DigestSlot slot, boolean late) {
      calls.add(s.id() + "@" + slot.date() + (late ? " late" : ""));
      if (fail) {
        throw new IllegalStateException("boom");
      }
      return Delivery.posted("1.000" + calls.size(), "ok");
    }
  }

  @BeforeEach
  void open() {
    url = TestStores.newStore(dialect, dir);
    db = Database.open(url);
    store = new DigestStore(db, clock);
    // Created on Sunday; 08:00 Berlin on weekdays (CET in March: 07:00 UTC).
    schedule = store.add("C1", LocalTime.of(8, 0), DigestDays.WEEKDAYS, BERLIN, "U1");
  }

  @AfterEach
  void close() {
    db.close();
  }

  private DigestScheduler scheduler(DigestPublisher p, String instance) {
    return new DigestScheduler(store, p, clock, Duration.ofHours(2), instance);
  }

  @Test
  void tick_beforeDueAtDueAndAfter_publishesExactlyOnceOnTime() {
    DigestScheduler s = scheduler(publisher, "a");
    clock.setInstant(Instant.parse("2024-03-11T06:59:30Z"));
    assertThat(s.tick()).isEmpty();
    clock.setInstant(Instant.parse("2024-03-11T07:00:00Z"));
    assertThat(s.tick()).hasSize(1);
    clock.setInstant(Instant.parse("2024-03-11T07:00:30Z"));
    assertThat(s.tick()).isEmpty();
    clock.setInstant(Instant.parse("2024-03-11T15:00:00Z"));
    assertThat(s.tick()).isEmpty();

    assertThat(publisher.calls).containsExactly(schedule.id() + "@2024-03-11");
    assertThat(store.run(schedule.id(), LocalDate.of(2024, 3, 11)))
        .hasValueSatisfying(r -> assertThat(r.postedTs()).isEqualTo("1.0001"));
  }

  @Test
  void tick_scheduleCreatedAfterTodaysTime_firstRunIsTheNextDay() {
    clock.setInstant(Instant.parse("2024-03-11T09:00:00Z"));
    DigestSchedule late = store.add("C2", LocalTime.of(8, 0), DigestDays.DAILY, BERLIN, "U1");
    DigestScheduler s = scheduler(publisher, "a");
    s.tick();
    assertThat(publisher.calls).doesNotContain(late.id() + "@2024-03-11", late.id() + "@2024-03-11 late");
    clock.setInstant(Instant.parse("2024-03-12T07:00:00Z"));
    s.tick();
    assertThat(publisher.calls).contains(late.id() + "@2024-03-12");
  }

  @Test
  void restart_twoInstancesOnOneFileTickAtTheDueMinute_onlyOnePublishes() {
    try (Database otherDb = Database.open(url)) {
      Recording other = new Recording();
      DigestScheduler a = scheduler(publisher, "a");
      DigestScheduler b = new DigestScheduler(new DigestStore(otherDb, clock), other, clock, Duration.ofHours(2), "b");
      clock.setInstant(Instant.parse("2024-03-11T07:00:10Z"));

      a.tick();
      b.tick();

      assertThat(publisher.calls.size() + other.calls.size()).isEqualTo(1);
    }
  }

  @Test
  void downAtDueTime_startWithinWindow_sendsLateOnce() {
    clock.setInstant(Instant.parse("2024-03-11T08:30:00Z")); // 90 minutes after 08:00 Berlin
    DigestScheduler restarted = scheduler(publisher, "b");

    assertThat(restarted.tick()).singleElement().satisfies(c -> assertThat(c.late()).isTrue());
    clock.add(Duration.ofSeconds(30));
    restarted.tick();

    assertThat(publisher.calls).containsExactly(schedule.id() + "@2024-03-11 late");
  }

  @Test
  void downAtDueTime_startBeyondWindow_skipsAndRecordsIt_nextDayRunsNormally() {
    clock.setInstant(Instant.parse("2024-03-11T09:01:00Z")); // 2 h 1 min late
    DigestScheduler s = scheduler(publisher, "a");

    assertThat(s.tick()).isEmpty();
    assertThat(store.run(schedule.id(), LocalDate.of(2024, 3, 11)))
        .hasValueSatisfying(r -> assertThat(r.outcome()).isEqualTo(Delivery.Outcome.SKIPPED));
    clock.setInstant(Instant.parse("2024-03-12T07:00:00Z"));
    s.tick();

    assertThat(publisher.calls).containsExactly(schedule.id() + "@2024-03-12");
  }

  @Test
  void claimWithinTwoMinutes_isOnTime_laterIsLate() {
    clock.setInstant(Instant.parse("2024-03-11T07:01:59Z"));
    assertThat(scheduler(publisher, "a").tick()).singleElement().satisfies(c -> assertThat(c.late()).isFalse());
    clock.setInstant(Instant.parse("2024-03-12T07:02:01Z"));
    assertThat(scheduler(publisher, "a").tick()).singleElement().satisfies(c -> assertThat(c.late()).isTrue());
  }

  @Test
  void weekend_weekdaySchedule_publishesNothing() {
    DigestScheduler s = scheduler(publisher, "a");
    clock.setInstant(Instant.parse("2024-03-15T07:00:00Z"));
    s.tick(); // Friday
    for (String t : List.of("2024-03-16T07:00:00Z", "2024-03-17T07:00:00Z", "2024-03-17T20:00:00Z")) {
      clock.setInstant(Instant.parse(t));
      s.tick();
    }
    assertThat(publisher.calls).containsExactly(schedule.id() + "@2024-03-15");
  }

  @Test
  void publisherThrows_runIsRecordedFailed_andNotRetried() {
    publisher.fail = true;
    DigestScheduler s = scheduler(publisher, "a");
    clock.setInstant(Instant.parse("2024-03-11T07:00:00Z"));
    s.tick();
    clock.add(Duration.ofSeconds(30));
    s.tick();

    assertThat(publisher.calls).hasSize(1);
    assertThat(store.run(schedule.id(), LocalDate.of(2024, 3, 11)))
        .hasValueSatisfying(r -> assertThat(r.outcome()).isEqualTo(Delivery.Outcome.FAILED));
  }

  @Test
  void startAndClose_loopTicksOnItsOwnThread() throws Exception {
    clock.setInstant(Instant.parse("2024-03-11T07:00:00Z"));
    java.util.concurrent.CountDownLatch published = new java.util.concurrent.CountDownLatch(1);
    DigestScheduler s = scheduler((sch, slot, late) -> {
      published.countDown();
      return Delivery.posted("1.1", "ok");
    }, "a");
    s.start();
    try {
      // The first tick runs at start; this waits for that thread, not for time to pass.
      assertThat(published.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    } finally {
      s.close();
    }
  }
}
