package com.syncrobot.digest;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * How digests behave: how late a run missed while the bot was down may still be sent, after how
 * many days without an update a ticket counts as untouched, and how many ticket details one digest
 * may read to find uninvoiced line items; and who may manage digests and where Syncro data may go:
 * {@code admins} (Slack user ids) may remove anyone's digest, and {@code allowSharedChannels} lets
 * digests and link previews into channels shared with another organization (Slack Connect).
 */
public record DigestSettings(Duration lateWindow, int untouchedDays, int maxLineItemReads, Set<String> admins,
    boolean allowSharedChannels) {
  public static final Duration DEFAULT_LATE_WINDOW = Duration.ofHours(2);
  public static final int DEFAULT_UNTOUCHED_DAYS = 7;
  public static final int DEFAULT_LINE_ITEM_READS = 100;
  /** Beyond a day, a late run could be confused with the next day's. */
  public static final Duration MAX_LATE_WINDOW = Duration.ofHours(23);

  /**
   * Validates the settings.
   *
   * @throws IllegalArgumentException if the window is negative or above 23 hours, untouched days are
   *     not 1 to 365, or line-item reads are not 0 to 1000
   */
  public DigestSettings {
    Objects.requireNonNull(lateWindow, "lateWindow == null");
    if (lateWindow.isNegative() || lateWindow.compareTo(MAX_LATE_WINDOW) > 0) {
      throw new IllegalArgumentException("late window must be 0 to 23 hours: " + lateWindow);
    }
    if (untouchedDays < 1 || untouchedDays > 365) {
      throw new IllegalArgumentException("untouched days must be 1 to 365: " + untouchedDays);
    }
    if (maxLineItemReads < 0 || maxLineItemReads > 1000) {
      throw new IllegalArgumentException("line-item reads must be 0 to 1000: " + maxLineItemReads);
    }
    admins = Set.copyOf(admins);
  }

  /** The settings with no admins and shared channels refused. */
  public DigestSettings(Duration lateWindow, int untouchedDays, int maxLineItemReads) {
    this(lateWindow, untouchedDays, maxLineItemReads, Set.of(), false);
  }

  /** Returns the defaults: 2 hours, 7 days, 100 reads, no admins, shared channels refused. */
  public static DigestSettings defaults() {
    return new DigestSettings(DEFAULT_LATE_WINDOW, DEFAULT_UNTOUCHED_DAYS, DEFAULT_LINE_ITEM_READS);
  }
}
