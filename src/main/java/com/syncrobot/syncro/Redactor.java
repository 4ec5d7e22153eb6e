package com.syncrobot.syncro;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from text before it reaches a log line, an exception message or Slack (R11).
 * Covers {@code api_key=} query values, {@code "api_key": "..."} JSON members, {@code
 * Authorization} header values and Slack token shapes. Thread-safe and stateless.
 */
public final class Redactor {
  private static final String MASK = "***";
  private static final Pattern API_KEY_PARAM = Pattern.compile("(?i)(api_key=)[^&\\s\"']*");
  private static final Pattern API_KEY_JSON =
      Pattern.compile("(?i)(\"api_key\"\\s*:\\s*)(\"[^\"]*\"|[^,}\\s]+)");
  private static final Pattern AUTHORIZATION =
      Pattern.compile("(?i)(\"?authorization\"?\\s*[:=]\\s*\"?)[^\"\\r\\n,}]*");
  private static final Pattern SLACK_TOKEN =
      Pattern.compile("\\b(xox[abeoprs]|xapp)-[A-Za-z0-9-]+");

  private Redactor() {}

  /** Returns {@code s} with every known secret shape replaced by {@code ***}. */
  public static String redact(String s) {
    String out = API_KEY_PARAM.matcher(s).replaceAll("$1" + MASK);
    out = API_KEY_JSON.matcher(out).replaceAll("$1\"" + MASK + "\"");
    out = AUTHORIZATION.matcher(out).replaceAll("$1" + MASK);
    Matcher m = SLACK_TOKEN.matcher(out);
    return m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + "-" + MASK));
  }

  /** Returns {@code s} redacted, with the literal token value also removed wherever it appears. */
  public static String redact(String s, SyncroToken token) {
    return redact(s.replace(token.value(), MASK));
  }
}
