package com.syncrobot.slack;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns Syncro's HTML comment bodies into plain text for display. */
final class HtmlText {
  private static final Pattern LINE_BREAK = Pattern.compile("(?i)<br\\s*/?>|</p\\s*>|</div\\s*>|</li\\s*>|</tr\\s*>");
  private static final Pattern LIST_ITEM = Pattern.compile("(?i)<li\\b[^>]*>");
  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  private static final Pattern NUMERIC_ENTITY = Pattern.compile("&#(x[0-9a-fA-F]{1,6}|[0-9]{1,7});");
  private static final Pattern BLANK_LINES = Pattern.compile("\n[ \t]*(\n[ \t]*){2,}");

  private HtmlText() {}

  /** Returns the text of {@code html}: line-breaking tags become newlines, other tags vanish. */
  static String toPlain(String html) {
    String s = html.replace("\r\n", "\n");
    s = LINE_BREAK.matcher(s).replaceAll("\n");
    s = LIST_ITEM.matcher(s).replaceAll("• ");
    s = TAG.matcher(s).replaceAll("");
    s = decodeEntities(s);
    s = BLANK_LINES.matcher(s).replaceAll("\n\n");
    return s.strip();
  }

  private static String decodeEntities(String s) {
    Matcher m = NUMERIC_ENTITY.matcher(s);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String n = m.group(1);
      int cp;
      try {
        cp = n.startsWith("x") ? Integer.parseInt(n.substring(1), 16) : Integer.parseInt(n);
      } catch (NumberFormatException e) {
        cp = -1;
      }
      String replacement = Character.isValidCodePoint(cp) && cp != 0 ? new String(Character.toChars(cp)) : "";
      m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(sb);
    // &amp; last, so "&amp;lt;" decodes to the literal text "&lt;" rather than "<".
    return sb.toString()
        .replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&apos;", "'")
        .replace("&amp;", "&");
  }
}
