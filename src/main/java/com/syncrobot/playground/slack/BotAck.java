package com.syncrobot.playground.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the bot answered to one signed request.
 *
 * @param status the HTTP status, or 0 when no answer arrived
 * @param failure Slack's name for a failed dispatch ({@code operation_timeout}, {@code dispatch_failed}), or null
 */
public record BotAck(int status, String body, @Nullable String failure) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public BotAck {
    Objects.requireNonNull(body, "body == null");
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
