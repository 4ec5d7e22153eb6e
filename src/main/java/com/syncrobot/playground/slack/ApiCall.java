package com.syncrobot.playground.slack;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * One Web API call the bot made, as the simulator recorded it; the token is not kept.
 *
 * @param params the request's parameters; JSON-valued form fields (blocks, view) are parsed
 */
public record ApiCall(String method, JsonNode params, JsonNode response) {
  public ApiCall {
    Objects.requireNonNull(method, "method == null");
    params = params.deepCopy();
    response = response.deepCopy();
  }

  /** Returns whether Slack answered {@code ok: true}. */
  public boolean ok() {
    return response.path("ok").asBoolean(false);
  }
}
