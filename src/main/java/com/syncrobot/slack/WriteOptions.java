package com.syncrobot.slack;

import com.github.benmanes.caffeine.cache.Ticker;
import com.syncrobot.write.Scheduler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Settings of the write side: how long a preview may wait for Confirm, the optional audit channel
 * and session-log folder, the drafting seam, the scheduler for the engine's re-checks, and the
 * ticker of the account-settings cache.
 */
public record WriteOptions(
    Duration previewTtl,
    @Nullable String auditChannel,
    @Nullable Path sessionLogDir,
    Drafter drafter,
    Scheduler scheduler,
    Ticker ticker) {
  /** Returns the options with the system ticker for the settings cache. */
  public WriteOptions(Duration previewTtl, @Nullable String auditChannel, @Nullable Path sessionLogDir, Drafter drafter,
      Scheduler scheduler) {
    this(previewTtl, auditChannel, sessionLogDir, drafter, scheduler, Ticker.systemTicker());
  }

  public WriteOptions {
    Objects.requireNonNull(ticker, "ticker == null");
    Objects.requireNonNull(previewTtl, "previewTtl == null");
    Objects.requireNonNull(drafter, "drafter == null");
    Objects.requireNonNull(scheduler, "scheduler == null");
    if (previewTtl.isNegative() || previewTtl.isZero()) {
      throw new IllegalArgumentException("previewTtl must be positive: " + previewTtl);
    }
  }
}
