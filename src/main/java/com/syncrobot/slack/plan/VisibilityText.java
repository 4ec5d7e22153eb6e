package com.syncrobot.slack.plan;

import com.syncrobot.billing.Visibility;

/**
 * How the Slack side names who sees a comment: the radio option's label and the preview's loud line.
 * Syncro's flags are easy to get backwards, so a public comment that emails the customer is shouted.
 */
public final class VisibilityText {
  private VisibilityText() {}

  /** The radio option's text and the title's wording, e.g. "Internal note". */
  public static String label(Visibility v) {
    return switch (v) {
      case INTERNAL -> "Internal note";
      case PUBLIC -> "Public note";
      case PUBLIC_EMAIL -> "Public note + email the customer";
    };
  }

  /** The preview's mrkdwn line that says who sees it. */
  static String loud(Visibility v) {
    return switch (v) {
      case INTERNAL -> ":lock: *Internal note — only technicians see it*";
      case PUBLIC -> ":eye: *Public note — visible on the ticket, no email*";
      case PUBLIC_EMAIL -> ":warning: *PUBLIC + EMAILS THE CUSTOMER*";
    };
  }
}
