package com.syncrobot.slack.plan;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One click on a plan's button: who clicked, which plan (and step, for "Send it again" and the
 * settle buttons), and the click's own response_url and trigger_id.
 */
public record PlanClick(String userId, String planId, int stepIndex, @Nullable String responseUrl,
    @Nullable String triggerId) {

  /** Parses the click; empty when the button value is not a plan id (optionally ":step"). */
  public static Optional<PlanClick> of(BlockActionRequest req) {
    BlockActionPayload p = req.getPayload();
    if (p.getActions() == null || p.getActions().size() != 1 || p.getUser() == null) {
      return Optional.empty();
    }
    String value = p.getActions().get(0).getValue();
    if (value == null || value.isBlank() || value.length() > 100) {
      return Optional.empty();
    }
    String planId = value;
    int step = -1;
    int colon = value.lastIndexOf(':');
    if (colon > 0) {
      planId = value.substring(0, colon);
      try {
        step = Integer.parseInt(value.substring(colon + 1));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    return Optional.of(new PlanClick(p.getUser().getId(), planId, step, p.getResponseUrl(), p.getTriggerId()));
  }
}
