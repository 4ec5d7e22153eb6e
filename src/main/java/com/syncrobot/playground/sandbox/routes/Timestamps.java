package com.syncrobot.playground.sandbox.routes;

import com.syncrobot.playground.sandbox.SandboxKnobs;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Prints and parses times the way Syncro does: ISO-8601 with milliseconds, in UTC ({@code Z}) or,
 * with the knob, in the account's offset; labels in account-local time. Parses any offset; a time
 * without one is account-local. Thread-safe.
 */
final class Timestamps {
  private static final DateTimeFormatter OUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
  private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("EEE MM-dd-yy hh:mm a", Locale.US);

  private final SandboxKnobs knobs;

  Timestamps(SandboxKnobs knobs) {
    this.knobs = knobs;
  }

  @Nullable
  String format(@Nullable Instant i) {
    return i == null ? null : i.atZone(outputZone()).format(OUT);
  }

  /** Prints a calendar date as Syncro prints invoice dates: midnight, in the output zone. */
  String date(LocalDate d) {
    return d.atStartOfDay(outputZone()).format(OUT);
  }

  String label(Instant i) {
    return i.atZone(knobs.accountZone()).format(LABEL);
  }

  LocalDate localDate(Instant i) {
    return i.atZone(knobs.accountZone()).toLocalDate();
  }

  ZoneId accountZone() {
    return knobs.accountZone();
  }

  String accountOffset(Instant at) {
    return knobs.accountZone().getRules().getOffset(at).getId().replace("Z", "+00:00");
  }

  /**
   * Parses a timestamp with any offset, a local date-time (account zone) or a date (account-local
   * midnight).
   *
   * @throws DateTimeParseException when it is none of these
   */
  Instant parse(String s) {
    String t = s.strip();
    try {
      return OffsetDateTime.parse(t).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(t).atZone(knobs.accountZone()).toInstant();
      } catch (DateTimeParseException e2) {
        return LocalDate.parse(t).atStartOfDay(knobs.accountZone()).toInstant();
      }
    }
  }

  private ZoneId outputZone() {
    return knobs.accountOffsetTimestamps() ? knobs.accountZone() : ZoneOffset.UTC;
  }
}
