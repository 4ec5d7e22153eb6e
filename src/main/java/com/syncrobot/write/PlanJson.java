package com.syncrobot.write;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.syncrobot.billing.Money;
import com.syncrobot.billing.Quantity;
import com.syncrobot.syncro.CustomerId;
import com.syncrobot.syncro.TicketId;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Turns checks and request bodies into the JSON text stored in the step rows, and back. */
final class PlanJson {
  /** Syncro's answers are kept for the audit up to this many characters. */
  static final int MAX_BODY_CHARS = 16 * 1024;

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(ticketIdAsNumber())
      .addModule(moneyAsText())
      // checks that hold times store them as ISO-8601 text
      .addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      // A stored body is sent later exactly as planned: 150.00 stays 150.00, never the double 150.0.
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
      .build();

  static {
    // Every record of the sealed Check and Assertion is a subtype; its @JsonTypeName is the stored "type".
    MAPPER.registerSubtypes(Check.class.getPermittedSubclasses());
    MAPPER.registerSubtypes(Assertion.class.getPermittedSubclasses());
  }

  private PlanJson() {}

  static String writeCheck(Check check) {
    try {
      return MAPPER.writerFor(Check.class).writeValueAsString(check);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + check.getClass().getSimpleName(), e);
    }
  }

  static Check readCheck(String json) {
    try {
      return MAPPER.readValue(json, Check.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored check is not readable: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Returns {@code check}'s JSON with every top-level number equal to {@code standIn} replaced by
   * {@code placeholder}.
   *
   * @throws IllegalArgumentException if no field held {@code standIn}
   */
  static JsonNode template(Check check, long standIn, String placeholder) {
    ObjectNode tree;
    try {
      tree = (ObjectNode) MAPPER.readTree(writeCheck(check));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot read back a serialised check", e);
    }
    boolean replaced = false;
    for (String field : fieldNames(tree)) {
      JsonNode value = tree.get(field);
      if (value.isIntegralNumber() && value.asLong() == standIn) {
        tree.put(field, placeholder);
        replaced = true;
      }
    }
    if (!replaced) {
      throw new IllegalArgumentException(check.getClass().getSimpleName() + " does not hold the ticket it was given");
    }
    return tree;
  }

  /** Returns the check a filled-in template describes. */
  static Check readCheck(JsonNode json) {
    try {
      return MAPPER.treeToValue(json, Check.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new IllegalStateException("filled-in check is not readable: " + e.getMessage(), e);
    }
  }

  private static List<String> fieldNames(ObjectNode tree) {
    List<String> names = new ArrayList<>();
    tree.fieldNames().forEachRemaining(names::add);
    return names;
  }

  static String writeAssertion(Assertion assertion) {
    try {
      return MAPPER.writerFor(Assertion.class).writeValueAsString(assertion);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + assertion.getClass().getSimpleName(), e);
    }
  }

  static Assertion readAssertion(String json) {
    try {
      return MAPPER.readValue(json, Assertion.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored assertion is not readable: " + e.getOriginalMessage(), e);
    }
  }

  static @Nullable String writeNode(@Nullable JsonNode node) {
    if (node == null) {
      return null;
    }
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a request body", e);
    }
  }

  static @Nullable JsonNode readNode(@Nullable String json) {
    if (json == null) {
      return null;
    }
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored request body is not JSON", e);
    }
  }

  /** Returns {@code text} cut to {@link #MAX_BODY_CHARS}, saying how much was cut. */
  static @Nullable String cap(@Nullable String text) {
    if (text == null || text.length() <= MAX_BODY_CHARS) {
      return text;
    }
    return text.substring(0, MAX_BODY_CHARS) + "…[" + (text.length() - MAX_BODY_CHARS) + " more chars cut]";
  }

  /** Money and quantities as their exact decimal text, e.g. {@code "112.50"} and {@code "0.75"}. */
  private static SimpleModule moneyAsText() {
    SimpleModule module = new SimpleModule("write-money");
    module.addSerializer(Money.class, new JsonSerializer<>() {
      @Override
      public void serialize(Money value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        gen.writeString(value.amount().toPlainString());
      }
    });
    module.addDeserializer(Money.class, new JsonDeserializer<>() {
      @Override
      public Money deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        return new Money(new BigDecimal(p.getValueAsString()));
      }
    });
    module.addSerializer(Quantity.class, new JsonSerializer<>() {
      @Override
      public void serialize(Quantity value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        gen.writeString(value.value().toPlainString());
      }
    });
    module.addDeserializer(Quantity.class, new JsonDeserializer<>() {
      @Override
      public Quantity deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        return new Quantity(new BigDecimal(p.getValueAsString()));
      }
    });
    return module;
  }

  private static SimpleModule ticketIdAsNumber() {
    SimpleModule module = new SimpleModule("write-ids");
    module.addSerializer(TicketId.class, new JsonSerializer<>() {
      @Override
      public void serialize(TicketId value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        gen.writeNumber(value.value());
      }
    });
    module.addDeserializer(TicketId.class, new JsonDeserializer<>() {
      @Override
      public TicketId deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        return new TicketId(p.getValueAsLong());
      }
    });
    module.addSerializer(CustomerId.class, new JsonSerializer<>() {
      @Override
      public void serialize(CustomerId value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        gen.writeNumber(value.value());
      }
    });
    module.addDeserializer(CustomerId.class, new JsonDeserializer<>() {
      @Override
      public CustomerId deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        return new CustomerId(p.getValueAsLong());
      }
    });
    return module;
  }
}
