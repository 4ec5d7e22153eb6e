package com.syncrobot.bench;

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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The load balancer in front of the replicas in HTTP mode: listens on the port the Slack simulator
 * calls and passes each request, headers and body unchanged, to the next replica in turn (round
 * robin), and the replica's answer back. One hop on loopback, used for one replica too so that 1 and
 * 3 replicas are measured along the same path.
 */
final class Balancer implements AutoCloseable {
  /** Headers the JDK client sets itself and refuses from the caller. */
  private static final Set<String> HOP_HEADERS = Set.of("connection", "content-length", "expect", "host", "upgrade",
      "transfer-encoding", "keep-alive", "date");

  private final HttpServer server;
  private final ExecutorService executor;
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(2)).build();
  private final List<Integer> ports;
  private final AtomicInteger next = new AtomicInteger();
  private final AtomicInteger[] served;

  private Balancer(HttpServer server, ExecutorService executor, List<Integer> ports) {
    this.server = server;
    this.executor = executor;
    this.ports = List.copyOf(ports);
    this.served = new AtomicInteger[ports.size()];
    for (int i = 0; i < served.length; i++) {
      served[i] = new AtomicInteger();
    }
  }

  /** Listens on loopback {@code port} and spreads requests over the replicas on {@code replicaPorts}. */
  static Balancer start(int port, List<Integer> replicaPorts) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
    ExecutorService executor = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "balancer");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    Balancer b = new Balancer(server, executor, replicaPorts);
    server.createContext("/", b::forward);
    server.start();
    return b;
  }

  private void forward(HttpExchange ex) throws IOException {
    try (ex) {
      int i = Math.floorMod(next.getAndIncrement(), ports.size());
      served[i].incrementAndGet();
      byte[] body;
      try (InputStream in = ex.getRequestBody()) {
        body = in.readAllBytes();
      }
      HttpRequest.Builder req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports.get(i)
          + ex.getRequestURI())).timeout(Duration.ofSeconds(30))
          .method(ex.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
      ex.getRequestHeaders().forEach((name, values) -> {
        if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
          values.forEach(v -> req.header(name, v));
        }
      });
      HttpResponse<byte[]> res;
      try {
        res = client.send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        reply(ex, 502, "interrupted".getBytes(StandardCharsets.UTF_8));
        return;
      } catch (IOException e) {
        reply(ex, 502, ("replica " + (i + 1) + " did not answer: " + e).getBytes(StandardCharsets.UTF_8));
        return;
      }
      res.headers().map().forEach((name, values) -> {
        if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
          ex.getResponseHeaders().put(name, values);
        }
      });
      reply(ex, res.statusCode(), res.body());
    }
  }

  private static void reply(HttpExchange ex, int status, byte[] body) throws IOException {
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** Returns how many requests each replica was given, in replica order. */
  List<Integer> served() {
    return java.util.Arrays.stream(served).map(AtomicInteger::get).toList();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
