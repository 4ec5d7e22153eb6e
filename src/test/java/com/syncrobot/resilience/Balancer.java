package com.syncrobot.resilience;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntUnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The load balancer in front of several bot replicas in HTTP mode: it listens where Slack (the simulator)
 * sends, and passes each request unchanged to the replica the test chose ({@link #route}: round robin
 * unless told otherwise); a replica that refuses the connection (killed) or answers 503 (every handler
 * busy, nothing done) is skipped for the next one, as a balancer would. It can also hold a burst of requests until all of them arrived and let
 * them go at once ({@link #hold}), and send a request it passed on again, byte for byte, to another
 * replica ({@link #redeliver}): Slack's redelivery of the same payload.
 */
final class Balancer implements AutoCloseable {
  /** A request as the balancer passed it on: its headers (signature included) and body, and where it went. */
  record Delivery(int replica, String path, Map<String, List<String>> headers, byte[] body) {}

  /** The answer of a replica: status and body; status 0 when no replica answered. */
  record Answer(int status, String body) {}

  /** A burst held at the door until {@code count} requests arrived; {@link #open()} lets them all go. */
  static final class Gate {
    private final int count;
    private final CountDownLatch arrived;
    private final CountDownLatch open = new CountDownLatch(1);
    private final List<Delivery> held = new CopyOnWriteArrayList<>();

    private Gate(int count) {
      this.count = count;
      this.arrived = new CountDownLatch(count);
    }

    /** Waits until all of the burst arrived; returns the held requests, in arrival order. */
    List<Delivery> awaitArrived(Duration timeout) throws InterruptedException {
      if (!arrived.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new AssertionError("only " + (count - arrived.getCount()) + " of " + count + " requests arrived");
      }
      return List.copyOf(held);
    }

    void open() {
      open.countDown();
    }
  }

  private static final Set<String> NOT_FORWARDED = Set.of("host", "content-length", "connection", "expect",
      "upgrade", "transfer-encoding", "keep-alive");

  private final HttpServer server;
  private final ExecutorService threads;
  private final HttpClient client;
  private final List<Integer> ports;
  private final AtomicInteger arrivals = new AtomicInteger();
  private volatile IntUnaryOperator route;
  private final AtomicReference<@Nullable Gate> gate = new AtomicReference<>();
  private final List<Delivery> passed = new CopyOnWriteArrayList<>();

  private Balancer(HttpServer server, ExecutorService threads, List<Integer> ports) {
    this.server = server;
    this.threads = threads;
    this.ports = List.copyOf(ports);
    this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(2)).executor(threads).build();
    this.route = n -> n % ports.size();
  }

  /** Listens on loopback {@code port} in front of the replicas listening on {@code replicaPorts}. */
  static Balancer start(int port, List<Integer> replicaPorts) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
    ExecutorService threads = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "balancer");
      t.setDaemon(true);
      return t;
    });
    Balancer b = new Balancer(server, threads, replicaPorts);
    server.createContext("/", b::handle);
    server.setExecutor(threads);
    server.start();
    return b;
  }

  /** From now on the {@code n}th request (counted from here, 0 first) goes to replica {@code route(n)}. */
  void route(IntUnaryOperator route) {
    arrivals.set(0);
    this.route = route;
  }

  /** Every following request to replica {@code replica} (or the next one alive). */
  void pin(int replica) {
    route(n -> replica);
  }

  void roundRobin() {
    route(n -> n % ports.size());
  }

  /** Holds the next {@code count} requests until all of them arrived and {@link Gate#open()} is called. */
  Gate hold(int count) {
    Gate g = new Gate(count);
    if (!gate.compareAndSet(null, g)) {
      throw new IllegalStateException("a burst is already held");
    }
    return g;
  }

  /** Every request passed on so far, in the order the replicas answered. */
  List<Delivery> passed() {
    return List.copyOf(passed);
  }

  /** Sends {@code d} again, the same bytes and headers, to {@code replica}: a redelivery. */
  Answer redeliver(Delivery d, int replica) {
    return send(d.path(), d.headers(), d.body(), replica, false);
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      byte[] body;
      try (InputStream in = ex.getRequestBody()) {
        body = in.readAllBytes();
      }
      String path = ex.getRequestURI().getRawPath()
          + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery());
      Map<String, List<String>> headers = Map.copyOf(ex.getRequestHeaders());
      int replica = route.applyAsInt(arrivals.getAndIncrement());
      Gate g = admit(new Delivery(replica, path, headers, body));
      if (g != null) {
        try {
          if (!g.open.await(60, TimeUnit.SECONDS)) {
            ex.sendResponseHeaders(504, -1);
            return;
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          ex.sendResponseHeaders(502, -1);
          return;
        }
      }
      Answer a = send(path, headers, body, replica, true);
      byte[] out = a.body().getBytes(java.nio.charset.StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
      ex.sendResponseHeaders(a.status() == 0 ? 502 : a.status(), out.length == 0 ? -1 : out.length);
      if (out.length > 0) {
        try (OutputStream os = ex.getResponseBody()) {
          os.write(out);
        }
      }
    }
  }

  /** Holds {@code d} in the gate if one is filling; returns that gate, or null. */
  private synchronized @Nullable Gate admit(Delivery d) {
    Gate g = gate.get();
    if (g == null) {
      return null;
    }
    g.held.add(d);
    g.arrived.countDown();
    if (g.held.size() == g.count) {
      gate.set(null);
    }
    return g;
  }

  /** Sends to {@code replica}, or when it refuses the connection and {@code failOver}, to the next ones. */
  private Answer send(String path, Map<String, List<String>> headers, byte[] body, int replica, boolean failOver) {
    for (int i = 0; i < (failOver ? ports.size() : 1); i++) {
      int r = (replica + i) % ports.size();
      HttpRequest.Builder req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports.get(r) + path))
          .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
      headers.forEach((name, values) -> {
        if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
          values.forEach(v -> req.header(name, v));
        }
      });
      try {
        HttpResponse<String> resp = client.send(req.build(), HttpResponse.BodyHandlers.ofString());
        if (resp.statusCode() == 503 && failOver && i + 1 < ports.size()) {
          continue; // that replica is full and took nothing: the next one (nginx's proxy_next_upstream http_503)
        }
        passed.add(new Delivery(r, path, headers, body));
        return new Answer(resp.statusCode(), resp.body());
      } catch (ConnectException down) {
        // that replica is gone: the next one
      } catch (IOException e) {
        return new Answer(0, e.toString());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new Answer(0, "interrupted");
      }
    }
    return new Answer(0, "no replica answered");
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
