package com.syncrobot.resilience;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A reverse proxy on loopback between a bot and the Syncro sandbox (the bot's network, so to speak)
 * that passes every request through unchanged, except one chosen request, which it stops either before
 * it reaches Syncro or after Syncro committed it and answered, and holds there until the test says so.
 * While it is held the test kills the bot; then the request is dropped, so the bot never hears back.
 */
final class WireTrap implements AutoCloseable {
  /** Where the trapped request stops. */
  enum Hold {
    /** Before Syncro: the request never arrives (the bot died before it left). */
    REQUEST,
    /** After Syncro handled it: the write is committed, only the answer is lost. */
    ANSWER
  }

  /** A request as the proxy sees it: method and path below the API base, without the query. */
  record Request(String method, String path) {}

  private record Armed(Predicate<Request> match, Hold hold, CountDownLatch caught, CountDownLatch released,
      AtomicReference<@Nullable Request> seen, java.util.concurrent.atomic.AtomicBoolean deliver) {}

  private static final Set<String> NOT_FORWARDED = Set.of("host", "content-length", "connection", "expect",
      "upgrade", "transfer-encoding", "accept-encoding", "keep-alive");
  private static final Duration MAX_HOLD = Duration.ofSeconds(60);

  private final HttpServer server;
  private final ExecutorService threads;
  private final HttpClient client;
  private final String upstreamOrigin;
  private final String basePath;
  private final AtomicReference<@Nullable Armed> armed = new AtomicReference<>();

  private WireTrap(HttpServer server, ExecutorService threads, String upstreamBaseUrl) {
    this.server = server;
    this.threads = threads;
    this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
        .build();
    URI base = URI.create(upstreamBaseUrl);
    this.upstreamOrigin = base.getScheme() + "://" + base.getRawAuthority();
    this.basePath = base.getRawPath();
  }

  /** Starts a proxy on a free loopback port in front of {@code upstreamBaseUrl} (e.g. the sandbox's API base). */
  static WireTrap start(String upstreamBaseUrl) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    ExecutorService threads = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "wire-trap");
      t.setDaemon(true);
      return t;
    });
    WireTrap trap = new WireTrap(server, threads, upstreamBaseUrl);
    server.createContext("/", trap::handle);
    server.setExecutor(threads);
    server.start();
    return trap;
  }

  /** The base URL to give the bot instead of the upstream's: same path, the proxy's port. */
  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + basePath;
  }

  /** Stops the next request that {@code match}es, at {@code hold}; one request only. */
  void arm(Predicate<Request> match, Hold hold) {
    Armed previous = armed.getAndSet(new Armed(match, hold, new CountDownLatch(1), new CountDownLatch(1),
        new AtomicReference<>(), new java.util.concurrent.atomic.AtomicBoolean()));
    if (previous != null) {
      previous.released().countDown();
    }
  }

  /** Waits until the armed request is held; returns it. */
  Request awaitCaught(Duration timeout) throws InterruptedException {
    Armed a = armed.get();
    if (a == null) {
      throw new IllegalStateException("nothing armed");
    }
    if (!a.caught().await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("the bot sent no matching request within " + timeout);
    }
    return Objects.requireNonNull(a.seen().get());
  }

  /** Lets go of the held request without answering it (its client is dead by now) and disarms. */
  void release() {
    Armed a = armed.getAndSet(null);
    if (a != null) {
      a.released().countDown();
    }
  }

  /**
   * Lets the held request go on as if it had never been stopped (a slow Syncro, not a dead bot): held before
   * Syncro, it is sent now; held after, its answer goes to the bot now. Disarms.
   */
  void deliver() {
    Armed a = armed.getAndSet(null);
    if (a != null) {
      a.deliver().set(true);
      a.released().countDown();
    }
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      byte[] body = readAll(ex.getRequestBody());
      String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
      String rawPath = ex.getRequestURI().getRawPath();
      Request request = new Request(method, rawPath.startsWith(basePath) ? rawPath.substring(basePath.length())
          : rawPath);
      Armed a = armed.get();
      boolean trapped = a != null && a.seen().get() == null && a.match().test(request)
          && a.seen().compareAndSet(null, request);
      if (trapped && a.hold() == Hold.REQUEST && !hold(a)) {
        return; // dropped: Syncro never sees it
      }
      HttpResponse<byte[]> answer;
      try {
        answer = forward(ex, method, body);
      } catch (IOException e) {
        return; // Syncro dropped the connection: so does the proxy
      }
      if (trapped && a.hold() == Hold.ANSWER && !hold(a)) {
        return; // committed upstream; the answer is lost with the bot
      }
      answer.headers().map().forEach((name, values) -> {
        String n = name.toLowerCase(Locale.ROOT);
        if (!NOT_FORWARDED.contains(n) && !n.equals("content-encoding") && !n.startsWith(":")) {
          ex.getResponseHeaders().put(name, List.copyOf(values));
        }
      });
      byte[] out = answer.body();
      ex.sendResponseHeaders(answer.statusCode(), out.length == 0 ? -1 : out.length);
      if (out.length > 0) {
        try (OutputStream os = ex.getResponseBody()) {
          os.write(out);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Holds the request until released; returns whether it is to be delivered after all. */
  private static boolean hold(Armed a) throws InterruptedException {
    a.caught().countDown();
    a.released().await(MAX_HOLD.toMillis(), TimeUnit.MILLISECONDS);
    return a.deliver().get();
  }

  private HttpResponse<byte[]> forward(HttpExchange ex, String method, byte[] body)
      throws IOException, InterruptedException {
    String query = ex.getRequestURI().getRawQuery();
    URI target = URI.create(upstreamOrigin + ex.getRequestURI().getRawPath() + (query == null ? "" : "?" + query));
    HttpRequest.Builder b = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30))
        .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    for (Map.Entry<String, List<String>> h : ex.getRequestHeaders().entrySet()) {
      if (!NOT_FORWARDED.contains(h.getKey().toLowerCase(Locale.ROOT))) {
        h.getValue().forEach(v -> b.header(h.getKey(), v));
      }
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static byte[] readAll(InputStream in) throws IOException {
    try (in) {
      return in.readAllBytes();
    }
  }

  @Override
  public void close() {
    release();
    server.stop(0);
    threads.shutdownNow();
  }
}
