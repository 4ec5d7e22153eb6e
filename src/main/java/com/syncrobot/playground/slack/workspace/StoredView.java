package com.syncrobot.playground.slack.workspace;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.syncrobot.playground.slack.SimModal;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A view the workspace holds: a modal in a user's stack, or a user's Home tab. Immutable; the
 * view JSON is never handed out without copying.
 */
public record StoredView(String id, String user, ObjectNode view, Map<String, String> errors,
    @Nullable String problem) {
  public StoredView {
    errors = Map.copyOf(errors);
  }

  String callbackId() {
    return view.path("callback_id").asText();
  }

  public boolean isHome() {
    return "home".equals(view.path("type").asText());
  }

  StoredView withErrors(Map<String, String> newErrors) {
    return new StoredView(id, user, view, newErrors, null);
  }

  StoredView withProblem(@Nullable String newProblem) {
    return new StoredView(id, user, view, errors, newProblem);
  }

  public SimModal toModal(int depth) {
    return new SimModal(id, callbackId(), view, errors, depth, problem);
  }
}
