package com.syncrobot.slack;

import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.middleware.MiddlewareOps;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies Slack's request signature in place of Bolt's built-in check. Bolt 1.51.0 hashes the
 * body with the platform charset, which rejects genuine requests holding non-ASCII text on a JVM
 * not running in UTF-8, and debug-logs the whole body (a token pasted into the connect modal
 * included). This check hashes UTF-8 bytes, compares in constant time, accepts timestamps
 * within five minutes either side of the injected clock, and logs no body. Without a signing
 * secret (Socket Mode) every HTTP request is refused: it fails closed. Thread-safe.
 */
public final class SlackSignatureCheck implements Middleware {
  static final Duration MAX_SKEW = Duration.ofMinutes(5);
  private static final Logger log = LoggerFactory.getLogger(SlackSignatureCheck.class);
  private static final String REJECTED = "{\"error\":\"invalid request\"}";

  private final @Nullable SecretKeySpec key;
  private final Clock clock;

  SlackSignatureCheck(@Nullable String signingSecret, Clock clock) {
    if (signingSecret != null && signingSecret.isBlank()) {
      throw new IllegalArgumentException("the Slack signing secret is blank");
    }
    this.key = signingSecret == null
        ? null
        : new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    this.clock = Objects.requireNonNull(clock, "clock == null");
  }

  @Override
  @SuppressWarnings("rawtypes") // Bolt's Middleware interface declares the raw type.
  public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
    // Socket Mode envelopes arrive over an authenticated WebSocket; ssl_check carries no signature.
    if (req.isSocketMode() || MiddlewareOps.isNoSlackSignatureRequest(req.getRequestType())) {
      return chain.next(req);
    }
    String timestamp = req.getHeaders().getFirstValue(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP);
    String signature = req.getHeaders().getFirstValue(SlackSignature.HeaderNames.X_SLACK_SIGNATURE);
    if (isValid(timestamp, signature, req.getRequestBodyAsString())) {
      return chain.next(req);
    }
    log.info("Rejected a request without a valid Slack signature (timestamp header: {})", timestamp);
    return Response.json(401, REJECTED);
  }

  /** Returns whether {@code signature} is Slack's v0 HMAC of {@code body} at a fresh {@code timestamp}. */
  boolean isValid(@Nullable String timestamp, @Nullable String signature, @Nullable String body) {
    SecretKeySpec k = key;
    if (k == null || timestamp == null || signature == null || body == null || !timestamp.matches("[0-9]{1,12}")) {
      return false;
    }
    long skewSeconds = Math.abs(clock.instant().getEpochSecond() - Long.parseLong(timestamp));
    if (skewSeconds > MAX_SKEW.toSeconds()) {
      return false;
    }
    byte[] expected = ("v0=" + HexFormat.of().formatHex(hmac(k, "v0:" + timestamp + ":" + body)))
        .getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] hmac(SecretKeySpec k, String base) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(k);
      return mac.doFinal(base.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
    }
  }
}
