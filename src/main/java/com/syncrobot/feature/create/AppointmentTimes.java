package com.syncrobot.feature.create;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Appointment times for people and for Syncro: shown with the weekday in the technician's zone
 * (the weekday is what went wrong once), sent as UTC ISO-8601 with {@code Z}.
 */
public final class AppointmentTimes {
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("EEEE d MMM yyyy, HH:mm zzz",
      Locale.ENGLISH);
  private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("EEE d MMM HH:mm zzz", Locale.ENGLISH);

  private AppointmentTimes() {}

  /** Returns e.g. "Tuesday 3 Mar 2026, 18:00 PST". */
  public static String shown(Instant t, ZoneId zone) {
    return SHOWN.format(t.atZone(zone));
  }

  /** Returns e.g. "Tue 3 Mar 18:00 PST", for titles, labels and lists. */
  static String brief(Instant t, ZoneId zone) {
    return SHORT.format(t.atZone(zone));
  }

  /** Returns the instant as Syncro gets it: UTC, seconds, {@code Z}. */
  public static String utc(Instant t) {
    return t.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** Returns e.g. "1 h 30 min". */
  static String duration(Duration d) {
    long h = d.toHours();
    int m = d.toMinutesPart();
    if (h == 0) {
      return m + " min";
    }
    return h + " h" + (m == 0 ? "" : " " + m + " min");
  }
}
