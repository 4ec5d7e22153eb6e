package com.syncrobot.playground.sandbox.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.syncrobot.playground.sandbox.model.Decimals;
import java.math.BigDecimal;
import java.util.Collection;
import org.jspecify.annotations.Nullable;

/** The sandbox's JSON mapper and node helpers. Thread-safe. */
public final class Json {
  public static final ObjectMapper MAPPER = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private Json() {}

  public static ObjectNode obj() {
    return F.objectNode();
  }

  static ArrayNode arr() {
    return F.arrayNode();
  }

  static ArrayNode longs(Collection<Long> values) {
    ArrayNode a = arr();
    values.forEach(a::add);
    return a;
  }

  /** Returns a JSON number printed the Rails way (150.0, 262.5), or null. */
  public static JsonNode num(@Nullable BigDecimal v) {
    return v == null ? F.nullNode() : F.numberNode(Decimals.ruby(v));
  }

  /** Returns a decimal as a Rails-printed string ("10.0"), or null. */
  public static JsonNode str(@Nullable BigDecimal v) {
    return v == null ? F.nullNode() : F.textNode(Decimals.rubyString(v));
  }

  static ObjectNode wrap(String key, JsonNode inner) {
    ObjectNode o = obj();
    o.set(key, inner);
    return o;
  }

  static byte[] bytes(JsonNode n) {
    try {
      return MAPPER.writeValueAsBytes(n);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise JSON", e);
    }
  }
}
