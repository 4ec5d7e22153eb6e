package com.syncrobot.notify;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.Instant;
import java.util.Objects;

/**
 * Hours in a technician's own time zone when direct-message alerts are held, from {@code from} up to (not
 * including) {@code to}; may run over midnight (22:00 to 07:00).
 */
public record QuietHours(LocalTime from, LocalTime to) {
  public QuietHours {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (from.equals(to)) {
      throw new IllegalArgumentException("quiet hours must not start and end at the same time");
    }
  }

  /** Whether {@code at} falls in the quiet hours, in {@code zone}. */
  public boolean contains(Instant at, ZoneId zone) {
    LocalTime t = at.atZone(zone).toLocalTime();
    return from.isBefore(to) ? !t.isBefore(from) && t.isBefore(to) : !t.isBefore(from) || t.isBefore(to);
  }

  /** When the quiet hours that contain {@code at} end (at itself when it is not in them). */
  public Instant endAfter(Instant at, ZoneId zone) {
    if (!contains(at, zone)) {
      return at;
    }
    ZonedDateTime local = at.atZone(zone);
    ZonedDateTime end = local.with(to);
    if (!end.isAfter(local)) {
      end = local.toLocalDate().plusDays(1).atTime(to).atZone(zone);
    }
    return end.toInstant();
  }
}
