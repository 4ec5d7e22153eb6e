package com.syncrobot.slack.blocks;

/** Escapes text for Slack mrkdwn and trims it to Block Kit limits. */
public final class Mrkdwn {
  private Mrkdwn() {}

  /**
   * Escapes the three characters Slack treats as control characters in mrkdwn, so user or Syncro
   * text cannot inject mentions such as {@code <!channel>} or links. Nothing else is encoded.
   */
  public static String escape(String text) {
    StringBuilder sb = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  /**
   * Returns {@code text} cut to at most {@code max} characters, ending in an ellipsis when cut.
   * Never splits a surrogate pair, so emoji survive truncation.
   */
  public static String truncate(String text, int max) {
    if (max < 1) {
      throw new IllegalArgumentException("max must be positive: " + max);
    }
    if (text.length() <= max) {
      return text;
    }
    int end = max - 1;
    if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + "…";
  }

  /** Returns user text for inside a code span: escaped, truncated, backticks swapped so the span holds. */
  public static String inCode(String text, int max) {
    return escapeAndTruncate(text.replace('`', '\''), max);
  }

  /** Escapes then truncates; the cut happens before escaping so no entity is split in half. */
  public static String escapeAndTruncate(String text, int max) {
    return escape(truncate(text, max));
  }
}
