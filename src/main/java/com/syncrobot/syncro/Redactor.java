package com.syncrobot.syncro;

import com.syncrobot.text.Secret;
import java.util.regex.Pattern;

/**
 * Removes secrets from text before it reaches a log line, an exception message or Slack (R11):
 * every shape of {@link Secret} (the list comments refuse: API keys in URLs and JSON, Syncro and
 * Slack tokens, bearer tokens, token, secret and password values), plus the value of an {@code
 * Authorization} header whatever its shape, since that is where a request carries its key.
 * Thread-safe and stateless.
 */
public final class Redactor {
  private static final String MASK = "***";
  private static final Pattern AUTHORIZATION = Pattern
      .compile("(?i)(\"?authorization\"?\\s*[:=]\\s*\"?)[^\"\\r\\n,}]*");

  private Redactor() {}

  /** Returns {@code s} with every known secret shape replaced by {@code ***}. */
  public static String redact(String s) {
    return Secret.redact(AUTHORIZATION.matcher(s).replaceAll("$1" + MASK));
  }

  /** Returns {@code s} redacted, with the literal token value also removed wherever it appears. */
  public static String redact(String s, SyncroToken token) {
    return redact(s.replace(token.value(), MASK));
  }
}
