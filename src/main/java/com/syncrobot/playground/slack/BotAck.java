package com.syncrobot.playground.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the bot answered to one signed request.
 *
 * @param status the HTTP status, or 0 when no answer arrived
 * @param failure Slack's name for a failed dispatch ({@code operation_timeout}, {@code dispatch_failed}), or null
 * @param waited from sending the request to its answer (or to giving up), what Slack's 3 s ack timer measures;
 *     zero when nothing was sent
 */
public record BotAck(int status, String body, @Nullable String failure, Duration waited) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public BotAck {
    Objects.requireNonNull(body, "body == null");
    Objects.requireNonNull(waited, "waited == null");
  }

  /** An answer made without sending anything (the client refused before a request went out). */
  public BotAck(int status, String body, @Nullable String failure) {
    this(status, body, failure, Duration.ZERO);
  }

  /** Returns whether the bot acked in time with 200. */
  public boolean ok() {
    return failure == null && status == 200;
  }

  /** Returns the body as JSON, or a missing node when it is empty or not JSON. */
  public JsonNode json() {
    if (body.isBlank()) {
      return MissingNode.getInstance();
    }
    try {
      return JSON.readTree(body);
    } catch (Exception e) {
      return MissingNode.getInstance();
    }
  }
}
