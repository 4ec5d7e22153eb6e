package com.syncrobot.slack.blocks;

import com.syncrobot.syncro.CommentHtml;

/** Turns Syncro's HTML comment bodies into plain text for display; escape it for mrkdwn after. */
public final class HtmlText {
  private HtmlText() {}

  /** Returns the text a reader sees in {@code html} ({@link CommentHtml#toText}). */
  public static String toPlain(String html) {
    return CommentHtml.toText(html);
  }
}
