package com.syncrobot.playground;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.syncrobot.playground.sandbox.SyncroSandbox;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The page's sandbox panel, served on the page's own origin because the sandbox grants no CORS:
 * {@code GET status} (faults, record counts and customer names), {@code POST faults}, {@code POST
 * reset}, and the customer activity that notifications announce, {@code POST customer-reply} and
 * {@code POST new-ticket}, forwarded to the sandbox's admin API. Nothing else of the admin API is reachable from here.
 * POSTs must be {@code application/json}, so another site cannot send them without a preflight.
 */
final class SandboxControls implements HttpHandler {
  private static final Logger log = LoggerFactory.getLogger(SandboxControls.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_BODY = 4096;
  /** Customer activity the panel makes happen, forwarded as is; the answer carries a {@code message}. */
  private static final Set<String> CHANGES = Set.of("customer-reply", "new-ticket");

  private final SyncroSandbox sandbox;
  private final String prefix;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  SandboxControls(SyncroSandbox sandbox, String prefix) {
    this.sandbox = sandbox;
    this.prefix = prefix;
  }

  @Override
  public void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getPath().substring(prefix.length());
      String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
      if (method.equals("GET") && path.equals("status")) {
        send(ex, 200, status());
      } else if (method.equals("POST") && (path.equals("faults") || path.equals("reset")
          || CHANGES.contains(path))) {
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
          send(ex, 415, JSON.createObjectNode().put("error", "send application/json"));
          return;
        }
        byte[] body = ex.getRequestBody().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
          send(ex, 413, JSON.createObjectNode().put("error", "too large"));
          return;
        }
        HttpResponse<String> r = admin("POST", path,
            body.length == 0 ? "{}" : new String(body, StandardCharsets.UTF_8));
        if (r.statusCode() != 200) {
          send(ex, r.statusCode(), JSON.readTree(r.body()));
          return;
        }
        // A change answers what it did ("Ticket #32210 created for …"); the switches answer the new status.
        send(ex, 200, CHANGES.contains(path) ? JSON.readTree(r.body()) : status());
      } else {
        send(ex, 404, JSON.createObjectNode().put("error", "not found"));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The faults now in force, how many records of each kind the sandbox holds, and the customers' names. */
  private ObjectNode status() throws IOException, InterruptedException {
    JsonNode state = JSON.readTree(admin("GET", "state", null).body());
    ObjectNode o = JSON.createObjectNode();
    o.set("faults", state.path("faults"));
    o.set("counts", state.path("counts"));
    ArrayNode customers = o.putArray("customers");
    // The state's prepaid-hours list names every customer, by the name Syncro shows.
    state.path("prepayHours").forEach(c -> customers.add(c.path("name").asText()));
    return o;
  }

  private HttpResponse<String> admin(String method, String path, @Nullable String body) throws IOException,
      InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sandbox.adminUrl() + "/" + path))
        .timeout(Duration.ofSeconds(5)).header("Content-Type", "application/json");
    b = body == null ? b.GET() : b.method(method, HttpRequest.BodyPublishers.ofString(body));
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void send(HttpExchange ex, int status, JsonNode body) {
    try {
      byte[] bytes = JSON.writeValueAsBytes(body);
      ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
      ex.getResponseHeaders().set("Cache-Control", "no-store");
      ex.sendResponseHeaders(status, bytes.length);
      ex.getResponseBody().write(bytes);
    } catch (IOException e) {
      log.debug("sandbox panel reply failed: {}", e.getClass().getName());
    }
  }
}
