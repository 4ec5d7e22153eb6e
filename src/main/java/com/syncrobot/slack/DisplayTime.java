package com.syncrobot.slack;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Formats Syncro timestamps for people: ISO date and 24-hour time in UTC. */
final class DisplayTime {
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT);

  private DisplayTime() {}

  /** Returns e.g. "2024-05-01 14:03 UTC", or "—" for a missing timestamp. */
  static String format(@Nullable OffsetDateTime t) {
    // Syncro sends either Z or the account's offset; showing one zone keeps lists comparable.
    return t == null ? "—" : FORMAT.format(t.withOffsetSameInstant(ZoneOffset.UTC));
  }
}
