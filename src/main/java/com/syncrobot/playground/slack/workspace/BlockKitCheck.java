package com.syncrobot.playground.slack.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Slack's Block Kit limits, checked the way Slack rejects a payload, so a bot that overflows a
 * field fails here as it would in a real workspace. Each problem reads like Slack's own:
 * {@code must be less than 3001 characters [json-pointer:/blocks/0/text/text]}.
 */
public final class BlockKitCheck {
  static final int MESSAGE_BLOCKS = 50;
  static final int VIEW_BLOCKS = 100;
  private static final Set<String> BLOCK_TYPES = Set.of("section", "header", "context", "divider", "actions",
      "image", "input", "markdown", "rich_text", "file", "video");
  private static final Set<String> ELEMENT_TYPES = Set.of("button", "static_select", "external_select",
      "users_select", "conversations_select", "channels_select", "multi_static_select", "multi_external_select",
      "multi_users_select", "overflow", "datepicker", "timepicker", "datetimepicker", "radio_buttons", "checkboxes",
      "plain_text_input", "number_input", "email_text_input", "url_text_input", "image", "rich_text_input");

  private final List<String> problems = new ArrayList<>();

  private BlockKitCheck() {}

  /** Returns the problems of a message's blocks; empty when Slack would take them. */
  public static List<String> message(JsonNode blocks) {
    BlockKitCheck c = new BlockKitCheck();
    c.blocks(blocks, "/blocks", MESSAGE_BLOCKS);
    return c.problems;
  }

  /** Returns the problems of a modal or Home view; empty when Slack would take it. */
  public static List<String> view(JsonNode view) {
    BlockKitCheck c = new BlockKitCheck();
    String type = view.path("type").asText();
    if (!type.equals("modal") && !type.equals("home")) {
      c.problem("must be either modal or home", "/view/type");
    }
    if (type.equals("modal")) {
      c.text(view.get("title"), "/view/title", 24, true);
      c.text(view.get("submit"), "/view/submit", 24, false);
      c.text(view.get("close"), "/view/close", 24, false);
      boolean hasInput = false;
      for (JsonNode b : view.path("blocks")) {
        hasInput |= b.path("type").asText().equals("input");
      }
      if (hasInput && !view.hasNonNull("submit")) {
        c.problem("submit is required when an input block is present", "/view/submit");
      }
    }
    c.max(view.path("callback_id"), 255, "/view/callback_id");
    c.max(view.path("private_metadata"), 3000, "/view/private_metadata");
    c.max(view.path("external_id"), 255, "/view/external_id");
    c.blocks(view.path("blocks"), "/view/blocks", VIEW_BLOCKS);
    return c.problems;
  }

  private void blocks(JsonNode blocks, String at, int maxBlocks) {
    if (!blocks.isArray()) {
      problem("must be an array", at);
      return;
    }
    if (blocks.size() > maxBlocks) {
      problem("no more than " + maxBlocks + " items allowed", at);
    }
    Set<String> blockIds = new HashSet<>();
    for (int i = 0; i < blocks.size(); i++) {
      JsonNode b = blocks.get(i);
      String p = at + "/" + i;
      String id = b.path("block_id").asText(null);
      if (id != null && !blockIds.add(id)) {
        problem("duplicate block_id " + id, p + "/block_id");
      }
      max(b.path("block_id"), 255, p + "/block_id");
      block(b, p);
    }
  }

  private void block(JsonNode b, String p) {
    String type = b.path("type").asText();
    if (!BLOCK_TYPES.contains(type)) {
      problem("unsupported type '" + type + "'", p + "/type");
      return;
    }
    switch (type) {
      case "section" -> {
        if (!b.has("text") && !b.has("fields")) {
          problem("must provide text or fields", p);
        }
        text(b.get("text"), p + "/text", 3000, false);
        JsonNode fields = b.path("fields");
        if (fields.size() > 10) {
          problem("no more than 10 items allowed", p + "/fields");
        }
        for (int i = 0; i < fields.size(); i++) {
          text(fields.get(i), p + "/fields/" + i, 2000, true);
        }
        if (b.has("accessory")) {
          element(b.get("accessory"), p + "/accessory");
        }
      }
      case "header" -> {
        text(b.get("text"), p + "/text", 150, true);
        if (!b.path("text").path("type").asText().equals("plain_text")) {
          problem("must be plain_text", p + "/text/type");
        }
      }
      case "context" -> {
        JsonNode els = b.path("elements");
        if (els.isEmpty() || els.size() > 10) {
          problem("must have 1 to 10 elements", p + "/elements");
        }
      }
      case "actions" -> {
        JsonNode els = b.path("elements");
        if (els.isEmpty() || els.size() > 25) {
          problem("must have 1 to 25 elements", p + "/elements");
        }
        Set<String> actionIds = new HashSet<>();
        for (int i = 0; i < els.size(); i++) {
          String aid = els.get(i).path("action_id").asText(null);
          if (aid != null && !actionIds.add(aid)) {
            problem("duplicate action_id " + aid, p + "/elements/" + i + "/action_id");
          }
          element(els.get(i), p + "/elements/" + i);
        }
      }
      case "image" -> {
        required(b, "image_url", p);
        required(b, "alt_text", p);
        max(b.path("alt_text"), 2000, p + "/alt_text");
        max(b.path("image_url"), 3000, p + "/image_url");
      }
      case "input" -> {
        text(b.get("label"), p + "/label", 2000, true);
        text(b.get("hint"), p + "/hint", 2000, false);
        if (!b.has("element")) {
          problem("missing required field: element", p);
        } else {
          element(b.get("element"), p + "/element");
        }
      }
      case "markdown" -> max(b.path("text"), 12000, p + "/text");
      default -> {}
    }
  }

  private void element(JsonNode e, String p) {
    String type = e.path("type").asText();
    if (!ELEMENT_TYPES.contains(type)) {
      problem("unsupported element type '" + type + "'", p + "/type");
      return;
    }
    max(e.path("action_id"), 255, p + "/action_id");
    text(e.get("placeholder"), p + "/placeholder", 150, false);
    if (type.equals("button")) {
      text(e.get("text"), p + "/text", 75, true);
      max(e.path("value"), 2000, p + "/value");
      max(e.path("url"), 3000, p + "/url");
      String style = e.path("style").asText("primary");
      if (!style.equals("primary") && !style.equals("danger")) {
        problem("must be primary or danger", p + "/style");
      }
    }
    JsonNode options = e.path("options");
    int max = type.equals("overflow") ? 5 : type.equals("radio_buttons") || type.equals("checkboxes") ? 10 : 100;
    if (options.size() > max) {
      problem("no more than " + max + " items allowed", p + "/options");
    }
    for (int i = 0; i < options.size(); i++) {
      text(options.get(i).get("text"), p + "/options/" + i + "/text", 75, true);
      max(options.get(i).path("value"), 150, p + "/options/" + i + "/value");
    }
    if (Set.of("static_select", "multi_static_select", "radio_buttons", "checkboxes", "overflow").contains(type)) {
      if (options.isEmpty() && e.path("option_groups").isEmpty()) {
        problem("must provide options or option_groups", p);
      }
    }
    if (e.has("confirm")) {
      JsonNode c = e.get("confirm");
      text(c.get("title"), p + "/confirm/title", 100, true);
      text(c.get("text"), p + "/confirm/text", 300, true);
      text(c.get("confirm"), p + "/confirm/confirm", 30, true);
      text(c.get("deny"), p + "/confirm/deny", 30, true);
    }
  }

  private void text(JsonNode t, String p, int max, boolean required) {
    if (t == null || t.isNull()) {
      if (required) {
        problem("missing required field", p);
      }
      return;
    }
    String type = t.path("type").asText();
    if (!type.equals("plain_text") && !type.equals("mrkdwn")) {
      problem("must be plain_text or mrkdwn", p + "/type");
    }
    String s = t.path("text").asText("");
    if (s.isEmpty()) {
      problem("must be more than 0 characters", p + "/text");
    }
    if (s.length() > max) {
      problem("must be less than " + (max + 1) + " characters", p + "/text");
    }
  }

  private void max(JsonNode v, int max, String p) {
    if (v.isTextual() && v.asText().length() > max) {
      problem("must be less than " + (max + 1) + " characters", p);
    }
  }

  private void required(JsonNode b, String field, String p) {
    if (!b.hasNonNull(field)) {
      problem("missing required field: " + field, p);
    }
  }

  private void problem(String what, String pointer) {
    problems.add(what + " [json-pointer:" + pointer + "]");
  }
}
