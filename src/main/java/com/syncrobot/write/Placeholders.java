package com.syncrobot.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.syncrobot.syncro.SyncroWrite;
import com.syncrobot.syncro.SyncroWrites;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Replaces {@code {{step:N}}} in a step's path and body with the id that step N returned, at send
 * time. A body string that is exactly a placeholder becomes a JSON number (Syncro wants ids as
 * numbers); inside a longer string it is replaced as text.
 */
final class Placeholders {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{step:(\\d{1,4})}}");
  private static final Pattern DIGITS = Pattern.compile("\\d{1,18}");

  private Placeholders() {}

  /** Returns the step indexes that {@code write} refers to. */
  static Set<Integer> referencedSteps(SyncroWrite write) {
    Set<Integer> refs = new TreeSet<>();
    collect(write.path(), refs);
    JsonNode body = write.body();
    if (body != null) {
      collect(body.toString(), refs);
    }
    return refs;
  }

  /** Returns the step indexes that {@code text} (a read step's path) refers to. */
  static Set<Integer> referencedSteps(String text) {
    Set<Integer> refs = new TreeSet<>();
    collect(text, refs);
    return refs;
  }

  /**
   * Returns {@code text} with every placeholder replaced by {@code ids.apply(N)}.
   *
   * @throws UnresolvedPlaceholderException if a referenced step has no id
   */
  static String resolve(String text, IntFunction<Optional<Long>> ids) {
    return replaceText(text, n -> Long.toString(idOf(n, ids)));
  }

  /** Returns the step indexes that a check's JSON refers to. */
  static Set<Integer> referencedSteps(JsonNode json) {
    Set<Integer> refs = new TreeSet<>();
    collect(json.toString(), refs);
    return refs;
  }

  /**
   * Returns {@code write} with every placeholder replaced by {@code ids.apply(N)}.
   *
   * @throws UnresolvedPlaceholderException if a referenced step has no id
   */
  static SyncroWrite resolve(SyncroWrite write, IntFunction<Optional<Long>> ids) {
    if (referencedSteps(write).isEmpty()) {
      return write;
    }
    return rewrite(write, n -> Long.toString(idOf(n, ids)));
  }

  /**
   * Returns {@code json} with every placeholder replaced by {@code ids.apply(N)}.
   *
   * @throws UnresolvedPlaceholderException if a referenced step has no id
   */
  static JsonNode resolve(JsonNode json, IntFunction<Optional<Long>> ids) {
    return replaceNode(json, n -> Long.toString(idOf(n, ids)));
  }

  /**
   * Returns {@code write} as a step of a follow-up plan: a placeholder of a step that has an id
   * becomes that id, any other is renumbered to {@code renumber.applyAsInt(N)}.
   */
  static SyncroWrite carryOver(SyncroWrite write, IntFunction<Optional<Long>> ids, IntUnaryOperator renumber) {
    return rewrite(write, carried(ids, renumber));
  }

  /** Returns a check's {@code json} carried over like the request of a follow-up step. */
  static JsonNode carryOver(JsonNode json, IntFunction<Optional<Long>> ids, IntUnaryOperator renumber) {
    return replaceNode(json, carried(ids, renumber));
  }

  /** Returns {@code text} (e.g. a read step's stored assertion) carried over like a follow-up step's path. */
  static String carryOver(String text, IntFunction<Optional<Long>> ids, IntUnaryOperator renumber) {
    return replaceText(text, carried(ids, renumber));
  }

  private static IntFunction<String> carried(IntFunction<Optional<Long>> ids, IntUnaryOperator renumber) {
    return n -> ids.apply(n).map(id -> Long.toString(id)).orElseGet(() -> SyncroWrites.stepId(renumber.applyAsInt(n)));
  }

  private static SyncroWrite rewrite(SyncroWrite write, IntFunction<String> replacement) {
    String path = replaceText(write.path(), replacement);
    JsonNode body = write.body();
    return new SyncroWrite(write.method(), path, body == null ? null : replaceNode(body, replacement),
        write.idPointer());
  }

  private static void collect(String text, Set<Integer> refs) {
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      refs.add(Integer.parseInt(m.group(1)));
    }
  }

  private static String replaceText(String text, IntFunction<String> replacement) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(replacement.apply(Integer.parseInt(m.group(1)))));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static JsonNode replaceNode(JsonNode node, IntFunction<String> replacement) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (node.isTextual()) {
      Matcher whole = PLACEHOLDER.matcher(node.asText());
      if (whole.matches()) {
        String value = replacement.apply(Integer.parseInt(whole.group(1)));
        return DIGITS.matcher(value).matches() ? f.numberNode(Long.parseLong(value)) : f.textNode(value);
      }
      return f.textNode(replaceText(node.asText(), replacement));
    }
    if (node.isObject()) {
      ObjectNode copy = f.objectNode();
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        copy.set(e.getKey(), replaceNode(e.getValue(), replacement));
      }
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = f.arrayNode();
      for (JsonNode item : node) {
        copy.add(replaceNode(item, replacement));
      }
      return copy;
    }
    return node.deepCopy();
  }

  private static long idOf(int step, IntFunction<Optional<Long>> ids) {
    @Nullable Long id = ids.apply(step).orElse(null);
    if (id == null) {
      throw new UnresolvedPlaceholderException(step);
    }
    return id;
  }

  /** A placeholder names a step that has no result id (not done, or Syncro gave none). */
  static final class UnresolvedPlaceholderException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int step;

    UnresolvedPlaceholderException(int step) {
      super(SyncroWrites.stepId(step) + " has no id: step " + step + " is not done or returned no id");
      this.step = step;
    }

    int step() {
      return step;
    }
  }
}
