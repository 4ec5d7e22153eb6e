package com.syncrobot.slack;

/**
 * Who hears about a comment, as Syncro's {@code hidden} and {@code do_not_email} flags decide it;
 * the preview states it loudly because a public comment may email the customer.
 */
enum Audience {
  INTERNAL(true, true, "Internal note", ":lock: *Internal note — only technicians see it*"),
  PUBLIC(false, true, "Public note", ":eye: *Public note — visible on the ticket, no email*"),
  EMAIL(false, false, "Public note + email the customer", ":warning: *PUBLIC + EMAILS THE CUSTOMER*");

  private final boolean hidden;
  private final boolean doNotEmail;
  private final String label;
  private final String loud;

  Audience(boolean hidden, boolean doNotEmail, String label, String loud) {
    this.hidden = hidden;
    this.doNotEmail = doNotEmail;
    this.label = label;
    this.loud = loud;
  }

  boolean hidden() {
    return hidden;
  }

  boolean doNotEmail() {
    return doNotEmail;
  }

  /** Returns whether the customer can read it. */
  boolean customerVisible() {
    return !hidden;
  }

  /** The radio option's text. */
  String label() {
    return label;
  }

  /** The preview's mrkdwn line that says who sees it. */
  String loud() {
    return loud;
  }
}
