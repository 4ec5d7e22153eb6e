package com.syncrobot.playground.slack.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.syncrobot.playground.slack.workspace.BlockKitCheck;
import com.syncrobot.playground.slack.workspace.Blocks;
import com.syncrobot.playground.slack.workspace.SlackError;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The arguments of one Web API call, whether they came as a form, as JSON or as multipart; a form
 * field that holds JSON (blocks, view, unfurls) is parsed on first use.
 */
final class ApiArgs {
  private final ObjectNode values;
  private final Map<String, Multipart.Part> files;

  ApiArgs(ObjectNode values, Map<String, Multipart.Part> files) {
    this.values = values;
    this.files = Map.copyOf(files);
  }

  ObjectNode values() {
    return values;
  }

  boolean has(String name) {
    return values.hasNonNull(name);
  }

  @Nullable
  String str(String name) {
    JsonNode v = values.get(name);
    if (v == null || v.isNull()) {
      return null;
    }
    return v.isValueNode() ? v.asText() : v.toString();
  }

  String str(String name, String otherwise) {
    String v = str(name);
    return v == null ? otherwise : v;
  }

  /** Returns a required argument; missing or blank is Slack's {@code invalid_arguments}. */
  String required(String name) {
    String v = str(name);
    if (v == null || v.isBlank()) {
      throw SlackError.withMessages("invalid_arguments", List.of("missing required field: " + name));
    }
    return v;
  }

  boolean bool(String name) {
    String v = str(name);
    return v != null && (v.equals("true") || v.equals("1"));
  }

  /** Returns a JSON-valued argument, parsing it when it came as a string; {@code badCode} when it is not JSON. */
  Optional<JsonNode> json(String name, String badCode) {
    JsonNode v = values.get(name);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isTextual()) {
      return Optional.of(v);
    }
    if (v.asText().isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(SimulatorHttp.JSON.readTree(v.asText()));
    } catch (Exception e) {
      throw new SlackError(badCode);
    }
  }

  /** Returns the {@code blocks} argument as an array, with ids filled; empty when absent. */
  Optional<ArrayNode> blocks() {
    Optional<JsonNode> b = json("blocks", "invalid_blocks_format");
    if (b.isEmpty()) {
      return Optional.empty();
    }
    if (!(b.get() instanceof ArrayNode arr)) {
      throw new SlackError("invalid_blocks_format");
    }
    List<String> problems = BlockKitCheck.message(arr);
    if (!problems.isEmpty()) {
      throw SlackError.withMessages("invalid_blocks", problems);
    }
    return Optional.of(Blocks.fillIds(arr.deepCopy()));
  }

  Optional<Multipart.Part> file(String name) {
    return Optional.ofNullable(files.get(name));
  }

  /** Returns the arguments without the token, as the call log keeps them. */
  ObjectNode withoutToken() {
    ObjectNode copy = values.deepCopy();
    copy.remove("token");
    for (String name : List.of("blocks", "view", "unfurls", "files", "attachments")) {
      try {
        json(name, "invalid").ifPresent(v -> copy.set(name, v));
      } catch (SlackError e) {
        // Keep the unparsable text as it came: the log shows what the bot sent.
      }
    }
    return copy;
  }
}
