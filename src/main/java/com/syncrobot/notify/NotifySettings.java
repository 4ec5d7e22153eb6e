package com.syncrobot.notify;

import java.time.Duration;
import java.util.Objects;

/**
 * How often each view of Syncro is polled for changes ({@code SYNCRO_BOT_NOTIFY_POLL_SECONDS}) and how long
 * a ticket's first event waits for more before its batch is posted ({@code SYNCRO_BOT_NOTIFY_BATCH_SECONDS}).
 */
public record NotifySettings(Duration pollInterval, Duration batchWindow) {
  public static final Duration DEFAULT_POLL = Duration.ofSeconds(60);
  public static final Duration MIN_POLL = Duration.ofSeconds(10);
  public static final Duration MAX_POLL = Duration.ofHours(1);
  public static final Duration DEFAULT_BATCH = Duration.ofSeconds(20);
  public static final Duration MAX_BATCH = Duration.ofMinutes(10);

  /**
   * Validates the settings.
   *
   * @throws IllegalArgumentException if the poll interval is not 10 s to 1 h or the batch window not 0 to 10 min
   */
  public NotifySettings {
    Objects.requireNonNull(pollInterval, "pollInterval");
    Objects.requireNonNull(batchWindow, "batchWindow");
    if (pollInterval.compareTo(MIN_POLL) < 0 || pollInterval.compareTo(MAX_POLL) > 0) {
      throw new IllegalArgumentException("poll interval must be 10 s to 1 h: " + pollInterval);
    }
    if (batchWindow.isNegative() || batchWindow.compareTo(MAX_BATCH) > 0) {
      throw new IllegalArgumentException("batch window must be 0 to 10 min: " + batchWindow);
    }
  }

  /** Every 60 s, batches of 20 s. */
  public static NotifySettings defaults() {
    return new NotifySettings(DEFAULT_POLL, DEFAULT_BATCH);
  }
}
