package com.syncrobot.playground.slack.user;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.syncrobot.playground.slack.workspace.Blocks;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Turns what a user entered into Slack's typed state: {@code view.state.values[block_id][action_id]}
 * with {@code value}, {@code selected_option(s)}, {@code selected_user}, {@code selected_date},
 * {@code selected_time} or {@code selected_date_time} by element type; and the checks Slack's
 * client makes before a submission leaves the browser (required fields, number format, lengths).
 *
 * <p>A raw entry is a JSON string (text, option value, user id, date, time, epoch seconds), an
 * array of strings (checkboxes, multi-selects), or {@code {"value":..,"text":..}} for an external
 * select option. A missing entry means the user left the element as the bot set it up.
 */
public final class ViewStates {
  public static final String REQUIRED = "Please complete this required field.";
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private ViewStates() {}

  /** Returns {@code state.values} for every stateful element of {@code blocks}. */
  static ObjectNode values(JsonNode blocks, Map<String, Map<String, JsonNode>> raw) {
    ObjectNode values = F.objectNode();
    for (Blocks.Element e : Blocks.interactiveElements(blocks)) {
      if (e.type().equals("button") || e.type().equals("image")) {
        continue;
      }
      JsonNode r = raw.getOrDefault(e.blockId(), Map.of()).get(e.actionId());
      if (r == null && !e.blockType().equals("input")) {
        continue;
      }
      ObjectNode block = values.has(e.blockId()) ? (ObjectNode) values.get(e.blockId()) : values.putObject(e.blockId());
      block.set(e.actionId(), value(e.element(), r));
    }
    return values;
  }

  /** Returns the typed value of one element. */
  static ObjectNode value(JsonNode element, @Nullable JsonNode raw) {
    String type = element.path("type").asText();
    ObjectNode v = F.objectNode().put("type", type);
    switch (type) {
      case "plain_text_input", "email_text_input", "url_text_input", "number_input" -> {
        String s = raw != null ? raw.asText("") : element.path("initial_value").asText("");
        if (s.isEmpty()) {
          v.putNull("value");
        } else {
          v.put("value", s);
        }
      }
      case "static_select", "radio_buttons", "overflow" -> v.set("selected_option",
          raw == null ? initial(element, "initial_option") : optionOrNull(element, raw.asText("")));
      case "external_select" -> v.set("selected_option",
          raw == null ? initial(element, "initial_option") : externalOption(raw));
      case "checkboxes", "multi_static_select" -> {
        ArrayNode selected = v.putArray("selected_options");
        if (raw == null) {
          element.path("initial_options").forEach(o -> selected.add(o.deepCopy()));
        } else {
          Set<String> chosen = new HashSet<>();
          raw.forEach(x -> chosen.add(x.asText()));
          Blocks.allOptions(element).stream().filter(o -> chosen.contains(o.path("value").asText()))
              .forEach(o -> selected.add(o.deepCopy()));
        }
      }
      case "multi_external_select" -> {
        ArrayNode selected = v.putArray("selected_options");
        if (raw == null) {
          element.path("initial_options").forEach(o -> selected.add(o.deepCopy()));
        } else {
          raw.forEach(x -> selected.add(externalOption(x)));
        }
      }
      case "users_select" -> single(v, "selected_user", raw, element.path("initial_user"));
      case "conversations_select" -> single(v, "selected_conversation", raw, element.path("initial_conversation"));
      case "channels_select" -> single(v, "selected_channel", raw, element.path("initial_channel"));
      case "multi_users_select" -> {
        ArrayNode selected = v.putArray("selected_users");
        (raw == null ? element.path("initial_users") : raw).forEach(x -> selected.add(x.asText()));
      }
      case "datepicker" -> single(v, "selected_date", raw, element.path("initial_date"));
      case "timepicker" -> single(v, "selected_time", raw, element.path("initial_time"));
      case "datetimepicker" -> {
        String s = raw != null ? raw.asText("") : element.path("initial_date_time").asText("");
        if (s.isEmpty()) {
          v.putNull("selected_date_time");
        } else {
          v.put("selected_date_time", Long.parseLong(s));
        }
      }
      default -> v.set("value", raw == null ? F.nullNode() : raw.deepCopy());
    }
    return v;
  }

  /**
   * Returns the errors Slack's client shows without asking the bot: empty required inputs,
   * numbers that are not numbers or out of range, texts too short or too long. Keys are block_ids.
   */
  static Map<String, String> clientErrors(JsonNode blocks, ObjectNode values) {
    Map<String, String> errors = new LinkedHashMap<>();
    for (JsonNode b : blocks) {
      if (!b.path("type").asText().equals("input") || !b.has("element")) {
        continue;
      }
      String blockId = b.path("block_id").asText();
      JsonNode element = b.get("element");
      JsonNode v = values.path(blockId).path(element.path("action_id").asText());
      if (isEmpty(v)) {
        if (!b.path("optional").asBoolean(false)) {
          errors.put(blockId, REQUIRED);
        }
        continue;
      }
      String problem = problem(element, v);
      if (problem != null) {
        errors.put(blockId, problem);
      }
    }
    return errors;
  }

  private static @Nullable String problem(JsonNode element, JsonNode v) {
    String type = element.path("type").asText();
    if (type.equals("plain_text_input")) {
      int len = v.path("value").asText().length();
      if (element.has("min_length") && len < element.get("min_length").asInt()) {
        return "Please enter at least " + element.get("min_length").asInt() + " characters.";
      }
      if (element.has("max_length") && len > element.get("max_length").asInt()) {
        return "Please enter no more than " + element.get("max_length").asInt() + " characters.";
      }
    }
    if (type.equals("number_input")) {
      BigDecimal n;
      try {
        n = new BigDecimal(v.path("value").asText().strip());
      } catch (NumberFormatException e) {
        return "Please enter a number.";
      }
      if (!element.path("is_decimal_allowed").asBoolean(false) && n.stripTrailingZeros().scale() > 0) {
        return "Please enter a whole number.";
      }
      if (element.has("min_value") && n.compareTo(new BigDecimal(element.get("min_value").asText())) < 0
          || element.has("max_value") && n.compareTo(new BigDecimal(element.get("max_value").asText())) > 0) {
        return "Please enter a number between " + element.path("min_value").asText("any") + " and "
            + element.path("max_value").asText("any") + ".";
      }
    }
    return null;
  }

  /** Returns the {@code actions[0]} entry of a block_actions payload. */
  static ObjectNode action(Blocks.Element e, @Nullable JsonNode raw, String actionTs) {
    ObjectNode a = F.objectNode();
    a.put("type", e.type());
    a.put("action_id", e.actionId());
    a.put("block_id", e.blockId());
    if (e.type().equals("button")) {
      a.set("text", e.element().path("text").deepCopy());
      for (String f : new String[] {"value", "style", "url"}) {
        if (e.element().has(f)) {
          a.set(f, e.element().get(f).deepCopy());
        }
      }
    } else {
      ObjectNode v = value(e.element(), raw);
      v.remove("type");
      a.setAll(v);
      if (e.element().has("placeholder")) {
        a.set("placeholder", e.element().get("placeholder").deepCopy());
      }
    }
    a.put("action_ts", actionTs);
    return a;
  }

  private static boolean isEmpty(JsonNode v) {
    for (String f : new String[] {"value", "selected_option", "selected_user", "selected_conversation",
        "selected_channel", "selected_date", "selected_time", "selected_date_time"}) {
      if (v.has(f)) {
        JsonNode x = v.get(f);
        return x.isNull() || x.isTextual() && x.asText().isBlank();
      }
    }
    for (String f : new String[] {"selected_options", "selected_users"}) {
      if (v.has(f)) {
        return v.get(f).isEmpty();
      }
    }
    return true;
  }

  private static void single(ObjectNode v, String field, @Nullable JsonNode raw, JsonNode initial) {
    String s = raw != null ? raw.asText("") : initial.asText("");
    if (s.isEmpty()) {
      v.putNull(field);
    } else {
      v.put(field, s);
    }
  }

  private static JsonNode initial(JsonNode element, String field) {
    JsonNode i = element.get(field);
    return i == null ? F.nullNode() : i.deepCopy();
  }

  private static JsonNode optionOrNull(JsonNode element, String value) {
    return Blocks.option(element, value).<JsonNode>map(JsonNode::deepCopy).orElse(F.nullNode());
  }

  private static JsonNode externalOption(JsonNode raw) {
    if (raw.isNull() || raw.asText("x").isEmpty() && !raw.isObject()) {
      return F.nullNode();
    }
    String value = raw.isObject() ? raw.path("value").asText() : raw.asText();
    String text = raw.isObject() ? raw.path("text").asText(value) : value;
    ObjectNode o = F.objectNode();
    o.putObject("text").put("type", "plain_text").put("text", text).put("emoji", true);
    o.put("value", value);
    return o;
  }
}
