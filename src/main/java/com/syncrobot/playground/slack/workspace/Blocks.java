package com.syncrobot.playground.slack.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** Walks Block Kit JSON: finds interactive elements and their options, and fills ids Slack would fill. */
public final class Blocks {
  private static final AtomicLong GENERATED = new AtomicLong();

  /** An interactive element and the block it sits in. */
  public record Element(String blockId, String blockType, JsonNode element) {
    public String type() {
      return element.path("type").asText();
    }

    public String actionId() {
      return element.path("action_id").asText();
    }

    /** Returns the visible label of a button, or empty. */
    public String label() {
      return element.path("text").path("text").asText();
    }
  }

  private Blocks() {}

  /** Returns the elements of actions blocks, section accessories and input elements, in order. */
  public static List<Element> interactiveElements(JsonNode blocks) {
    List<Element> out = new ArrayList<>();
    for (JsonNode b : blocks) {
      String blockId = b.path("block_id").asText();
      String type = b.path("type").asText();
      switch (type) {
        case "actions" -> b.path("elements").forEach(e -> out.add(new Element(blockId, type, e)));
        case "section" -> {
          if (b.has("accessory")) {
            out.add(new Element(blockId, type, b.get("accessory")));
          }
        }
        case "input" -> {
          if (b.has("element")) {
            out.add(new Element(blockId, type, b.get("element")));
          }
        }
        default -> {}
      }
    }
    return out;
  }

  /** Returns the element with {@code blockId} and {@code actionId}. */
  public static Optional<Element> find(JsonNode blocks, String blockId, String actionId) {
    return interactiveElements(blocks).stream()
        .filter(e -> e.blockId().equals(blockId) && e.actionId().equals(actionId))
        .findFirst();
  }

  /** Returns the static option whose value is {@code value}, looking in options and option_groups. */
  public static Optional<JsonNode> option(JsonNode element, String value) {
    for (JsonNode o : allOptions(element)) {
      if (o.path("value").asText().equals(value)) {
        return Optional.of(o);
      }
    }
    return Optional.empty();
  }

  public static List<JsonNode> allOptions(JsonNode element) {
    List<JsonNode> out = new ArrayList<>();
    element.path("options").forEach(out::add);
    element.path("option_groups").forEach(g -> g.path("options").forEach(out::add));
    return out;
  }

  /**
   * Gives every block a block_id and every interactive element an action_id where the bot left
   * them out, as Slack does; returns {@code blocks} for chaining.
   */
  public static ArrayNode fillIds(ArrayNode blocks) {
    for (JsonNode b : blocks) {
      if (!(b instanceof ObjectNode block)) {
        continue;
      }
      if (!block.hasNonNull("block_id")) {
        block.put("block_id", "b" + Long.toString(GENERATED.incrementAndGet(), 36));
      }
    }
    for (Element e : interactiveElements(blocks)) {
      if (e.element() instanceof ObjectNode el && !el.hasNonNull("action_id")) {
        el.put("action_id", "a" + Long.toString(GENERATED.incrementAndGet(), 36));
      }
    }
    return blocks;
  }
}
