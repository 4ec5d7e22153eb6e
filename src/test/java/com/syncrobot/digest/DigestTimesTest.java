package com.syncrobot.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class DigestTimesTest {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
  private static final ZoneId AUCKLAND = ZoneId.of("Pacific/Auckland");

  /**
   * Walks a fake clock from {@code from} to {@code to} in 30-second ticks, as the scheduler does,
   * and returns each local date's run the first time it becomes due: what would be sent.
   */
  private static Map<LocalDate, Instant> runs(String time, DigestDays days, ZoneId zone, String from, String to) {
    Map<LocalDate, Instant> sent = new LinkedHashMap<>();
    LocalTime t = LocalTime.parse(time);
    for (Instant now = Instant.parse(from); !now.isAfter(Instant.parse(to)); now = now.plus(Duration.ofSeconds(30))) {
      DigestSlot slot = DigestTimes.latest(t, days, zone, now);
      if (!slot.dueAt().isBefore(Instant.parse(from))) {
        sent.putIfAbsent(slot.date(), slot.dueAt());
      }
    }
    return sent;
  }

  @Test
  void newYork_ordinaryDay_eightLocalIsNoonUtcInSummer() {
    assertThat(DigestTimes.dueAt(LocalDate.of(2024, 3, 11), LocalTime.of(8, 0), NEW_YORK))
        .isEqualTo(Instant.parse("2024-03-11T12:00:00Z"));
    assertThat(DigestTimes.dueAt(LocalDate.of(2024, 1, 15), LocalTime.of(8, 0), NEW_YORK))
        .isEqualTo(Instant.parse("2024-01-15T13:00:00Z"));
  }

  @Test
  void newYork_springForward_missingTimeRunsOnceAtTheShiftedInstant() {
    // 2024-03-10: 02:00 EST jumps to 03:00 EDT, so 02:30 does not exist; it runs at 03:30 EDT.
    Map<LocalDate, Instant> sent = runs("02:30", DigestDays.DAILY, NEW_YORK, "2024-03-09T00:00:00Z",
        "2024-03-11T12:00:00Z");
    assertThat(sent).containsExactly(
        Map.entry(LocalDate.of(2024, 3, 9), Instant.parse("2024-03-09T07:30:00Z")),
        Map.entry(LocalDate.of(2024, 3, 10), Instant.parse("2024-03-10T07:30:00Z")),
        Map.entry(LocalDate.of(2024, 3, 11), Instant.parse("2024-03-11T06:30:00Z")));
  }

  @Test
  void newYork_fallBack_ambiguousTimeRunsOnceAtTheEarlierInstant() {
    // 2024-11-03: 01:30 happens twice (EDT, then EST an hour later); only the first sends.
    Map<LocalDate, Instant> sent = runs("01:30", DigestDays.DAILY, NEW_YORK, "2024-11-02T12:00:00Z",
        "2024-11-04T12:00:00Z");
    assertThat(sent).containsExactly(
        Map.entry(LocalDate.of(2024, 11, 3), Instant.parse("2024-11-03T05:30:00Z")),
        Map.entry(LocalDate.of(2024, 11, 4), Instant.parse("2024-11-04T06:30:00Z")));
    // At the second 01:30 the latest run is still the first one: same date, nothing new to send.
    assertThat(DigestTimes.latest(LocalTime.of(1, 30), DigestDays.DAILY, NEW_YORK,
        Instant.parse("2024-11-03T06:30:00Z")))
        .isEqualTo(new DigestSlot(LocalDate.of(2024, 11, 3), Instant.parse("2024-11-03T05:30:00Z")));
  }

  @Test
  void berlin_summerAndWinterOffsets_andBothChanges() {
    assertThat(DigestTimes.dueAt(LocalDate.of(2024, 1, 15), LocalTime.of(8, 0), BERLIN))
        .isEqualTo(Instant.parse("2024-01-15T07:00:00Z"));
    assertThat(DigestTimes.dueAt(LocalDate.of(2024, 7, 15), LocalTime.of(8, 0), BERLIN))
        .isEqualTo(Instant.parse("2024-07-15T06:00:00Z"));
    // 2024-03-31 02:00 CET -> 03:00 CEST: 02:30 runs at 03:30 CEST.
    assertThat(runs("02:30", DigestDays.DAILY, BERLIN, "2024-03-30T12:00:00Z", "2024-03-31T12:00:00Z"))
        .containsExactly(Map.entry(LocalDate.of(2024, 3, 31), Instant.parse("2024-03-31T01:30:00Z")));
    // 2024-10-27 03:00 CEST -> 02:00 CET: 02:30 happens twice, runs once at the CEST one.
    assertThat(runs("02:30", DigestDays.DAILY, BERLIN, "2024-10-26T12:00:00Z", "2024-10-27T12:00:00Z"))
        .containsExactly(Map.entry(LocalDate.of(2024, 10, 27), Instant.parse("2024-10-27T00:30:00Z")));
  }

  @Test
  void kolkata_halfHourOffsetWithoutDst_sameUtcTimeAllYear() {
    for (String date : List.of("2024-01-15", "2024-03-11", "2024-07-15", "2024-11-04")) {
      assertThat(DigestTimes.dueAt(LocalDate.parse(date), LocalTime.of(8, 0), KOLKATA))
          .isEqualTo(Instant.parse(date + "T02:30:00Z"));
    }
  }

  @Test
  void weekdays_skipSaturdayAndSunday() {
    // Friday 2024-03-15 08:00 EDT has run; the next is Monday, not Saturday.
    assertThat(DigestTimes.next(LocalTime.of(8, 0), DigestDays.WEEKDAYS, NEW_YORK,
        Instant.parse("2024-03-15T12:00:00Z")))
        .isEqualTo(new DigestSlot(LocalDate.of(2024, 3, 18), Instant.parse("2024-03-18T12:00:00Z")));
    assertThat(runs("08:00", DigestDays.WEEKDAYS, NEW_YORK, "2024-03-14T00:00:00Z", "2024-03-19T00:00:00Z"))
        .containsOnlyKeys(LocalDate.of(2024, 3, 14), LocalDate.of(2024, 3, 15), LocalDate.of(2024, 3, 18));
    // On Sunday the latest weekday run is Friday's.
    assertThat(DigestTimes.latest(LocalTime.of(8, 0), DigestDays.WEEKDAYS, NEW_YORK,
        Instant.parse("2024-03-17T15:00:00Z")))
        .isEqualTo(new DigestSlot(LocalDate.of(2024, 3, 15), Instant.parse("2024-03-15T12:00:00Z")));
  }

  @Test
  void daily_includesTheWeekend() {
    assertThat(DigestTimes.next(LocalTime.of(8, 0), DigestDays.DAILY, NEW_YORK, Instant.parse("2024-03-15T12:00:00Z")))
        .isEqualTo(new DigestSlot(LocalDate.of(2024, 3, 16), Instant.parse("2024-03-16T12:00:00Z")));
  }

  @Test
  void weekdays_areJudgedInTheSchedulesZone() {
    // Monday 07:00 in Auckland (NZDT, +13) is still Sunday in UTC: it runs; Saturday 07:00 there does not.
    assertThat(runs("07:00", DigestDays.WEEKDAYS, AUCKLAND, "2024-03-08T00:00:00Z", "2024-03-11T00:00:00Z"))
        .containsExactly(Map.entry(LocalDate.of(2024, 3, 11), Instant.parse("2024-03-10T18:00:00Z")));
  }

  @Test
  void next_isStrictlyAfter_latestIsAtOrBefore() {
    Instant due = Instant.parse("2024-03-11T02:30:00Z");
    assertThat(DigestTimes.latest(LocalTime.of(8, 0), DigestDays.DAILY, KOLKATA, due).dueAt()).isEqualTo(due);
    assertThat(DigestTimes.next(LocalTime.of(8, 0), DigestDays.DAILY, KOLKATA, due).dueAt())
        .isEqualTo(Instant.parse("2024-03-12T02:30:00Z"));
  }
}
