package com.syncrobot.playground.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.syncrobot.playground.sandbox.model.SandboxTicket;
import com.syncrobot.playground.sandbox.routes.Json;
import com.syncrobot.syncro.SyncroAmbiguousWriteException;
import com.syncrobot.syncro.SyncroWrite;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The {@code /_sandbox/} admin API the playground page and tests drive. */
final class AdminApiTest {
  private final SandboxFixture f = new SandboxFixture();

  @AfterEach
  void tearDown() {
    f.close();
  }

  private JsonNode admin(String method, String path, String body) {
    HttpResponse<String> r = f.sendTo(f.sandbox.adminUrl() + path, method, body, "application/json", Map.of());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return f.json(r);
  }

  @Test
  void state_countsAndRecords_withoutTokens() {
    HttpResponse<String> raw = f.sendTo(f.sandbox.adminUrl() + "/state", "GET", null, null, Map.of());
    JsonNode s = f.json(raw);

    assertThat(s.at("/counts/tickets").asInt()).isEqualTo(30);
    assertThat(s.at("/counts/invoices").asInt()).isEqualTo(5);
    assertThat(s.at("/records/tickets/0/number").asLong()).isEqualTo(32150);
    assertThat(s.get("prepayHours").findValuesAsText("prepayHours")).contains("10.0", "0.0");
    for (String token : f.sandbox.seedTokens().values()) {
      assertThat(raw.body()).doesNotContain(token);
    }
  }

  @Test
  void faults_setThroughTheAdminApi_applyToTheNextWrite() {
    JsonNode faults = admin("POST", "/faults", "{\"latencyMs\":5,\"nextWrite\":[\"drop_after_commit\"]}");
    assertThat(faults.get("pendingWrites").get(0).asText()).isEqualTo("drop_after_commit");
    SandboxTicket t = f.state().ticketByNumber(32150).orElseThrow();

    assertThatThrownBy(() -> f.api().write(SyncroWrite.post("/tickets/" + t.id() + "/comment",
        Json.obj().put("subject", "S").put("body", "B"), "/comment/id")))
        .isInstanceOf(SyncroAmbiguousWriteException.class);

    assertThat(f.state().commentsOf(t.id())).hasSize(3);
    assertThat(f.latencies).containsExactly(Duration.ofMillis(5));
    assertThat(admin("POST", "/faults", "{\"clear\":true}").get("latencyMs").asLong()).isZero();
  }

  @Test
  void faults_unknownName_is400() {
    HttpResponse<String> r = f.sendTo(f.sandbox.adminUrl() + "/faults", "POST", "{\"nextWrite\":\"explode\"}",
        "application/json", Map.of());

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(f.json(r).get("error").asText()).contains("explode");
    assertThat(f.sandbox.faults().pendingWrites()).isEmpty();
  }

  @Test
  void knobs_setThroughTheAdminApi() {
    JsonNode k = admin("POST", "/knobs", "{\"ticketsPageSize\":50,\"retryAfterSeconds\":30,"
        + "\"accountOffsetTimestamps\":true,\"invoiceDeleteFailsSilently\":true}");

    assertThat(k.get("ticketsPageSize").asInt()).isEqualTo(50);
    assertThat(f.getJson("/tickets").get("tickets")).hasSize(30);
    assertThat(f.sandbox.knobs().retryAfterSeconds()).isEqualTo(30);
    assertThat(f.sandbox.knobs().invoiceDeleteFailsSilently()).isTrue();
    assertThat(f.get("/me").statusCode()).isEqualTo(200);
  }

  @Test
  void reset_bringsBackTheSeed_andClearsFaultsAndLog() {
    SandboxTicket t = f.state().ticketByNumber(32150).orElseThrow();
    f.postJson("/tickets/" + t.id() + "/comment", "{\"subject\":\"S\",\"body\":\"B\"}");
    f.sandbox.faults().nextWrite(WriteFault.RATE_LIMITED);
    f.sandbox.knobs().ticketsPageSize(3);

    JsonNode counts = admin("POST", "/reset", "");

    assertThat(counts.get("requests").asInt()).isZero();
    assertThat(f.state().commentsOf(t.id())).hasSize(2);
    assertThat(f.sandbox.faults().pendingWrites()).isEmpty();
    assertThat(f.sandbox.knobs().ticketsPageSize()).isEqualTo(25);
  }

  @Test
  void requests_summarisesTheLog() {
    f.get("/me");
    f.get("/tickets");

    JsonNode r = admin("GET", "/requests", null);

    assertThat(r.get("count").asInt()).isEqualTo(2);
    assertThat(r.get("maxInAnyMinute").asInt()).isEqualTo(2);
    assertThat(r.at("/recent/1/path").asText()).isEqualTo("/tickets");
  }
}
