package com.syncrobot.app;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.QueryStringParser;
import com.slack.api.bolt.util.SlackRequestParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's HTTP side on the JDK's built-in server: {@code POST /slack/events} hands the raw UTF-8
 * body to Bolt (which checks the signature and dispatches) and {@code GET /healthz} reports
 * whether the store answers. In Socket Mode only {@code /healthz} is served. Thread-safe.
 */
public final class HttpTransport implements AutoCloseable {
  public static final String EVENTS_PATH = "/slack/events";
  public static final String HEALTH_PATH = "/healthz";
  /** Slack payloads are a few KB; anything far larger is not from Slack. */
  static final int MAX_BODY_BYTES = 1 << 20;

  private static final Logger log = LoggerFactory.getLogger(HttpTransport.class);
  private static final String JSON = "application/json; charset=utf-8";

  private final HttpServer server;
  private final ThreadPoolExecutor executor;
  private final @Nullable App app;
  private final @Nullable SlackRequestParser parser;
  private final BooleanSupplier storeHealthy;

  private HttpTransport(HttpServer server, ThreadPoolExecutor executor, @Nullable App app,
      BooleanSupplier storeHealthy) {
    this.server = server;
    this.executor = executor;
    this.app = app;
    this.parser = app == null ? null : new SlackRequestParser(app.config());
    this.storeHealthy = storeHealthy;
  }

  /** Serves Slack requests for {@code app} and the health check; port 0 picks a free port. */
  public static HttpTransport serveSlack(InetSocketAddress address, App app, BooleanSupplier storeHealthy)
      throws IOException {
    return start(address, app, storeHealthy);
  }

  /** Serves only the health check (Socket Mode, where Slack's requests arrive over the WebSocket). */
  public static HttpTransport serveHealthOnly(InetSocketAddress address, BooleanSupplier storeHealthy)
      throws IOException {
    return start(address, null, storeHealthy);
  }

  private static HttpTransport start(InetSocketAddress address, @Nullable App app, BooleanSupplier storeHealthy)
      throws IOException {
    HttpServer server = HttpServer.create(address, 64);
    AtomicInteger n = new AtomicInteger();
    // Handlers ack fast and push slow work elsewhere, so a few threads suffice. When they are all
    // busy and the queue is full, the accepting thread runs the exchange itself: back-pressure
    // rather than dropped requests.
    ThreadPoolExecutor executor = new ThreadPoolExecutor(8, 8, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(100),
        r -> {
          Thread t = new Thread(r, "http-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        },
        new ThreadPoolExecutor.CallerRunsPolicy());
    executor.allowCoreThreadTimeOut(true);
    server.setExecutor(executor);
    HttpTransport transport = new HttpTransport(server, executor, app, storeHealthy);
    server.createContext("/", transport::handle);
    server.start();
    log.info("HTTP listening on {} ({})", transport.address(), app == null ? "health only" : "Slack events and health");
    return transport;
  }

  /** Returns the address actually bound, with the real port when 0 was asked for. */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  /** Returns the port actually bound. */
  public int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) {
    try {
      String path = exchange.getRequestURI().getPath();
      if (HEALTH_PATH.equals(path)) {
        health(exchange);
      } else if (EVENTS_PATH.equals(path) && app != null) {
        events(exchange, app);
      } else {
        drain(exchange);
        send(exchange, 404, JSON, "{\"error\":\"not found\"}");
      }
    } catch (IOException | RuntimeException e) {
      // A client that went away or a bug: log the type and path only, never a body or header.
      log.warn("HTTP {} {} failed: {}", exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
          e.getClass().getName());
    } finally {
      exchange.close();
    }
  }

  private void health(HttpExchange exchange) throws IOException {
    drain(exchange);
    String method = exchange.getRequestMethod();
    if (!"GET".equals(method) && !"HEAD".equals(method)) {
      exchange.getResponseHeaders().set("Allow", "GET, HEAD");
      send(exchange, 405, JSON, "{\"error\":\"method not allowed\"}");
      return;
    }
    boolean ok;
    try {
      ok = storeHealthy.getAsBoolean();
    } catch (RuntimeException e) {
      ok = false;
    }
    if (ok) {
      send(exchange, 200, JSON, "{\"status\":\"ok\",\"store\":\"ok\"}");
    } else {
      send(exchange, 503, JSON, "{\"status\":\"unavailable\",\"store\":\"down\"}");
    }
  }

  private void events(HttpExchange exchange, App app) throws IOException {
    if (!"POST".equals(exchange.getRequestMethod())) {
      drain(exchange);
      exchange.getResponseHeaders().set("Allow", "POST");
      send(exchange, 405, JSON, "{\"error\":\"method not allowed\"}");
      return;
    }
    byte[] raw = readBody(exchange.getRequestBody());
    if (raw == null) {
      send(exchange, 413, JSON, "{\"error\":\"body too large\"}");
      return;
    }
    // The signature covers the exact bytes Slack sent; decode them as UTF-8 and change nothing.
    String body = new String(raw, StandardCharsets.UTF_8);
    Map<String, List<String>> query = QueryStringParser.toMap(exchange.getRequestURI().getRawQuery());
    SlackRequestParser.HttpRequest httpRequest = SlackRequestParser.HttpRequest.builder()
        .requestUri(exchange.getRequestURI().getPath())
        .queryString(query)
        .requestBody(body)
        .headers(new RequestHeaders(exchange.getRequestHeaders()))
        .remoteAddress(exchange.getRemoteAddress().getAddress().getHostAddress())
        .build();
    Request<?> request;
    try {
      request = parser().parse(httpRequest);
    } catch (RuntimeException e) {
      request = null;
    }
    if (request == null) {
      send(exchange, 400, JSON, "{\"error\":\"unrecognised Slack request\"}");
      return;
    }
    Response response;
    try {
      response = app.run(request);
    } catch (Exception e) {
      log.error("Handling a Slack request ({}) failed: {}", request.getRequestType(), e.getClass().getName());
      send(exchange, 500, JSON, "{\"error\":\"internal error\"}");
      return;
    }
    write(exchange, response);
  }

  private SlackRequestParser parser() {
    SlackRequestParser p = parser;
    if (p == null) {
      throw new IllegalStateException("no Slack app in health-only mode");
    }
    return p;
  }

  private static void write(HttpExchange exchange, Response response) throws IOException {
    Map<String, List<String>> headers = response.getHeaders();
    if (headers != null) {
      headers.forEach((name, values) -> exchange.getResponseHeaders().put(name, List.copyOf(values)));
    }
    int status = response.getStatusCode() == null ? 200 : response.getStatusCode();
    send(exchange, status, response.getContentType(), response.getBody());
  }

  private static void send(HttpExchange exchange, int status, @Nullable String contentType, @Nullable String body)
      throws IOException {
    if (contentType != null) {
      exchange.getResponseHeaders().set("Content-Type", contentType);
    }
    boolean head = "HEAD".equals(exchange.getRequestMethod());
    if (body == null || body.isEmpty() || head) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** Returns the body, or null when it exceeds {@link #MAX_BODY_BYTES}. */
  private static byte @Nullable [] readBody(InputStream in) throws IOException {
    byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
    return bytes.length > MAX_BODY_BYTES ? null : bytes;
  }

  private static void drain(HttpExchange exchange) throws IOException {
    exchange.getRequestBody().readNBytes(MAX_BODY_BYTES);
  }

  /** Stops accepting, gives running exchanges a second to finish, then stops the threads. */
  @Override
  public void close() {
    server.stop(1);
    executor.shutdown();
    try {
      if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
