package com.syncrobot.playground.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncrobot.playground.sandbox.routes.Json;
import com.syncrobot.syncro.RequestBudget;
import com.syncrobot.syncro.SyncroClient;
import com.syncrobot.syncro.SyncroToken;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** 180 requests per rolling 60 s per client IP, on the injected clock. */
final class RateLimitTest {
  private final SandboxFixture f = new SandboxFixture();

  @AfterEach
  void tearDown() {
    f.close();
  }

  @Test
  void request181InTheWindow_is429WithoutRetryAfter_andTheWindowRolls() {
    for (int i = 0; i < 180; i++) {
      assertThat(f.get("/me").statusCode()).as("request %d", i + 1).isEqualTo(200);
    }

    HttpResponse<String> limited = f.get("/me");

    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(f.json(limited)).isEqualTo(Json.obj().put("error", "Rate limit exceeded"));
    assertThat(limited.headers().firstValue("Retry-After")).isEmpty();
    f.clock.add(Duration.ofSeconds(59));
    assertThat(f.get("/me").statusCode()).isEqualTo(429);
    f.clock.add(Duration.ofSeconds(1));
    assertThat(f.get("/me").statusCode()).isEqualTo(200);
  }

  @Test
  void limitIsPerIpNotPerToken_andUnauthenticatedRequestsCount() {
    for (int i = 0; i < 90; i++) {
      f.get("/me");
      f.sendTo(f.sandbox.baseUrl() + "/me?api_key=" + f.token(SandboxFixture.MARCO), "GET", null, null,
          java.util.Map.of());
    }

    assertThat(f.sendTo(f.sandbox.baseUrl() + "/me", "GET", null, null, java.util.Map.of()).statusCode())
        .isEqualTo(429);
  }

  @Test
  void retryAfterKnob_addsTheHeader() {
    f.sandbox.knobs().rateLimit(1).retryAfterSeconds(30);
    f.get("/me");

    HttpResponse<String> limited = f.get("/me");

    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).contains("30");
  }

  @Test
  void theRealClient_waitsOutA429AndGetsThrough() {
    f.sandbox.knobs().rateLimit(2);
    // This client's own budget would not stop it; only the sandbox's 429 does.
    SyncroClient client = SyncroClient.builder().baseUrl(f.sandbox.baseUrl())
        .budget(new RequestBudget(1000, f.clock, d -> {}))
        .sleeper(f.clock::add).build();
    client.as(new SyncroToken(f.token(SandboxFixture.DANA))).me();
    client.as(new SyncroToken(f.token(SandboxFixture.DANA))).me();

    long user = client.as(new SyncroToken(f.token(SandboxFixture.MARCO))).me().userId();

    assertThat(user).isEqualTo(1750);
    assertThat(f.sandbox.requestLog().entries()).extracting(RequestLog.Entry::status)
        .containsExactly(200, 200, 429, 200);
  }
}
