package com.syncrobot.playground.sandbox.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** Syncro's error bodies, which differ by endpoint (api-notes §1.5). Stateless. */
public final class Errors {
  private Errors() {}

  /** {@code {"error": "..."}}: POST /tickets without a customer, timer_entry without start_at, 401. */
  public static SandboxReply error(int status, String message) {
    return SandboxReply.json(status, Json.obj().put("error", message));
  }

  /** {@code {"success": false, "message": [...]}}: PUT /tickets, POST comment. */
  public static SandboxReply messages(List<String> messages) {
    ObjectNode o = Json.obj().put("success", false);
    ArrayNode a = o.putArray("message");
    messages.forEach(a::add);
    return SandboxReply.json(422, o);
  }

  /** {@code {"errors": "A, B", "params": {}}}: add_line_item. */
  static SandboxReply errorsString(List<String> messages) {
    ObjectNode o = Json.obj().put("errors", String.join(", ", messages));
    o.putObject("params");
    return SandboxReply.json(422, o);
  }

  /** {@code {"success": false, "error": "A,B", "message": "A,B", "params": {...}}}: appointments. */
  static SandboxReply appointment(List<String> messages, JsonNode params) {
    String joined = String.join(",", messages);
    ObjectNode o = Json.obj().put("success", false).put("error", joined).put("message", joined);
    ObjectNode p = params.isObject() ? ((ObjectNode) params).deepCopy() : Json.obj();
    // Rails filters secrets out of echoed params.
    p.remove("api_key");
    o.set("params", p);
    return SandboxReply.json(422, o);
  }

  /**
   * Rails' "X can't be blank" for each of {@code fields} that is blank, in order; with {@code
   * onlySent}, only for fields the body carries.
   */
  static List<String> blanks(RailsParams p, boolean onlySent, String... fields) {
    List<String> problems = new ArrayList<>();
    for (String f : fields) {
      if ((!onlySent || p.has(f)) && p.blank(f)) {
        problems.add(Character.toUpperCase(f.charAt(0)) + f.substring(1) + " can't be blank");
      }
    }
    return problems;
  }
}
