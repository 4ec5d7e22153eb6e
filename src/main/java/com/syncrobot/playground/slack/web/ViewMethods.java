package com.syncrobot.playground.slack.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.syncrobot.playground.slack.workspace.BlockKitCheck;
import com.syncrobot.playground.slack.workspace.Conversations;
import com.syncrobot.playground.slack.workspace.Handles;
import com.syncrobot.playground.slack.workspace.SlackError;
import com.syncrobot.playground.slack.workspace.SlackJson;
import com.syncrobot.playground.slack.workspace.Views;
import java.util.List;
import java.util.Map;

/** The views.* methods: modals opened with a trigger_id, pushed, updated, and the Home tab published. */
public record ViewMethods(Views views, Handles handles, Conversations conv) {
  void register(Map<String, ApiMethod> methods) {
    methods.put("views.open", p -> answer(views.open(trigger(p), view(p))));
    methods.put("views.push", p -> answer(views.push(trigger(p), view(p))));
    methods.put("views.update", p -> answer(views.update(p.str("view_id"), p.str("external_id"), p.str("hash"),
        view(p))));
    methods.put("views.publish", this::publish);
  }

  private ObjectNode publish(ApiArgs p) {
    String user = p.required("user_id");
    if (conv.user(user).isEmpty()) {
      throw new SlackError("user_not_found");
    }
    return answer(views.publish(user, view(p), p.str("hash")));
  }

  /** Checks the view before the trigger is spent, as a bad view leaves the trigger usable in Slack. */
  private String trigger(ApiArgs p) {
    view(p);
    return handles.useTrigger(p.required("trigger_id"));
  }

  private static ObjectNode view(ApiArgs p) {
    JsonNode v = p.json("view", "invalid_arguments")
        .orElseThrow(() -> SlackError.withMessages("invalid_arguments", List.of("missing required field: view")));
    if (!(v instanceof ObjectNode o)) {
      throw SlackError.withMessages("invalid_arguments", List.of("must be an object [json-pointer:/view]"));
    }
    List<String> problems = BlockKitCheck.view(o);
    if (!problems.isEmpty()) {
      throw SlackError.withMessages("invalid_arguments", problems);
    }
    return o;
  }

  private static ObjectNode answer(ObjectNode view) {
    ObjectNode r = SlackJson.ok();
    r.set("view", view);
    return r;
  }
}
