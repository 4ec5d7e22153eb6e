package com.syncrobot.playground.slack;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A Slack error code ({@code channel_not_found}, {@code invalid_blocks}) raised inside the
 * simulator; the Web API turns it into {@code {"ok":false,"error":code}} plus any details.
 */
final class SlackError extends RuntimeException {
  private final String code;
  private final ObjectNode details;

  SlackError(String code) {
    this(code, JsonNodeFactory.instance.objectNode());
  }

  SlackError(String code, ObjectNode details) {
    super(code, null, false, false);
    this.code = code;
    this.details = details;
  }

  /** An error with Slack's {@code response_metadata.messages} list, as for invalid blocks or views. */
  static SlackError withMessages(String code, List<String> problems) {
    ObjectNode d = JsonNodeFactory.instance.objectNode();
    d.putArray("errors").addAll(problems.stream().map(JsonNodeFactory.instance::textNode).toList());
    d.putObject("response_metadata").putArray("messages")
        .addAll(problems.stream().map(p -> JsonNodeFactory.instance.textNode("[ERROR] " + p)).toList());
    return new SlackError(code, d);
  }

  String code() {
    return code;
  }

  /** Returns the answer Slack gives for this error. */
  ObjectNode toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("ok", false);
    o.put("error", code);
    o.setAll(details.deepCopy());
    return o;
  }
}
