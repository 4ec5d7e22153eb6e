package com.syncrobot.playground.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.syncrobot.playground.sandbox.model.SandboxTech;
import com.syncrobot.playground.sandbox.routes.Call;
import com.syncrobot.playground.sandbox.routes.Env;
import com.syncrobot.playground.sandbox.routes.Errors;
import com.syncrobot.playground.sandbox.routes.Json;
import com.syncrobot.playground.sandbox.routes.RailsParams;
import com.syncrobot.playground.sandbox.routes.Router;
import com.syncrobot.playground.sandbox.routes.SandboxReply;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code /api/v1}: latency, then the per-IP rate limit, routing (404), the JSON
 * Content-Type check (400 HTML), the token (401), injected write faults, and the route itself. Every
 * request is logged to the {@link RequestLog}. Thread-safe.
 */
final class ApiHandler implements HttpHandler {
  static final String BASE_PATH = "/api/v1";
  private static final Logger log = LoggerFactory.getLogger(ApiHandler.class);

  private final Env env;
  private final Router router;
  private final RateLimiter limiter;
  private final SandboxFaults faults;
  private final RequestLog requests;
  private final Delay delay;

  ApiHandler(Env env, Router router, RateLimiter limiter, SandboxFaults faults, RequestLog requests, Delay delay) {
    this.env = env;
    this.router = router;
    this.limiter = limiter;
    this.faults = faults;
    this.requests = requests;
    this.delay = delay;
  }

  /** What to answer: a reply, or null to drop the connection; and who asked, when known. */
  private record Outcome(@Nullable SandboxReply reply, @Nullable Long techId) {}

  @Override
  public void handle(HttpExchange ex) {
    Instant arrived = env.now();
    String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
    String raw = ex.getRequestURI().getRawPath();
    String path = raw.length() > BASE_PATH.length() ? raw.substring(BASE_PATH.length()) : "/";
    boolean logged = false;
    try {
      Outcome outcome = process(ex, method, path);
      SandboxReply r = outcome.reply();
      // Logged before the client can see the answer, so whoever reads the log after a response finds it.
      requests.add(new RequestLog.Entry(arrived, method, path, r == null ? 0 : r.status(), outcome.techId()));
      logged = true;
      if (r == null) {
        SandboxHttp.drop(ex);
      } else {
        SandboxHttp.send(ex, r);
      }
    } catch (IOException | RuntimeException e) {
      // The client went away, or a bug: never log bodies or the query (it holds the token).
      log.warn("sandbox {} {} failed: {}", method, path, e.getClass().getName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      if (!logged) {
        requests.add(new RequestLog.Entry(arrived, method, path, 0, null));
      }
      ex.close();
    }
  }

  private Outcome process(HttpExchange ex, String method, String path) throws IOException, InterruptedException {
    byte[] bytes = SandboxHttp.body(ex);
    Duration latency = faults.latency();
    if (!latency.isZero()) {
      delay.pause(latency);
    }
    if (faults.down()) {
      return new Outcome(null, null);
    }
    String ip = ex.getRemoteAddress().getAddress().getHostAddress();
    if (!limiter.tryAcquire(ip, env.now(), env.knobs.rateLimit(), env.knobs.rateLimitWindow())) {
      return new Outcome(rateLimited(), null);
    }
    if (!path.startsWith("/")) {
      return new Outcome(SandboxReply.notFound(), null);
    }
    Optional<Router.Match> match = router.match(method, path);
    if (match.isEmpty()) {
      return new Outcome(SandboxReply.notFound(), null);
    }
    if (bytes == null) {
      return new Outcome(SandboxReply.html(413, "413 Request Entity Too Large"), null);
    }
    ObjectNode body = Json.obj();
    if (bytes.length > 0) {
      String ct = ex.getRequestHeaders().getFirst("Content-Type");
      // Without a JSON content type the body is parsed as a form and Rails answers 400 with a page.
      if (ct == null || !ct.toLowerCase(Locale.ROOT).startsWith("application/json")) {
        return new Outcome(SandboxReply.html(400, "400 Bad Request"), null);
      }
      try {
        JsonNode parsed = Json.MAPPER.readTree(bytes);
        if (parsed != null && parsed.isObject()) {
          body = (ObjectNode) parsed;
        }
      } catch (JsonProcessingException e) {
        return new Outcome(SandboxReply.html(400, "400 Bad Request"), null);
      }
    }
    Map<String, String> query = SandboxHttp.query(ex.getRequestURI().getRawQuery());
    String token = token(query, ex.getRequestHeaders().getFirst("Authorization"), body);
    SandboxTech tech = token == null ? null
        : env.store.apply(d -> Optional.ofNullable(d.tokens.get(token)).map(d.techs::get).orElse(null));
    if (tech == null) {
      return new Outcome(Errors.error(401, "Not authorized: API key missing, invalid or expired"), null);
    }
    WriteFault fault = method.equals("GET") ? null : faults.takeNextWrite();
    if (fault == WriteFault.PASS) {
      fault = null;
    }
    if (fault != null && !fault.commits()) {
      return new Outcome(beforeCommit(fault), tech.id());
    }
    Call call = new Call(method, path, match.get().id(), new RailsParams(body, query), tech);
    Router.Match route = match.get();
    if (fault == WriteFault.GATEWAY_TIMEOUT_THEN_COMMIT) {
      // the proxy gives up on Syncro and answers now; Syncro is still working and commits later
      Duration later = faults.commitDelay();
      Thread t = new Thread(() -> {
        try {
          delay.pause(later);
          apply(route, call);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "sandbox-late-commit");
      t.setDaemon(true);
      t.start();
      return new Outcome(SandboxReply.html(504, "504 Gateway Time-out"), tech.id());
    }
    if (fault == WriteFault.SLOW_COMMIT) {
      // Syncro is slow: the client stops waiting meanwhile, then the write lands and the answer goes nowhere
      delay.pause(faults.commitDelay());
    }
    SandboxReply reply = apply(route, call);
    return new Outcome(fault == null || fault == WriteFault.SLOW_COMMIT ? reply : afterCommit(fault), tech.id());
  }

  private static SandboxReply apply(Router.Match route, Call call) {
    try {
      return route.handler().handle(call);
    } catch (RuntimeException e) {
      log.warn("sandbox route {} {} failed", call.method(), call.path(), e);
      return SandboxReply.html(500, "We're sorry, but something went wrong.");
    }
  }

  private SandboxReply rateLimited() {
    SandboxReply r = Errors.error(429, "Rate limit exceeded");
    Integer retryAfter = env.knobs.retryAfterSeconds();
    return retryAfter == null ? r : r.withHeader("Retry-After", Integer.toString(retryAfter));
  }

  private @Nullable SandboxReply beforeCommit(WriteFault f) {
    switch (f) {
      case BAD_GATEWAY_BEFORE_COMMIT :
        return SandboxReply.html(502, "502 Bad Gateway");
      case RATE_LIMITED :
        return rateLimited();
      case REFUSED_422 :
        return Errors.messages(List.of("Syncro refused this write (sandbox fault 422)"));
      default :
        return null;
    }
  }

  private static @Nullable SandboxReply afterCommit(WriteFault f) {
    switch (f) {
      case SERVER_ERROR_AFTER_COMMIT :
        return SandboxReply.html(500, "We're sorry, but something went wrong.");
      case NON_JSON_200 :
        return new SandboxReply(200, SandboxReply.HTML,
            "<html><body>You are being <a href=\"/tickets\">redirected</a>.</body></html>"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8),
            Map.of());
      default :
        return null;
    }
  }

  /** Finds the key where clients put it: {@code ?api_key=}, {@code Authorization: [Bearer] k}, or the JSON body. */
  private static @Nullable String token(Map<String, String> query, @Nullable String authorization, ObjectNode body) {
    String q = query.get("api_key");
    if (q != null && !q.isBlank()) {
      return q.strip();
    }
    if (authorization != null && !authorization.isBlank()) {
      String a = authorization.strip();
      return a.regionMatches(true, 0, "Bearer ", 0, 7) ? a.substring(7).strip() : a;
    }
    JsonNode b = body.get("api_key");
    return b != null && b.isTextual() ? b.asText().strip() : null;
  }
}
