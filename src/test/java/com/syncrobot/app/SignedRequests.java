package com.syncrobot.app;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Builds and sends the HTTP requests Slack would send, signed like Slack signs them: an HMAC-SHA256
 * computed here with javax.crypto over explicit UTF-8 bytes, independent of the SDK's signer.
 */
final class SignedRequests {
  static final String FORM = "application/x-www-form-urlencoded";
  static final String JSON = "application/json";

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;
  private final String secret;

  SignedRequests(int port, String secret) {
    this.base = URI.create("http://127.0.0.1:" + port);
    this.secret = secret;
  }

  static String sign(String secret, long timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
      return "v0=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Posts {@code body} to /slack/events signed now with the right secret. */
  HttpResponse<String> post(String body, String contentType) {
    long ts = Instant.now().getEpochSecond();
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return post(bytes, contentType, Long.toString(ts), sign(secret, ts, bytes));
  }

  /** Posts raw bytes with the given (possibly wrong or absent) signature headers. */
  HttpResponse<String> post(byte[] body, String contentType, String timestamp, String signature) {
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve("/slack/events"))
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (timestamp != null) {
      b.header("X-Slack-Request-Timestamp", timestamp);
    }
    if (signature != null) {
      b.header("X-Slack-Signature", signature);
    }
    return send(b.build());
  }

  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10)).GET().build());
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new IllegalStateException("request to the bot failed", e);
    }
  }

  /** A slash command form body as Slack sends it. */
  static String command(String userId, String text, String responseUrl) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("token", "legacy-verification-token");
    f.put("team_id", "T0001");
    f.put("team_domain", "acme");
    f.put("channel_id", "C0001");
    f.put("channel_name", "tickets");
    f.put("user_id", userId);
    f.put("user_name", "jane");
    f.put("command", "/syncro");
    f.put("text", text);
    f.put("api_app_id", "A0001");
    f.put("response_url", responseUrl);
    f.put("trigger_id", "13345224609.738474920.8088930838d88f008e0");
    return form(f);
  }

  /** A view_submission of the connect modal with {@code pasted} in the token field. */
  static String connectSubmission(String userId, String pasted) {
    String json = "{\"type\":\"view_submission\",\"team\":{\"id\":\"T0001\",\"domain\":\"acme\"},"
        + "\"user\":{\"id\":\"" + userId + "\",\"username\":\"jane\",\"name\":\"jane\",\"team_id\":\"T0001\"},"
        + "\"api_app_id\":\"A0001\",\"token\":\"legacy-verification-token\",\"trigger_id\":\"1.2.3\","
        + "\"view\":{\"id\":\"V0001\",\"team_id\":\"T0001\",\"type\":\"modal\",\"callback_id\":\"syncro_connect\","
        + "\"private_metadata\":\"\",\"hash\":\"1.abc\",\"state\":{\"values\":{\"syncro_token\":{\"token\":"
        + "{\"type\":\"plain_text_input\",\"value\":" + jsonString(pasted) + "}}}}},\"response_urls\":[]}";
    return form(Map.of("payload", json));
  }

  /** A block_actions payload: {@code userId} clicked the button {@code actionId} in a message. */
  static String click(String userId, String actionId, String actionTs) {
    String json = "{\"type\":\"block_actions\",\"team\":{\"id\":\"T0001\",\"domain\":\"acme\"},"
        + "\"user\":{\"id\":\"" + userId + "\",\"username\":\"jane\",\"name\":\"jane\",\"team_id\":\"T0001\"},"
        + "\"api_app_id\":\"A0001\",\"token\":\"legacy-verification-token\","
        + "\"container\":{\"type\":\"message\",\"message_ts\":\"1700000000.000100\",\"channel_id\":\"C0001\"},"
        + "\"trigger_id\":\"13345224609.1.2\",\"channel\":{\"id\":\"C0001\",\"name\":\"tickets\"},"
        + "\"response_url\":\"http://127.0.0.1:9/r\",\"actions\":[{\"action_id\":\"" + actionId + "\","
        + "\"block_id\":\"b\",\"text\":{\"type\":\"plain_text\",\"text\":\"Confirm\"},\"value\":\"v\","
        + "\"type\":\"button\",\"action_ts\":\"" + actionTs + "\"}]}";
    return form(Map.of("payload", json));
  }

  /** An Events API envelope around {@code eventJson}. */
  static String event(String eventJson) {
    return "{\"token\":\"legacy-verification-token\",\"team_id\":\"T0001\",\"api_app_id\":\"A0001\","
        + "\"event\":" + eventJson + ",\"type\":\"event_callback\",\"event_id\":\"Ev0001\","
        + "\"event_time\":1700000000,\"authorizations\":[{\"team_id\":\"T0001\",\"user_id\":\"UBOT\","
        + "\"is_bot\":true}]}";
  }

  static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  static String jsonString(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
