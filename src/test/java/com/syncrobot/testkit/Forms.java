package com.syncrobot.testkit;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Form-encoded bodies ({@code application/x-www-form-urlencoded}), as the bot's Slack Web API calls are sent. */
public final class Forms {
  private Forms() {}

  /** Every field of {@code body}, decoded, in order. */
  public static Map<String, String> decode(String body) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq < 0) {
        throw new AssertionError("not a form field: " + pair);
      }
      out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return out;
  }

  /** The decoded value of field {@code name} of {@code body}; fails when the body has no such field. */
  public static String field(String body, String name) {
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
        return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    throw new AssertionError("no form field " + name + " in " + body);
  }
}
