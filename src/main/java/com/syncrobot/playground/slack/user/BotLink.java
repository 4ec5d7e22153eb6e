package com.syncrobot.playground.slack.user;

import com.syncrobot.playground.slack.BotAck;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Sends the bot what Slack sends to its request URL: form or JSON bodies signed with HMAC-SHA256
 * over the UTF-8 bytes of {@code v0:<timestamp>:<body>}, and waits for the ack no longer than
 * Slack does. The signing secret never leaves this class. Thread-safe.
 */
public final class BotLink {
  /** Slack waits this long for an ack before it shows {@code operation_timeout}. */
  static final Duration SLACK_ACK_TIMEOUT = Duration.ofSeconds(3);
  static final String FORM = "application/x-www-form-urlencoded";
  static final String JSON = "application/json";

  private final URI eventsUrl;
  private final byte[] secret;
  private final Clock clock;
  private final HttpClient client;
  private volatile Duration ackTimeout = SLACK_ACK_TIMEOUT;
  /** The body of the last interaction payload sent (a click, a submission), for {@link #redeliverInteraction}. */
  private volatile @Nullable String lastInteraction;

  public BotLink(URI eventsUrl, String signingSecret, Clock clock) {
    this.eventsUrl = eventsUrl;
    this.secret = signingSecret.getBytes(StandardCharsets.UTF_8);
    this.clock = clock;
    this.client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(2))
        .build();
  }

  public void ackTimeout(Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("ack timeout must be positive: " + timeout);
    }
    this.ackTimeout = timeout;
  }

  /** Posts a form body (slash commands, interactivity with {@code payload=}). */
  BotAck postForm(Map<String, String> fields) {
    String body = fields.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    if (fields.containsKey("payload")) {
      lastInteraction = body;
    }
    return post(body, FORM);
  }

  /**
   * Sends the last interaction payload again, byte for byte with a fresh signature, as Slack or a proxy in
   * front of the bot does when an ack seemed lost.
   *
   * @throws IllegalStateException when no interaction was sent yet
   */
  public BotAck redeliverInteraction() {
    String body = lastInteraction;
    if (body == null) {
      throw new IllegalStateException("no interaction was sent yet");
    }
    return post(body, FORM);
  }

  /** Posts a JSON body (Events API envelopes). */
  BotAck postJson(String json) {
    return post(json, JSON);
  }

  private BotAck post(String body, String contentType) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    long ts = clock.instant().getEpochSecond();
    HttpRequest request = HttpRequest.newBuilder(eventsUrl)
        .timeout(ackTimeout)
        .header("Content-Type", contentType)
        .header("User-Agent", "Slackbot 1.0 (+https://api.slack.com/robots)")
        .header("X-Slack-Request-Timestamp", Long.toString(ts))
        .header("X-Slack-Signature", sign(secret, ts, bytes))
        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
        .build();
    long sent = System.nanoTime();
    try {
      HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      String failure = r.statusCode() / 100 == 2 ? null : "dispatch_failed";
      return new BotAck(r.statusCode(), r.body() == null ? "" : r.body(), failure, since(sent));
    } catch (HttpTimeoutException e) {
      return new BotAck(0, "", "operation_timeout", since(sent));
    } catch (IOException e) {
      return new BotAck(0, "", "dispatch_failed", since(sent));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new BotAck(0, "", "dispatch_failed", since(sent));
    }
  }

  private static Duration since(long nanos) {
    return Duration.ofNanos(System.nanoTime() - nanos);
  }

  /** Returns Slack's {@code v0=<hex>} signature of {@code body} sent at {@code timestamp}. */
  static String sign(byte[] secret, long timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
      return "v0=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }
}
