package com.syncrobot.playground.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.syncrobot.playground.sandbox.model.SandboxState;
import com.syncrobot.playground.sandbox.routes.Json;
import com.syncrobot.syncro.RequestBudget;
import com.syncrobot.syncro.SyncroApi;
import com.syncrobot.syncro.SyncroClient;
import com.syncrobot.syncro.SyncroToken;
import com.syncrobot.testkit.Clocks;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.threeten.extra.MutableClock;

/**
 * A sandbox on loopback with a test clock, the real {@link SyncroClient} pointed at it, and a raw
 * JDK HTTP client for quirks the typed client hides.
 */
public final class SandboxFixture implements AutoCloseable {
  static final long DANA = 1735;
  static final long MARCO = 1750;
  static final long PRIYA = 1737;

  /** A Wednesday morning in Phoenix, so "this week" has days on both sides. */
  public static final Instant START = Instant.parse("2026-03-04T16:30:00Z");

  final MutableClock clock = Clocks.at(START);
  /** What the client's 429 handling waited for, instead of sleeping. */
  final List<Duration> rateLimitWaits = Collections.synchronizedList(new ArrayList<>());
  final List<Duration> latencies = Collections.synchronizedList(new ArrayList<>());
  final SyncroSandbox sandbox;
  final SyncroClient client;
  private final HttpClient raw = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();

  SandboxFixture() {
    try {
      sandbox = SyncroSandbox.start("127.0.0.1", 0, clock, latencies::add);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    client = SyncroClient.builder()
        .baseUrl(sandbox.baseUrl())
        .budget(new RequestBudget(100_000, clock, d -> {}))
        .sleeper(rateLimitWaits::add)
        .connectTimeout(Duration.ofSeconds(2))
        .readTimeout(Duration.ofSeconds(5))
        .callTimeout(Duration.ofSeconds(10))
        .build();
  }

  SyncroApi api() {
    return api(DANA);
  }

  SyncroApi api(long techId) {
    return client.as(new SyncroToken(token(techId)));
  }

  String token(long techId) {
    return sandbox.seedTokens().get(techId);
  }

  SandboxState state() {
    return sandbox.state();
  }

  /** Sends a raw request below {@code /api/v1} with Dana's token in the query. */
  HttpResponse<String> send(String method, String pathAndQuery, @Nullable String body, @Nullable String contentType) {
    String sep = pathAndQuery.contains("?") ? "&" : "?";
    return sendTo(sandbox.baseUrl() + pathAndQuery + sep + "api_key=" + token(DANA), method, body, contentType,
        Map.of());
  }

  HttpResponse<String> sendTo(String url, String method, @Nullable String body, @Nullable String contentType,
      Map<String, String> headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    headers.forEach(b::header);
    try {
      return raw.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<String> get(String pathAndQuery) {
    return send("GET", pathAndQuery, null, null);
  }

  JsonNode json(HttpResponse<String> r) {
    try {
      return Json.MAPPER.readTree(r.body());
    } catch (IOException e) {
      throw new IllegalStateException("not JSON: " + r.body(), e);
    }
  }

  JsonNode getJson(String pathAndQuery) {
    return json(get(pathAndQuery));
  }

  JsonNode postJson(String path, String body) {
    return json(send("POST", path, body, "application/json"));
  }

  @Override
  public void close() {
    sandbox.stop();
  }
}
