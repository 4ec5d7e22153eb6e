package com.syncrobot.slack.blocks;

import java.util.Optional;

/** Checks the free text of a search before any Syncro request is made. */
public final class SearchText {
  public static final int MAX_CHARS = 200;

  private SearchText() {}

  /** Returns the problem with {@code text} as escaped mrkdwn, or empty when it is fine to send. */
  public static Optional<String> problem(String text, String usage) {
    if (text.isBlank()) {
      return Optional.of("What should I search for? Usage: " + usage);
    }
    int length = text.codePointCount(0, text.length());
    if (length > MAX_CHARS) {
      return Optional.of("That search text is " + length + " characters long; keep it to " + MAX_CHARS + " or fewer.");
    }
    return Optional.empty();
  }

  /** Returns {@code text} quoted for a reply heading, escaped. */
  public static String quoted(String text) {
    return "“" + Mrkdwn.escape(text) + "”";
  }
}
