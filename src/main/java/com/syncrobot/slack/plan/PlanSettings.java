package com.syncrobot.slack.plan;

import com.github.benmanes.caffeine.cache.Ticker;
import com.syncrobot.draft.OllamaClient;
import com.syncrobot.metrics.Metrics;
import com.syncrobot.store.RateStore;
import com.syncrobot.write.PlanExecutor;
import com.syncrobot.write.Scheduler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Settings of the write side: how long a preview may wait for Confirm, the optional audit channel
 * and session-log folder, the language model for drafting (R13; without URLs every draft falls back
 * to the technician's words), the labour rate table for billing, Syncro's web address for links, the
 * scheduler for the engine's re-checks, the ticker of the account-settings cache, and how long the
 * plan runner's heartbeat stays fresh, and where the bot's metrics are recorded.
 *
 * @param syncroWebUrl e.g. {@code https://acme.syncromsp.com}; null when unknown (no links are shown)
 */
public record PlanSettings(
    Duration previewTtl,
    @Nullable String auditChannel,
    @Nullable Path sessionLogDir,
    OllamaClient ollama,
    RateStore rates,
    @Nullable String syncroWebUrl,
    Scheduler scheduler,
    Ticker ticker,
    Duration settleWindow,
    Duration runnerLease,
    Metrics metrics) {
  /** Returns the settings without metrics. */
  public PlanSettings(Duration previewTtl, @Nullable String auditChannel, @Nullable Path sessionLogDir,
      OllamaClient ollama, RateStore rates, @Nullable String syncroWebUrl, Scheduler scheduler, Ticker ticker,
      Duration settleWindow, Duration runnerLease) {
    this(previewTtl, auditChannel, sessionLogDir, ollama, rates, syncroWebUrl, scheduler, ticker, settleWindow,
        runnerLease, Metrics.NONE);
  }

  /** Returns the options with the system ticker for the settings cache, the default settle window and lease. */
  public PlanSettings(Duration previewTtl, @Nullable String auditChannel, @Nullable Path sessionLogDir,
      OllamaClient ollama, RateStore rates, @Nullable String syncroWebUrl, Scheduler scheduler) {
    this(previewTtl, auditChannel, sessionLogDir, ollama, rates, syncroWebUrl, scheduler, Ticker.systemTicker(),
        PlanExecutor.DEFAULT_SETTLE, PlanExecutor.DEFAULT_RUNNER_LEASE);
  }

  /** Returns the options with the system ticker and {@code settleWindow} (see {@link PlanExecutor.Builder#settleWindow}). */
  public PlanSettings(Duration previewTtl, @Nullable String auditChannel, @Nullable Path sessionLogDir,
      OllamaClient ollama, RateStore rates, @Nullable String syncroWebUrl, Scheduler scheduler, Duration settleWindow) {
    this(previewTtl, auditChannel, sessionLogDir, ollama, rates, syncroWebUrl, scheduler, Ticker.systemTicker(),
        settleWindow, PlanExecutor.DEFAULT_RUNNER_LEASE);
  }

  public PlanSettings {
    Objects.requireNonNull(ticker, "ticker == null");
    Objects.requireNonNull(previewTtl, "previewTtl == null");
    Objects.requireNonNull(ollama, "ollama == null");
    Objects.requireNonNull(rates, "rates == null");
    Objects.requireNonNull(scheduler, "scheduler == null");
    Objects.requireNonNull(settleWindow, "settleWindow == null");
    Objects.requireNonNull(runnerLease, "runnerLease == null");
    Objects.requireNonNull(metrics, "metrics == null");
    if (previewTtl.isNegative() || previewTtl.isZero()) {
      throw new IllegalArgumentException("previewTtl must be positive: " + previewTtl);
    }
  }

  /** Returns Syncro's web address for an API base URL: {@code https://x.syncromsp.com/api/v1} loses {@code /api/v1}. */
  public static String webUrlOf(String apiBaseUrl) {
    String s = apiBaseUrl.strip();
    while (s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    if (s.endsWith("/api/v1")) {
      s = s.substring(0, s.length() - "/api/v1".length());
    }
    return s;
  }
}
