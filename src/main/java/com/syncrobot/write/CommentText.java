package com.syncrobot.write;

import java.util.regex.Pattern;
import org.jsoup.parser.Parser;

/**
 * Normalises comment text so that what we sent and what Syncro shows compare equal despite
 * {@code <br>} spellings, block tags, how entities are spelled ({@code &#39;}, {@code &apos;} or
 * {@code '}) and whitespace.
 */
final class CommentText {
  private static final Pattern BREAKS = Pattern.compile("(?i)<br\\s*/?>|</?(p|div)(\\s[^>]*)?>");
  private static final Pattern SPACE = Pattern.compile("[\\s\\u00a0]+");

  private CommentText() {}

  static String normalize(String text) {
    String t = BREAKS.matcher(text).replaceAll(" ");
    t = Parser.unescapeEntities(t, false);
    return SPACE.matcher(t).replaceAll(" ").strip();
  }

  static boolean same(String a, String b) {
    return normalize(a).equals(normalize(b));
  }
}
