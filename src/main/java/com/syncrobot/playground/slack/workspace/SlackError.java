package com.syncrobot.playground.slack.workspace;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A Slack error code ({@code channel_not_found}, {@code invalid_blocks}) raised inside the
 * simulator; the Web API turns it into {@code {"ok":false,"error":code}} plus any details.
 */
public final class SlackError extends RuntimeException {
  private final String code;
  private final ObjectNode details;

  public SlackError(String code) {
    this(code, JsonNodeFactory.instance.objectNode());
  }

  public SlackError(String code, ObjectNode details) {
    super(code, null, false, false);
    this.code = code;
    this.details = details;
  }

  /** An error with Slack's {@code response_metadata.messages} list, as for invalid blocks or views. */
  public static SlackError withMessages(String code, List<String> problems) {
    ObjectNode d = JsonNodeFactory.instance.objectNode();
    d.putArray("errors").addAll(problems.stream().map(JsonNodeFactory.instance::textNode).toList());
    d.putObject("response_metadata").putArray("messages")
        .addAll(problems.stream().map(p -> JsonNodeFactory.instance.textNode("[ERROR] " + p)).toList());
    return new SlackError(code, d);
  }

  public String code() {
    return code;
  }

  /** Returns the answer Slack gives for this error. */
  public ObjectNode toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("ok", false);
    o.put("error", code);
    o.setAll(details.deepCopy());
    return o;
  }
}
