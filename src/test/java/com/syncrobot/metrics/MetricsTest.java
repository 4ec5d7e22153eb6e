package com.syncrobot.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncrobot.digest.Delivery;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

final class MetricsTest {
  @Test
  void template_keepsWordsOnly_idsNumbersAndQueriesGo() {
    assertThat(Metrics.template("/tickets/4711/comment?api_key=x&number=1042")).isEqualTo("/tickets/{id}/comment");
    assertThat(Metrics.template("/tickets?number=1042")).isEqualTo("/tickets");
    assertThat(Metrics.template("/invoices/98765")).isEqualTo("/invoices/{id}");
    assertThat(Metrics.template("/customers/Acme%20Dental")).isEqualTo("/customers/{id}");
    assertThat(Metrics.template("/tickets/settings")).isEqualTo("/tickets/settings");
    assertThat(Metrics.template("")).isEqualTo("/");
    assertThat(Metrics.template("/a/b/c/d/e/f/g/h")).isEqualTo("/a/b/c/d/e/f/...");
  }

  @Test
  void none_recordsNothing() {
    Metrics.NONE.syncroRequest("GET", "/tickets/1", 200, Metrics.NONE.start());
    Metrics.NONE.digest(Delivery.Outcome.POSTED, true);

    assertThat(Metrics.NONE.enabled()).isFalse();
    assertThat(Metrics.NONE.scrape()).isEmpty();
  }

  @Test
  void digests_countedByOutcome_lateOnesAlsoAsLate() {
    Metrics m = Metrics.prometheus();

    m.digest(Delivery.Outcome.POSTED, false);
    m.digest(Delivery.Outcome.POSTED, true);
    m.digest(Delivery.Outcome.SKIPPED, true);

    String body = m.scrape();
    assertThat(body).contains("syncro_bot_digests_total{outcome=\"posted\"} 2",
        "syncro_bot_digests_total{outcome=\"skipped\"} 1",
        "syncro_bot_digests_late_total{outcome=\"posted\"} 1", "syncro_bot_digests_late_total{outcome=\"skipped\"} 1");
  }

  @Test
  void syncroRequest_unknownMethodAndOddStatus_fixedValues_refusalsCounted() {
    Metrics m = Metrics.prometheus();

    m.syncroRequest("PROPFIND", "/tickets/1", 999, m.start());
    m.syncroRequest("GET", "/me", 0, m.start());
    m.syncroRequest("GET", "/me", 403, m.start());

    String body = m.scrape();
    assertThat(body).contains("method=\"OTHER\",path=\"/tickets/{id}\",status=\"other\"",
        "method=\"GET\",path=\"/me\",status=\"none\"", "syncro_bot_syncro_token_refusals_total{status=\"403\"} 1");
  }

  enum Phase {
    ONE, TWO
  }

  @Test
  void planStates_askedOnceWhileReused() {
    Metrics m = Metrics.prometheus();
    AtomicInteger asked = new AtomicInteger();

    m.planStates(Phase.values(), () -> {
      asked.incrementAndGet();
      return Map.of(Phase.ONE, 3L);
    });

    String body = m.scrape() + m.scrape();
    assertThat(body).contains("syncro_bot_plans{state=\"one\"} 3.0", "syncro_bot_plans{state=\"two\"} 0.0");
    assertThat(asked).hasValue(1);
  }
}
