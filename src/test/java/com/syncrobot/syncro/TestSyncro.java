package com.syncrobot.syncro;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.syncrobot.testkit.Clocks;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.LoggerFactory;
import org.threeten.extra.MutableClock;

/** Builds the real client against WireMock with fake time, a generous budget and short timeouts. */
final class TestSyncro {
  /** Distinctive, so that a test can search every message for it. */
  static final String TOKEN_VALUE = "T0f1e2d3c4b5a6978-SeCrEtToKeN0123456789abcdefZZ";

  static final SyncroToken TOKEN = new SyncroToken(TOKEN_VALUE);
  static final String BASE_PATH = "/api/v1";

  final MutableClock clock = Clocks.at(Instant.parse("2026-03-02T15:00:00Z"));
  final RecordingSleeper rateLimitSleeper = new RecordingSleeper();
  final RequestBudget budget = new RequestBudget(10_000, clock, new RecordingSleeper(clock));
  final SyncroClient client;

  static {
    // Jetty inside WireMock logs every byte at DEBUG when no logback config is present.
    ((Logger) LoggerFactory.getLogger("org.eclipse.jetty")).setLevel(Level.INFO);
    ((Logger) LoggerFactory.getLogger("org.wiremock")).setLevel(Level.INFO);
  }

  TestSyncro(WireMockRuntimeInfo wm) {
    this(wm, 500, Duration.ofSeconds(2));
  }

  TestSyncro(WireMockRuntimeInfo wm, int maxPages) {
    this(wm, maxPages, Duration.ofSeconds(2));
  }

  /** A client whose read timeout is short enough for a WireMock delay to pass it quickly. */
  static TestSyncro withShortReadTimeout(WireMockRuntimeInfo wm) {
    return new TestSyncro(wm, 500, Duration.ofMillis(500));
  }

  private TestSyncro(WireMockRuntimeInfo wm, int maxPages, Duration readTimeout) {
    this.client = SyncroClient.builder()
        .baseUrl(wm.getHttpBaseUrl() + BASE_PATH)
        .budget(budget)
        .sleeper(rateLimitSleeper)
        .connectTimeout(Duration.ofMillis(500))
        .readTimeout(readTimeout)
        .writeTimeout(Duration.ofSeconds(2))
        .callTimeout(Duration.ofSeconds(5))
        .maxPages(maxPages)
        .build();
  }

  SyncroApi api() {
    return client.as(TOKEN);
  }

  static String path(String rel) {
    return BASE_PATH + rel;
  }
}
