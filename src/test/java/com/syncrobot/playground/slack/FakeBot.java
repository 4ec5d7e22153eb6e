package com.syncrobot.playground.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A tiny stand-in for the bot: a JDK server at {@code /slack/events} that checks Slack's signature
 * with its own UTF-8 HMAC (refusing with 401 as Bolt does), records what arrived, and answers
 * through per-kind handlers, which may call the simulator back with the real SDK client.
 */
final class FakeBot implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  /** One request as the bot saw it; {@code kind} is "command", the payload type or the event type. */
  record Incoming(String kind, JsonNode json, String rawBody, String contentType) {
    JsonNode event() {
      return json.path("event");
    }
  }

  /** The bot's HTTP answer. */
  record Answer(int status, String body) {
    static Answer ack() {
      return new Answer(200, "");
    }

    static Answer json(String body) {
      return new Answer(200, body);
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(8);
  private final byte[] secret;
  private final Map<String, Function<Incoming, Answer>> handlers = new ConcurrentHashMap<>();
  private final List<Incoming> received = new CopyOnWriteArrayList<>();
  private final List<String> rejected = new CopyOnWriteArrayList<>();
  private volatile Slack slack;
  private volatile MethodsClient client;

  FakeBot(String signingSecret) throws IOException {
    this.secret = signingSecret.getBytes(StandardCharsets.UTF_8);
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    server.setExecutor(executor);
    server.createContext("/slack/events", this::handle);
    server.start();
  }

  String eventsUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/slack/events";
  }

  /** Points the bot's Web API client at {@code apiUrl} with {@code token}, as SLACK_API_URL does. */
  void useApi(String apiUrl, String token) {
    SlackConfig config = new SlackConfig();
    config.setStatsEnabled(false);
    config.setMethodsEndpointUrlPrefix(apiUrl);
    this.slack = Slack.getInstance(config);
    this.client = slack.methods(token);
  }

  MethodsClient api() {
    return client;
  }

  Slack slack() {
    return slack;
  }

  void on(String kind, Function<Incoming, Answer> handler) {
    handlers.put(kind, handler);
  }

  List<Incoming> received() {
    return new ArrayList<>(received);
  }

  Incoming last(String kind) {
    List<Incoming> all = received();
    for (int i = all.size() - 1; i >= 0; i--) {
      if (all.get(i).kind().equals(kind)) {
        return all.get(i);
      }
    }
    throw new AssertionError("the bot received no " + kind + "; it received " + all.stream().map(Incoming::kind)
        .toList());
  }

  List<String> rejected() {
    return List.copyOf(rejected);
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      byte[] body = ex.getRequestBody().readAllBytes();
      String ts = ex.getRequestHeaders().getFirst("X-Slack-Request-Timestamp");
      String sig = ex.getRequestHeaders().getFirst("X-Slack-Signature");
      if (ts == null || sig == null || !MessageDigest.isEqual(sign(ts, body).getBytes(StandardCharsets.UTF_8),
          sig.getBytes(StandardCharsets.UTF_8))) {
        rejected.add(new String(body, StandardCharsets.UTF_8));
        send(ex, new Answer(401, "{\"error\":\"invalid request\"}"));
        return;
      }
      String raw = new String(body, StandardCharsets.UTF_8);
      String ct = String.valueOf(ex.getRequestHeaders().getFirst("Content-Type"));
      Incoming in = parse(raw, ct);
      received.add(in);
      Function<Incoming, Answer> h = handlers.get(in.kind());
      send(ex, h == null ? Answer.ack() : h.apply(in));
    }
  }

  private static Incoming parse(String raw, String ct) throws IOException {
    if (ct.startsWith("application/json")) {
      JsonNode json = JSON.readTree(raw);
      String kind = json.path("type").asText().equals("event_callback") ? json.path("event").path("type").asText()
          : json.path("type").asText();
      return new Incoming(kind, json, raw, ct);
    }
    ObjectNode form = JSON.createObjectNode();
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    if (form.has("payload")) {
      JsonNode payload = JSON.readTree(form.get("payload").asText());
      return new Incoming(payload.path("type").asText(), payload, raw, ct);
    }
    return new Incoming("command", form, raw, ct);
  }

  /** Slack's signature, computed here independently of the simulator: HMAC-SHA256 over UTF-8 bytes. */
  private String sign(String ts, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      mac.update(("v0:" + ts + ":").getBytes(StandardCharsets.UTF_8));
      return "v0=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void send(HttpExchange ex, Answer a) throws IOException {
    byte[] bytes = a.body().getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    ex.sendResponseHeaders(a.status(), bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    try {
      if (slack != null) {
        slack.close();
      }
    } catch (Exception e) {
      // Only test threads; nothing to report.
    }
  }
}
