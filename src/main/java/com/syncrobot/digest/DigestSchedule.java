package com.syncrobot.digest;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A digest schedule: post to {@code channelId} at {@code time} on {@code days} in {@code zone}.
 * {@code createdBy} is the Slack user whose Syncro token the reads use (R11).
 */
public record DigestSchedule(
    long id, String channelId, LocalTime time, DigestDays days, ZoneId zone, String createdBy, Instant createdAt) {

  public DigestSchedule {
    Objects.requireNonNull(channelId, "channelId == null");
    Objects.requireNonNull(time, "time == null");
    Objects.requireNonNull(days, "days == null");
    Objects.requireNonNull(zone, "zone == null");
    Objects.requireNonNull(createdBy, "createdBy == null");
    Objects.requireNonNull(createdAt, "createdAt == null");
    if (id <= 0) {
      throw new IllegalArgumentException("schedule id must be positive: " + id);
    }
    // Minutes are the schedule's resolution; seconds would make "08:00" and "08:00:30" two schedules.
    time = time.withSecond(0).withNano(0);
  }

  /** Returns the most recent run due at or before {@code now}. */
  public DigestSlot latestSlot(Instant now) {
    return DigestTimes.latest(time, days, zone, now);
  }

  /** Returns the first run due after {@code now}. */
  public DigestSlot nextSlot(Instant now) {
    return DigestTimes.next(time, days, zone, now);
  }
}
