package com.syncrobot.slack.blocks;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Formats Syncro timestamps for people. In Slack: a date token that Slack shows in each reader's own
 * time zone (their Slack setting), with the UTC time as the fallback text. In files: ISO date and
 * 24-hour time in UTC.
 */
public final class DisplayTime {
  private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT);

  private DisplayTime() {}

  /** Returns e.g. "2024-05-01 14:03 UTC", or "—" for a missing timestamp. */
  public static String format(@Nullable OffsetDateTime t) {
    // Syncro sends either Z or the account's offset; showing one zone keeps lists comparable.
    return t == null ? "—" : FORMAT.format(t.withOffsetSameInstant(ZoneOffset.UTC));
  }

  /**
   * Returns a Slack date token, e.g. {@code <!date^1764953229^{date_short_pretty} at {time}|2025-12-05 16:47 UTC>},
   * which Slack shows as "Dec 5 at 9:47 AM" in the reader's own time zone; "—" for a missing timestamp. Only
   * for mrkdwn text.
   */
  public static String local(@Nullable OffsetDateTime t) {
    return t == null ? "—" : local(t.toInstant());
  }

  /** Returns the Slack date token for {@code t}, shown in the reader's own time zone. */
  public static String local(Instant t) {
    return "<!date^" + t.getEpochSecond() + "^{date_short_pretty} at {time}|"
        + FORMAT.format(t.atOffset(ZoneOffset.UTC)) + ">";
  }
}
