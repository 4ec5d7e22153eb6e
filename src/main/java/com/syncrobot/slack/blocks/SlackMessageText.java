package com.syncrobot.slack.blocks;

import com.syncrobot.syncro.CommentHtml;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Slack message's text as a Syncro ticket or comment wants it: Slack's markup ({@code <url|label>},
 * {@code <@U…>}, {@code &lt;}) turned into plain text, and plain text turned into comment HTML with
 * every character that HTML would read as markup escaped (R8: line breaks as {@code <br>}).
 */
public final class SlackMessageText {
  /** Slack's markup: links, user, channel and special mentions, with an optional label. */
  private static final Pattern MARKUP = Pattern.compile("<([^<>|]+)(?:\\|([^<>]*))?>");
  static final int MAX_SUBJECT = 80;

  private SlackMessageText() {}

  /** Returns the text a person reads in Slack for {@code text} in Slack's message format. */
  public static String plain(String text) {
    Matcher m = MARKUP.matcher(text);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String target = m.group(1);
      String label = m.group(2);
      String shown;
      if (target.startsWith("@") || target.startsWith("#")) {
        shown = label != null && !label.isBlank() ? target.charAt(0) + label : target;
      } else if (target.startsWith("!")) {
        shown = "@" + (label != null && !label.isBlank() ? label : target.substring(1).split("\\^")[0]);
      } else {
        shown = label != null && !label.isBlank() && !label.equals(target) ? label + " (" + target + ")" : target;
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(shown));
    }
    m.appendTail(sb);
    return sb.toString().replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
  }

  /** Returns the first non-blank line, cut to {@link #MAX_SUBJECT} characters. */
  public static String subject(String plain) {
    for (String line : plain.split("\\R")) {
      if (!line.isBlank()) {
        return Mrkdwn.truncate(line.strip(), MAX_SUBJECT);
      }
    }
    return "";
  }

  /** Returns {@code plain} as comment HTML: {@code & < > "} escaped, line breaks as {@code <br>} (R8). */
  public static String html(String plain) {
    return CommentHtml.fromText(plain.strip());
  }
}
