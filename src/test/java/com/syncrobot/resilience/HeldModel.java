package com.syncrobot.resilience;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A language model on loopback that speaks Ollama's two endpoints the bot uses: {@code GET /api/tags}
 * answers at once with the default model, and every {@code POST /api/chat} is held until {@link #release()}
 * (at most a minute), then drafted as a short comment. It stands for a model busy with a long answer.
 */
final class HeldModel implements AutoCloseable {
  private static final String TAGS = "{\"models\":[{\"name\":\"qwen3:14b\",\"model\":\"qwen3:14b\"}]}";
  private static final String CHAT = "{\"message\":{\"role\":\"assistant\",\"content\":"
      + "\"{\\\"comment_subject\\\":\\\"Update\\\",\\\"comment_body\\\":\\\"Drafted by the held model.\\\"}\"}}";
  private static final Duration MAX_HOLD = Duration.ofSeconds(60);

  private final HttpServer server;
  private final ExecutorService threads;
  private final CountDownLatch released = new CountDownLatch(1);
  private final AtomicInteger held = new AtomicInteger();

  private HeldModel(HttpServer server, ExecutorService threads) {
    this.server = server;
    this.threads = threads;
  }

  static HeldModel start() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    ExecutorService threads = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "held-model");
      t.setDaemon(true);
      return t;
    });
    HeldModel model = new HeldModel(server, threads);
    server.createContext("/", model::handle);
    server.setExecutor(threads);
    server.start();
    return model;
  }

  /** The value for {@code OLLAMA_URLS}. */
  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  /** How many chat requests have arrived so far (held or answered). */
  int chats() {
    return held.get();
  }

  /** Waits (bounded) until at least {@code n} chat requests have arrived. */
  void awaitChats(int n, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (held.get() < n) {
      if (System.nanoTime() > end) {
        throw new AssertionError(held.get() + " chat requests reached the model, expected " + n);
      }
      Thread.sleep(10);
    }
  }

  /** Lets every held chat, and every later one, be answered. */
  void release() {
    released.countDown();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      ex.getRequestBody().readAllBytes();
      String body;
      if (ex.getRequestURI().getPath().equals("/api/tags")) {
        body = TAGS;
      } else if (ex.getRequestURI().getPath().equals("/api/chat")) {
        held.incrementAndGet();
        released.await(MAX_HOLD.toMillis(), TimeUnit.MILLISECONDS);
        body = CHAT;
      } else {
        ex.sendResponseHeaders(404, -1);
        return;
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", "application/json");
      ex.sendResponseHeaders(200, bytes.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    release();
    server.stop(0);
    threads.shutdownNow();
  }
}
