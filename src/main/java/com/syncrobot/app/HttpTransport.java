package com.syncrobot.app;

import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.QueryStringParser;
import com.slack.api.bolt.util.SlackRequestParser;
import com.syncrobot.metrics.Metrics;
import com.syncrobot.slack.ClickAck;
import com.syncrobot.slack.SlackBot;
import com.syncrobot.threads.Background;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnection;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.AbstractHandler;
import org.eclipse.jetty.util.BlockingArrayQueue;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.Scheduler;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's HTTP side on Jetty's core server: {@code POST /slack/events} hands the raw UTF-8 body to
 * Bolt (which checks the signature and dispatches), {@code GET /healthz} answers 200 while the process
 * serves (alive), {@code GET /readyz} answers 200 or 503 with each part of {@link Readiness} up or
 * down, and {@code GET /metrics} serves the metrics when they are on ({@link #serveMetrics}). In Socket Mode
 * only the last three are served. Jetty reads requests without holding a
 * thread per connection, so clients that trickle their headers or say nothing cost no worker; a
 * request still arriving after {@link Limits#requestRead()} is cut off, a connection silent for
 * {@link Limits#idle()} is closed, and when {@link Limits#inFlight()} requests are being handled the
 * next waits its turn (first come, first served) for up to {@link Limits#turnWait()}, then is answered 503;
 * past {@link Limits#waiting()} waiting requests the next is answered 503 at once. Meant to sit behind a TLS
 * reverse proxy. Thread-safe.
 */
public final class HttpTransport implements AutoCloseable {
  public static final String EVENTS_PATH = "/slack/events";
  public static final String HEALTH_PATH = "/healthz";
  public static final String READY_PATH = "/readyz";
  /** Served only when metrics are on ({@code SYNCRO_BOT_METRICS=true}); otherwise an unknown path (404). */
  public static final String METRICS_PATH = "/metrics";
  /** Slack payloads are a few KB; anything far larger is not from Slack. */
  static final int MAX_BODY_BYTES = 1 << 20;

  /**
   * How long one request may take to arrive (headers and body; checked every half of it, so a request
   * is cut off between half of it and all of it after its first byte), how long a connection may stay
   * silent, how many requests are handled at once, how long the next one waits for its turn, and how many
   * may wait before the next is answered 503 at once. Slack waits 3 s for an ack and a handler acks in
   * milliseconds, so a burst of clicks is better served a little late than refused: a request that gets its
   * turn within a second is still acked in time.
   */
  record Limits(Duration requestRead, Duration idle, int inFlight, Duration turnWait, int waiting) {
    static final Limits STANDARD = new Limits(Duration.ofSeconds(10), Duration.ofSeconds(30), 32,
        Duration.ofSeconds(1), 96);
  }

  private static final Logger log = LoggerFactory.getLogger(HttpTransport.class);
  private static final String JSON = "application/json; charset=utf-8";
  /** Threads that handle clicks already answered; a click's handling mostly waits for the store. */
  private static final int CLICK_THREADS = 4;
  /** Answered clicks waiting for a click thread; beyond it, the answering thread handles its click itself. */
  private static final int CLICKS_WAITING = 1024;
  /** How long {@link #close()} waits for the answered clicks still being handled, as Jetty waits for requests. */
  private static final Duration CLICKS_STOP = Duration.ofSeconds(1);

  private final Server server;
  private final ServerConnector connector;
  private final @Nullable App app;
  private final @Nullable ClickAck clicks;
  /**
   * Handles the clicks answered at once, at the background threads' priority, so that their handling (Bolt's
   * parse, the atomic confirm's store write) does not take the CPU from the answers of the requests behind them.
   */
  private final @Nullable ThreadPoolExecutor clickHandlers;
  private final @Nullable SlackRequestParser parser;
  private final Readiness readiness;
  private final Limits limits;
  /** Turns to handle a request, handed out in the order asked (fair), so the first to wait is served first. */
  private final Semaphore turns;
  /** Requests being handled or waiting for their turn. */
  private final AtomicInteger present = new AtomicInteger();
  private volatile Metrics metrics = Metrics.NONE;

  private HttpTransport(Server server, ServerConnector connector, @Nullable App app, @Nullable ClickAck clicks,
      Readiness readiness, Limits limits) {
    this.server = server;
    this.connector = connector;
    this.app = app;
    this.clicks = clicks;
    this.clickHandlers = clicks == null ? null : new ThreadPoolExecutor(CLICK_THREADS, CLICK_THREADS, 0,
        TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(CLICKS_WAITING), Background.numbered("slack-click"),
        (task, pool) -> task.run()); // full or stopping: handled on the answering thread, never dropped
    this.parser = app == null ? null : new SlackRequestParser(app.config());
    this.readiness = readiness;
    this.limits = limits;
    this.turns = new Semaphore(limits.inFlight(), true);
  }

  /**
   * Serves Slack requests for {@code bot} (a click answered before it is handled: {@link ClickAck}) and the health
   * checks; port 0 picks a free port.
   */
  public static HttpTransport serveSlack(InetSocketAddress address, SlackBot bot, Readiness readiness)
      throws IOException {
    return start(address, bot.app(), bot.clickAck(), readiness, Limits.STANDARD);
  }

  /** Serves only the health checks (Socket Mode, where Slack's requests arrive over the WebSocket). */
  public static HttpTransport serveHealthOnly(InetSocketAddress address, Readiness readiness)
      throws IOException {
    return start(address, null, null, readiness, Limits.STANDARD);
  }

  /** Serves with other limits, and clicks answered before Bolt handles them when {@code clicks} is given; for tests. */
  static HttpTransport start(InetSocketAddress address, @Nullable App app, @Nullable ClickAck clicks,
      Readiness readiness, Limits limits) throws IOException {
    // Handlers ack fast and push slow work elsewhere; a request waiting for its turn holds a thread, and the
    // threads beyond those accept, read and refuse (503) while every turn is taken and the wait is full.
    QueuedThreadPool threads = new QueuedThreadPool(limits.inFlight() + limits.waiting() + 8, 4, 60_000,
        new BlockingArrayQueue<>(1024));
    threads.setName("http");
    threads.setDaemon(true);
    Server server = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
    connector.setHost(address.getHostString());
    connector.setPort(address.getPort());
    connector.setIdleTimeout(limits.idle().toMillis());
    connector.addBean(new ReadDeadline(connector.getScheduler(), limits.requestRead().toMillis() / 2));
    server.addConnector(connector);
    server.setStopTimeout(1_000);
    HttpTransport transport = new HttpTransport(server, connector, app, clicks, readiness, limits);
    server.setHandler(new AbstractHandler() {
      @Override
      public void handle(String target, org.eclipse.jetty.server.Request base, HttpServletRequest request,
          HttpServletResponse response) {
        base.setHandled(true);
        transport.handle(request, response);
      }
    });
    try {
      server.start();
    } catch (Exception e) {
      transport.close();
      throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
    }
    log.info("HTTP listening on {} ({})", transport.address(), app == null ? "health only" : "Slack events and health");
    return transport;
  }

  /** Returns the address actually bound, with the real port when 0 was asked for. */
  public InetSocketAddress address() {
    String host = connector.getHost();
    return new InetSocketAddress(host == null ? "0.0.0.0" : host, connector.getLocalPort());
  }

  /** Serves {@code metrics} at {@link #METRICS_PATH} from now on; nothing is served there unless it is enabled. */
  public void serveMetrics(Metrics metrics) {
    this.metrics = metrics;
  }

  /** Returns the port actually bound. */
  public int port() {
    return connector.getLocalPort();
  }

  /**
   * Closes a connection whose request is still arriving (headers or body) at two checks in a row:
   * a client sending a byte a second keeps the idle timeout from firing, but not this.
   */
  private static final class ReadDeadline implements Connection.Listener {
    private final Scheduler scheduler;
    private final long everyMillis;

    ReadDeadline(Scheduler scheduler, long everyMillis) {
      this.scheduler = scheduler;
      this.everyMillis = Math.max(1, everyMillis);
    }

    @Override
    public void onOpened(Connection connection) {
      if (connection instanceof HttpConnection http) {
        later(http, -1);
      }
    }

    @Override
    public void onClosed(Connection connection) {
      // The next check sees the closed end point and stops.
    }

    private void later(HttpConnection http, long arriving) {
      scheduler.schedule(() -> check(http, arriving), everyMillis, TimeUnit.MILLISECONDS);
    }

    /** {@code arriving}: the number of the request that was arriving at the last check, or -1. */
    private void check(HttpConnection http, long arriving) {
      if (!http.getEndPoint().isOpen()) {
        return;
      }
      // Read from the scheduler's thread, not the connection's: a stale state only moves the cut by one check.
      HttpParser parser = http.getParser();
      boolean reading = !parser.isStart() && (parser.inHeaderState() || parser.inContentState());
      long request = http.getMessagesIn();
      if (reading && request == arriving) {
        log.info("HTTP: closed a connection from {} whose request took too long to arrive",
            http.getEndPoint().getRemoteSocketAddress());
        http.getEndPoint().close();
        return;
      }
      later(http, reading ? request : -1);
    }
  }

  private void handle(HttpServletRequest request, HttpServletResponse response) {
    String path = request.getRequestURI();
    if (!turn()) {
      response.setHeader("Retry-After", "1");
      quietly(request, () -> send(request, response, 503, JSON, "{\"error\":\"busy, try again\"}"));
      return;
    }
    try {
      if (HEALTH_PATH.equals(path)) {
        health(request, response, false);
      } else if (READY_PATH.equals(path)) {
        health(request, response, true);
      } else if (METRICS_PATH.equals(path) && metrics.enabled()) {
        metrics(request, response);
      } else if (EVENTS_PATH.equals(path) && app != null) {
        events(request, response, app);
      } else {
        send(request, response, 404, JSON, "{\"error\":\"not found\"}");
      }
    } catch (IOException | RuntimeException e) {
      // A client that went away or a bug: log the type and path only, never a body or header.
      log.warn("HTTP {} {} failed: {}", request.getMethod(), path, e.getClass().getName());
    } finally {
      turns.release();
      present.decrementAndGet();
    }
  }

  /**
   * Takes a turn to handle a request, waiting behind the others for up to {@link Limits#turnWait()}; false (and
   * nothing held) when the wait is full or the turn did not come in time.
   */
  private boolean turn() {
    if (present.incrementAndGet() > limits.inFlight() + limits.waiting()) {
      present.decrementAndGet();
      return false;
    }
    boolean got = false;
    try {
      // Timed even when a turn is free: the untimed tryAcquire would jump the queue of a fair semaphore.
      got = turns.tryAcquire(limits.turnWait().toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (!got) {
      present.decrementAndGet();
    }
    return got;
  }

  private interface Io {
    void run() throws IOException;
  }

  private static void quietly(HttpServletRequest request, Io io) {
    try {
      io.run();
    } catch (IOException e) {
      log.debug("HTTP {} {}: client went away", request.getMethod(), request.getRequestURI());
    }
  }

  /** {@code /healthz}: alive, this answer is the proof. {@code /readyz}: every part of {@link Readiness}. */
  private void health(HttpServletRequest request, HttpServletResponse response, boolean ready) throws IOException {
    String method = request.getMethod();
    if (!"GET".equals(method) && !"HEAD".equals(method)) {
      response.setHeader("Allow", "GET, HEAD");
      send(request, response, 405, JSON, "{\"error\":\"method not allowed\"}");
      return;
    }
    response.setHeader("Cache-Control", "no-store");
    if (!ready) {
      send(request, response, 200, JSON, "{\"status\":\"ok\"}");
      return;
    }
    Readiness.Report report = readiness.check();
    send(request, response, report.ready() ? 200 : 503, JSON, report.json());
  }

  private void metrics(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String method = request.getMethod();
    if (!"GET".equals(method) && !"HEAD".equals(method)) {
      response.setHeader("Allow", "GET, HEAD");
      send(request, response, 405, JSON, "{\"error\":\"method not allowed\"}");
      return;
    }
    send(request, response, 200, Metrics.CONTENT_TYPE, metrics.scrape());
  }

  private void events(HttpServletRequest http, HttpServletResponse response, App app) throws IOException {
    long started = metrics.start();
    if (!"POST".equals(http.getMethod())) {
      response.setHeader("Allow", "POST");
      send(http, response, 405, JSON, "{\"error\":\"method not allowed\"}");
      return;
    }
    byte[] raw = readBody(http.getInputStream());
    if (raw == null) {
      send(http, response, 413, JSON, "{\"error\":\"body too large\"}");
      return;
    }
    // The signature covers the exact bytes Slack sent; decode them as UTF-8 and change nothing.
    String body = new String(raw, StandardCharsets.UTF_8);
    ClickAck c = clicks;
    if (c != null && c.answerAtOnce(body, http.getHeader(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP),
        http.getHeader(SlackSignature.HeaderNames.X_SLACK_SIGNATURE))) {
      click(http, response, body, app, started);
      return;
    }
    Request<?> request = parse(http, body);
    if (request == null) {
      send(http, response, 400, JSON, "{\"error\":\"unrecognised Slack request\"}");
      return;
    }
    Response answer;
    try {
      answer = app.run(request);
    } catch (Exception e) {
      log.error("Handling a Slack request ({}) failed: {}", request.getRequestType(), e.getClass().getName());
      send(http, response, 500, JSON, "{\"error\":\"internal error\"}");
      return;
    }
    write(http, response, answer);
  }

  /**
   * Answers a click 200 (Slack reads nothing more from it), then hands it to Bolt on a click thread (on this one
   * when {@link #CLICKS_WAITING} clicks already wait for one, or while stopping).
   */
  private void click(HttpServletRequest http, HttpServletResponse response, String body, App app, long started)
      throws IOException {
    response.setStatus(200);
    response.setContentLength(0);
    response.getOutputStream().close();
    metrics.slackAck(Metrics.AckKind.ACTION, started);
    // Read off the servlet request now: it is recycled once this thread returns.
    SlackRequestParser.HttpRequest taken = httpRequest(http, body);
    ThreadPoolExecutor handlers = clickHandlers;
    if (handlers == null) {
      handleClick(taken, app);
    } else {
      handlers.execute(() -> handleClick(taken, app));
    }
  }

  private void handleClick(SlackRequestParser.HttpRequest taken, App app) {
    Request<?> request = parse(taken);
    if (request == null) {
      log.warn("A signed click could not be read; it was answered and is ignored");
      return;
    }
    ClickAck.markAnswered(request);
    try {
      Response answer = app.run(request);
      int status = answer.getStatusCode() == null ? 200 : answer.getStatusCode();
      if (status >= 400) {
        log.info("A click answered at once was not taken by its handler (HTTP {})", status);
      }
    } catch (Exception e) {
      log.error("Handling a Slack request ({}) failed: {}", request.getRequestType(), e.getClass().getName());
    }
  }

  /** Returns Bolt's request for {@code body}, or null when it is not one Bolt recognises. */
  private @Nullable Request<?> parse(HttpServletRequest http, String body) {
    return parse(httpRequest(http, body));
  }

  private @Nullable Request<?> parse(SlackRequestParser.HttpRequest httpRequest) {
    try {
      return parser().parse(httpRequest);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static SlackRequestParser.HttpRequest httpRequest(HttpServletRequest http, String body) {
    Map<String, List<String>> query = QueryStringParser.toMap(http.getQueryString());
    return SlackRequestParser.HttpRequest.builder()
        .requestUri(http.getRequestURI())
        .queryString(query)
        .requestBody(body)
        .headers(new RequestHeaders(headers(http)))
        .remoteAddress(http.getRemoteAddr())
        .build();
  }

  private static Map<String, List<String>> headers(HttpServletRequest http) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String name : Collections.list(http.getHeaderNames())) {
      headers.computeIfAbsent(name, n -> new ArrayList<>()).addAll(Collections.list(http.getHeaders(name)));
    }
    return headers;
  }

  private SlackRequestParser parser() {
    SlackRequestParser p = parser;
    if (p == null) {
      throw new IllegalStateException("no Slack app in health-only mode");
    }
    return p;
  }

  private static void write(HttpServletRequest request, HttpServletResponse response, Response answer)
      throws IOException {
    Map<String, List<String>> headers = answer.getHeaders();
    if (headers != null) {
      headers.forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
    }
    int status = answer.getStatusCode() == null ? 200 : answer.getStatusCode();
    send(request, response, status, answer.getContentType(), answer.getBody());
  }

  private static void send(HttpServletRequest request, HttpServletResponse response, int status,
      @Nullable String contentType, @Nullable String body) throws IOException {
    response.setStatus(status);
    if (contentType != null) {
      response.setHeader("Content-Type", contentType);
    }
    if (body == null || body.isEmpty() || "HEAD".equals(request.getMethod())) {
      return;
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    response.setContentLength(bytes.length);
    try (OutputStream out = response.getOutputStream()) {
      out.write(bytes);
    }
  }

  /** Returns the body, or null when it exceeds {@link #MAX_BODY_BYTES}. */
  private static byte @Nullable [] readBody(InputStream in) throws IOException {
    byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
    return bytes.length > MAX_BODY_BYTES ? null : bytes;
  }

  /**
   * Stops accepting, gives running requests a second to finish, then stops the threads; then gives the answered
   * clicks still being handled a second more.
   */
  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      log.warn("Stopping the HTTP server failed: {}", e.getClass().getName());
    }
    ThreadPoolExecutor handlers = clickHandlers;
    if (handlers == null) {
      return;
    }
    handlers.shutdown();
    try {
      if (!handlers.awaitTermination(CLICKS_STOP.toMillis(), TimeUnit.MILLISECONDS)) {
        log.warn("Stopping: {} answered click(s) still being handled", handlers.getActiveCount()
            + handlers.getQueue().size());
        handlers.shutdownNow();
      }
    } catch (InterruptedException e) {
      handlers.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
