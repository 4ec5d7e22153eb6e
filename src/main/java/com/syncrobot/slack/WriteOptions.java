package com.syncrobot.slack;

import com.syncrobot.write.Scheduler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Settings of the write side: how long a preview may wait for Confirm, the optional audit channel
 * and session-log folder, the drafting seam, and the scheduler for the engine's re-checks.
 */
public record WriteOptions(
    Duration previewTtl,
    @Nullable String auditChannel,
    @Nullable Path sessionLogDir,
    Drafter drafter,
    Scheduler scheduler) {
  public WriteOptions {
    Objects.requireNonNull(previewTtl, "previewTtl == null");
    Objects.requireNonNull(drafter, "drafter == null");
    Objects.requireNonNull(scheduler, "scheduler == null");
    if (previewTtl.isNegative() || previewTtl.isZero()) {
      throw new IllegalArgumentException("previewTtl must be positive: " + previewTtl);
    }
  }
}
