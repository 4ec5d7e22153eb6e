package com.syncrobot.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Syncro and Slack JSON that tests send or stub, kept as files under {@code src/test/resources/fixtures}
 * (e.g. {@code fixtures/syncro/ticket-9001.json}) instead of strings concatenated in code. A file may hold
 * {@code {{name}}} placeholders, filled by {@link #load(String, Map)}.
 */
public final class JsonFixtures {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");

  private JsonFixtures() {}

  /** The text of {@code fixtures/<name>}, e.g. {@code load("syncro/me.json")}. */
  public static String load(String name) {
    String path = "/fixtures/" + name;
    try (InputStream in = JsonFixtures.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + path + " on the test classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The text of {@code fixtures/<name>} with every {@code {{key}}} replaced by {@code String.valueOf} of
   * its value (as is: quote strings in the file). A placeholder without a value fails, and so does a value
   * without a placeholder, so a fixture and its callers cannot drift apart unnoticed.
   */
  public static String load(String name, Map<String, ?> values) {
    String text = load(name);
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    Set<String> used = new HashSet<>();
    while (m.find()) {
      String key = m.group(1);
      if (!values.containsKey(key)) {
        throw new IllegalArgumentException("fixture " + name + " needs a value for {{" + key + "}}");
      }
      used.add(key);
      m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(values.get(key))));
    }
    m.appendTail(out);
    if (!used.containsAll(values.keySet())) {
      throw new IllegalArgumentException("fixture " + name + " has no placeholder for some of " + values.keySet());
    }
    return out.toString();
  }
}
