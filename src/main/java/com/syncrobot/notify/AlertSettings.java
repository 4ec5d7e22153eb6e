package com.syncrobot.notify;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A technician's personal alerts, each switched on or off with {@code /syncro notify}: a ticket assigned
 * to them, a customer reply on their ticket, their appointment starting within {@code appointmentMinutes},
 * a prepaid customer of their open tickets with fewer than {@code prepaidHours} left. Held during {@code
 * quiet} hours in {@code zone} (their Slack time zone when they last changed a setting).
 */
public record AlertSettings(String slackUserId, boolean assigned, boolean replies, boolean appointments,
    int appointmentMinutes, boolean prepaid, BigDecimal prepaidHours, @Nullable QuietHours quiet, ZoneId zone) {
  public static final int DEFAULT_APPOINTMENT_MINUTES = 30;
  public static final BigDecimal DEFAULT_PREPAID_HOURS = BigDecimal.valueOf(2);

  public AlertSettings {
    Objects.requireNonNull(slackUserId, "slackUserId");
    Objects.requireNonNull(prepaidHours, "prepaidHours");
    Objects.requireNonNull(zone, "zone");
    if (appointmentMinutes < 1 || appointmentMinutes > 24 * 60) {
      throw new IllegalArgumentException("appointment minutes must be 1..1440: " + appointmentMinutes);
    }
    if (prepaidHours.signum() <= 0) {
      throw new IllegalArgumentException("prepaid hours must be positive");
    }
  }

  /** Everything off: what a technician has before their first {@code /syncro notify}. */
  public static AlertSettings off(String slackUserId, ZoneId zone) {
    return new AlertSettings(slackUserId, false, false, false, DEFAULT_APPOINTMENT_MINUTES, false,
        DEFAULT_PREPAID_HOURS, null, zone);
  }

  /** Whether any alert is on. */
  public boolean anyOn() {
    return assigned || replies || appointments || prepaid;
  }

  /** The outbox target of this technician's direct messages. */
  public String target() {
    return Target.user(slackUserId);
  }
}
