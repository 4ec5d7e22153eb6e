package com.syncrobot.playground.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Turns the values a test gives {@link SlackSimulator#submitModal} into the raw entries the page would send. */
final class ModalInputs {
  private ModalInputs() {}

  /** Maps each block_id of {@code values} to its input element's action_id and raw value. */
  static Map<String, Map<String, JsonNode>> entered(JsonNode view, Map<String, ?> values) {
    Map<String, Map<String, JsonNode>> out = new LinkedHashMap<>();
    values.forEach((blockId, v) -> {
      JsonNode element = inputElement(view, blockId);
      out.put(blockId, Map.of(element.path("action_id").asText(), raw(v)));
    });
    return out;
  }

  /** Returns the element of input block {@code blockId}. */
  static JsonNode inputElement(JsonNode view, String blockId) {
    for (JsonNode b : view.path("blocks")) {
      if (b.path("block_id").asText().equals(blockId) && b.has("element")) {
        return b.get("element");
      }
    }
    throw new IllegalArgumentException("the modal has no input block " + blockId);
  }

  private static JsonNode raw(@Nullable Object v) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (v == null) {
      return f.textNode("");
    }
    if (v instanceof JsonNode n) {
      return n;
    }
    if (v instanceof Collection<?> c) {
      ArrayNode a = f.arrayNode();
      c.forEach(x -> a.add(String.valueOf(x)));
      return a;
    }
    return f.textNode(String.valueOf(v));
  }
}
