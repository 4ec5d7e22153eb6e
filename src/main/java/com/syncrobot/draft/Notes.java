package com.syncrobot.draft;

import com.syncrobot.text.CommentHtml;
import java.util.regex.Pattern;

/** Turns a technician's plain-text notes into the texts the fallback drafts use. */
final class Notes {
  private static final Pattern NEWLINE = Pattern.compile("\\r\\n|\\r|\\n");

  private Notes() {}

  /** Returns the notes as HTML: special characters escaped, line breaks as {@code <br>} (R8). */
  static String html(String notes) {
    return CommentHtml.fromText(notes.strip());
  }

  /** Returns the first non-blank line, cut to {@code max} characters. */
  static String firstLine(String notes, int max) {
    for (String line : NEWLINE.split(notes)) {
      String l = line.strip();
      if (!l.isEmpty()) {
        return l.length() <= max ? l : l.substring(0, max - 1) + "…";
      }
    }
    return "";
  }
}
