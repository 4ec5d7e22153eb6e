package com.syncrobot.text;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one list of secret shapes (R8, R11): text a Syncro comment may never carry, and what the log
 * redactor masks. Each pattern names the characters to hide {@code secret}; a comment is refused
 * when any pattern is found, even if that group is empty ({@code "password:"} at the end of a line).
 * The list is the union of what the comment rules of the Slack forms and of the billing review once
 * refused separately. Shapes are tried in this order, so a text holding two is named by the first.
 */
public enum Secret {
  /** {@code api_key=…} in a URL or text, {@code "api_key": …} in JSON, "API key: …". */
  API_KEY("an API key", "an api_key= value",
      "(?i)api[_ -]?key\\s*=(?<secret>[^&\\s\"']*)",
      "(?i)api[_ -]?key\"?\\s*:\\s*(?<secret>\"[^\"]*\"|[^,}\\s]*)"),
  /** A Syncro API token, {@code T} + 16 hex + {@code -} + 32 hex. */
  SYNCRO_TOKEN("a Syncro API token", "something shaped like a Syncro API token",
      "(?i)(?<secret>T[0-9a-f]{16}-[0-9a-f]{32})"),
  /** A Slack token ({@code xoxb-}, {@code xoxp-}, {@code xoxe-}, {@code xapp-} …); the prefix stays readable. */
  SLACK_TOKEN("a Slack token", "something shaped like a Slack token",
      "(?i)(?:xox[abeoprs]|xapp)-(?<secret>[A-Za-z0-9-]*)"),
  /** {@code Bearer} and a long credential. */
  BEARER_TOKEN("a bearer token", "a bearer token",
      "(?i)\\bbearer\\s+(?<secret>[A-Za-z0-9._~+/=-]{16,})"),
  /** {@code token: …}, {@code secret=…}, and six or more characters after {@code access_token}, {@code client_secret} … */
  TOKEN_OR_SECRET("a token or secret", "a secret or token value",
      "(?i)\\b(?:(?:access_?token|auth_?token|client_?secret)\\s*[=:]\\s*(?=\\S{6})|(?:secret|token)\\s*[=:]\\s*)"
          + "(?<secret>\\S+)"),
  /**
   * A password given out ({@code password: X}, {@code password is X}, {@code pwd=X}), not the word in
   * ordinary work notes such as "Reset John's password". Comments refuse it only where the customer reads.
   */
  PASSWORD("a password", "a password",
      "(?i)\\b(?:(?:pass(?:word|wd|code)?|pwd|pw)\\b\\s*(?:(?:is|was|to|now)\\b|[:=])\\s*(?=\\S)"
          + "|pass(?:word|wd)?\\s*[:=]\\s*)(?<secret>\\S*)");

  private static final String MASK = "***";

  private final String kind;
  private final String shape;
  private final List<Pattern> patterns;

  Secret(String kind, String shape, String... patterns) {
    this.kind = kind;
    this.shape = shape;
    this.patterns = Arrays.stream(patterns).map(Pattern::compile).toList();
  }

  /** What it is, for "it looked like …": "a Slack token". */
  public String kind() {
    return kind;
  }

  /** What a form found, for "… contains …": "something shaped like a Slack token". */
  public String shape() {
    return shape;
  }

  /** Whether comments refuse this shape where only technicians read (every shape but passwords). */
  public boolean refusedInInternalNotes() {
    return this != PASSWORD;
  }

  /** Returns whether {@code text} holds this shape. */
  public boolean in(String text) {
    return patterns.stream().anyMatch(p -> p.matcher(text).find());
  }

  /**
   * Returns the first shape {@code text} holds, or empty; passwords count only where the customer
   * reads ({@code customerVisible}). The match itself is never returned, so no caller can echo it.
   */
  public static Optional<Secret> find(String text, boolean customerVisible) {
    for (Secret s : values()) {
      if ((customerVisible || s.refusedInInternalNotes()) && s.in(text)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /**
   * Returns {@code text} with the value of every shape replaced by {@code ***}; a quoted value keeps its
   * quotes and a value ends at a quote, so that a redacted JSON body stays readable JSON.
   */
  public static String redact(String text) {
    String out = text;
    for (Secret s : values()) {
      for (Pattern p : s.patterns) {
        out = mask(p, out);
      }
    }
    return out;
  }

  private static String mask(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    StringBuilder out = new StringBuilder();
    int copied = 0;
    while (m.find()) {
      int start = m.start("secret");
      int end = m.end("secret");
      // A quoted value keeps its quotes, and a value ends at a quote, so redacted JSON stays JSON.
      if (start < end && text.charAt(start) == '"') {
        start++;
      }
      int quote = text.indexOf('"', start);
      if (quote >= 0 && quote < end) {
        end = quote;
      }
      if (start < end) {
        out.append(text, copied, start).append(MASK);
        copied = end;
      }
    }
    return out.append(text, copied, text.length()).toString();
  }
}
