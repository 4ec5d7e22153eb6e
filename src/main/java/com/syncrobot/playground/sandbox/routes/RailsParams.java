package com.syncrobot.playground.sandbox.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A request's parameters as Rails sees them: the JSON body merged over the query string. Values
 * come as JSON types or strings ("1", "true", "0.75") and are read leniently, as Rails casts them.
 */
public final class RailsParams {
  private final ObjectNode body;
  private final Map<String, String> query;

  public RailsParams(ObjectNode body, Map<String, String> query) {
    this.body = body;
    this.query = Map.copyOf(query);
  }

  ObjectNode body() {
    return body;
  }

  @Nullable
  JsonNode get(String name) {
    JsonNode v = body.get(name);
    if (v != null) {
      return v;
    }
    String q = query.get(name);
    return q == null ? null : TextNode.valueOf(q);
  }

  boolean has(String name) {
    return get(name) != null;
  }

  /** Returns the value as text; null when absent, JSON null, or not a scalar. */
  @Nullable
  String text(String name) {
    JsonNode v = get(name);
    return v == null || v.isNull() || !v.isValueNode() ? null : v.asText();
  }

  boolean blank(String name) {
    String t = text(name);
    return t == null || t.isBlank();
  }

  boolean bool(String name, boolean otherwise) {
    JsonNode v = get(name);
    if (v == null || v.isNull()) {
      return otherwise;
    }
    if (v.isBoolean()) {
      return v.booleanValue();
    }
    if (v.isNumber()) {
      return v.asInt() != 0;
    }
    String s = v.asText().strip().toLowerCase(Locale.ROOT);
    if (s.equals("true") || s.equals("1") || s.equals("t") || s.equals("yes")) {
      return true;
    }
    if (s.equals("false") || s.equals("0") || s.equals("f") || s.equals("no")) {
      return false;
    }
    return otherwise;
  }

  @Nullable
  Long longValue(String name) {
    return asLong(get(name));
  }

  @Nullable
  BigDecimal decimal(String name) {
    JsonNode v = get(name);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isNumber()) {
      return v.decimalValue();
    }
    try {
      String s = v.asText().strip();
      return s.isEmpty() ? null : new BigDecimal(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  List<Long> longs(String name) {
    JsonNode v = get(name);
    List<Long> out = new ArrayList<>();
    if (v != null && v.isArray()) {
      for (JsonNode n : v) {
        Long l = asLong(n);
        if (l != null) {
          out.add(l);
        }
      }
    }
    return out;
  }

  static @Nullable Long asLong(@Nullable JsonNode v) {
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isIntegralNumber()) {
      return v.longValue();
    }
    String s = v.asText().strip();
    if (!s.isEmpty() && s.length() <= 18 && s.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Long.parseLong(s);
    }
    return null;
  }
}
