package com.syncrobot.slack.blocks;

import com.syncrobot.syncro.CommentHtml;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns a technician's text into a Syncro comment body (R8): list tags become "• item" lines (Syncro
 * does not render {@code <ul>/<ol>/<li>}), a typed {@code <br>} is a line break, everything else is
 * text, escaped so that no tag or link reaches the customer, and line breaks are sent as {@code <br>}.
 * Text that looks like a credential is found before it can reach a customer.
 */
public final class CommentBody {
  private static final Pattern BR = Pattern.compile("(?i)<br\\s*/?>[ \\t]*\\n?");
  private static final Pattern LIST_OPEN_CLOSE = Pattern.compile("(?i)\\s*</?(ul|ol)\\b[^>]*>\\s*");
  private static final Pattern ITEM_OPEN = Pattern.compile("(?i)\\s*<li\\b[^>]*>\\s*");
  private static final Pattern ITEM_CLOSE = Pattern.compile("(?i)\\s*</li\\s*>");
  private static final Pattern LIST_TAG = Pattern.compile("(?i)</?(ul|ol|li)\\b");

  /** Credential shapes, each with the words the field error uses; the match itself is never echoed. */
  private static final List<Shape> SECRETS = List.of(
      new Shape(Pattern.compile("(?i)api[_-]?key\\s*[=:]"), "an api_key= value"),
      new Shape(Pattern.compile("T[0-9a-fA-F]{16}-[0-9a-fA-F]{32}"), "something shaped like a Syncro API token"),
      new Shape(Pattern.compile("xox[bpaer]-|xapp-"), "something shaped like a Slack token"),
      new Shape(Pattern.compile("(?i)\\bpass(word|wd)?\\s*[:=]"), "a password"),
      new Shape(Pattern.compile("(?i)\\b(secret|token)\\s*[:=]\\s*\\S"), "a secret or token value"));

  private record Shape(Pattern pattern, String words) {}

  /** The HTML to send and the notes about what was changed, for the preview. */
  public record Converted(String html, List<String> notes) {
    public Converted {
      notes = List.copyOf(notes);
    }
  }

  private CommentBody() {}

  /** Returns {@code text} as Syncro comment HTML, with a note for every conversion made. */
  public static Converted convert(String text) {
    List<String> notes = new ArrayList<>();
    String s = text.replace("\r\n", "\n").replace('\r', '\n').strip();
    if (LIST_TAG.matcher(s).find()) {
      s = LIST_OPEN_CLOSE.matcher(s).replaceAll("\n");
      s = ITEM_OPEN.matcher(s).replaceAll("\n• ");
      s = ITEM_CLOSE.matcher(s).replaceAll("\n");
      s = s.replaceAll("\\n{2,}", "\n").strip();
      notes.add("Turned the bullet list into • lines: Syncro does not show list markup.");
    }
    s = BR.matcher(s).replaceAll("\n").strip();
    if (s.contains("\n")) {
      notes.add("Line breaks are sent as <br>.");
    }
    return new Converted(CommentHtml.fromText(s), notes);
  }

  /** Returns what credential-like thing {@code text} holds, in words, or empty (R8, R11). */
  public static Optional<String> secretLike(String text) {
    for (Shape shape : SECRETS) {
      if (shape.pattern().matcher(text).find()) {
        return Optional.of(shape.words());
      }
    }
    return Optional.empty();
  }
}
