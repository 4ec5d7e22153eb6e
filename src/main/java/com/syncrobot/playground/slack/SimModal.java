package com.syncrobot.playground.slack;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The modal a user sees: the top of their view stack.
 *
 * @param view the full view as Slack would send it (id, hash, blocks, callback_id, private_metadata); a copy
 * @param errors per input block_id, from the bot's {@code response_action: errors} or Slack's own checks
 * @param depth how many views are stacked (1 to 3)
 * @param problem what Slack would say on top of the modal when the bot failed to answer, or null
 */
public record SimModal(String viewId, String callbackId, JsonNode view, Map<String, String> errors, int depth,
    @Nullable String problem) {
  public SimModal {
    Objects.requireNonNull(viewId, "viewId == null");
    Objects.requireNonNull(callbackId, "callbackId == null");
    view = view.deepCopy();
    errors = Map.copyOf(errors);
  }

  /** Returns the modal's title text. */
  public String title() {
    return view.path("title").path("text").asText();
  }
}
