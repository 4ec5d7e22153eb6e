package com.syncrobot.playground.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

final class RequestLogTest {
  private static final Instant T0 = Instant.parse("2026-03-04T16:00:00Z");

  @Test
  void maxInAnyWindow_countsTheBusiestSpan_endExclusive() {
    RequestLog log = new RequestLog();
    for (int s : new int[] {0, 10, 30, 59, 60, 61, 130}) {
      log.add(new RequestLog.Entry(T0.plusSeconds(s), "GET", "/me", 200, 1735L));
    }

    // [10 s, 70 s) holds 10, 30, 59, 60, 61; 0 and 60 are a full minute apart, so never in one window.
    assertThat(log.maxInAnyWindow(Duration.ofSeconds(60))).isEqualTo(5);
    assertThat(log.maxInAnyWindow(Duration.ofSeconds(1))).isEqualTo(1);
  }
}
