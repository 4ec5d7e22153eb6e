package com.syncrobot.digest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The schedule arithmetic, pure and clock-free: when "08:00 on weekdays in Europe/Berlin" falls
 * as an instant. A local time that a spring-forward gap skips runs once, at the shifted instant
 * (02:30 becomes 03:30); a local time that a fall-back overlap repeats runs once, at the earlier
 * of its two instants. A schedule's days are judged in its own zone.
 */
public final class DigestTimes {
  /** Further than any run can be from the instant we look from (weekdays skip at most two days). */
  private static final int SEARCH_DAYS = 9;

  private DigestTimes() {}

  /**
   * Returns the instant of the run on local {@code date}: {@code time} that day in {@code zone},
   * moved later by the length of a gap, or at the earlier offset in an overlap.
   */
  public static Instant dueAt(LocalDate date, LocalTime time, ZoneId zone) {
    // ofLocal with no preferred offset: gap -> shifted later by the gap, overlap -> earlier offset.
    return ZonedDateTime.ofLocal(date.atTime(time), zone, null).toInstant();
  }

  /** Returns the most recent run due at or before {@code notAfter}. */
  public static DigestSlot latest(LocalTime time, DigestDays days, ZoneId zone, Instant notAfter) {
    // Start a day ahead: a shifted run of "tomorrow" can never be due yet, but this keeps the
    // search independent of how the zone's dates line up with notAfter.
    LocalDate date = notAfter.atZone(zone).toLocalDate().plusDays(1);
    for (int i = 0; i < SEARCH_DAYS; i++, date = date.minusDays(1)) {
      if (days.includes(date.getDayOfWeek())) {
        Instant at = dueAt(date, time, zone);
        if (!at.isAfter(notAfter)) {
          return new DigestSlot(date, at);
        }
      }
    }
    throw new IllegalStateException("no run within " + SEARCH_DAYS + " days before " + notAfter);
  }

  /** Returns the first run due strictly after {@code after}. */
  public static DigestSlot next(LocalTime time, DigestDays days, ZoneId zone, Instant after) {
    LocalDate date = after.atZone(zone).toLocalDate().minusDays(1);
    for (int i = 0; i < SEARCH_DAYS; i++, date = date.plusDays(1)) {
      if (days.includes(date.getDayOfWeek())) {
        Instant at = dueAt(date, time, zone);
        if (at.isAfter(after)) {
          return new DigestSlot(date, at);
        }
      }
    }
    throw new IllegalStateException("no run within " + SEARCH_DAYS + " days after " + after);
  }
}
