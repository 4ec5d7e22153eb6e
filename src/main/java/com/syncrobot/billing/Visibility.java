package com.syncrobot.billing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Objects;

/**
 * Who sees a ticket comment, and the two comment fields that say so. Syncro's flags are easy to get
 * backwards ({@code hidden:false, do_not_email:false} emails the customer), so the preview shows
 * {@link #description()} in capitals.
 */
public enum Visibility {
  /** An internal note: {@code hidden:true}; only technicians see it. */
  INTERNAL("internal", true, true, "INTERNAL NOTE: only technicians see it; the customer is not told"),
  /** A public note: {@code hidden:false, do_not_email:true}; on the ticket, no email. */
  PUBLIC("public", false, true, "PUBLIC NOTE: the customer can see it on the ticket; no email is sent"),
  /** A public comment that Syncro emails to the customer: {@code hidden:false, do_not_email:false}. */
  PUBLIC_EMAIL("public_email", false, false, "EMAILED TO THE CUSTOMER: public on the ticket and sent to the"
      + " customer by email");

  private final String key;
  private final boolean hidden;
  private final boolean doNotEmail;
  private final String description;

  Visibility(String key, boolean hidden, boolean doNotEmail, String description) {
    this.key = key;
    this.hidden = hidden;
    this.doNotEmail = doNotEmail;
    this.description = description;
  }

  public String key() {
    return key;
  }

  /** Returns the comment's {@code hidden} field. */
  public boolean hidden() {
    return hidden;
  }

  /**
   * Returns the comment's {@code do_not_email} field; an internal note sends true as well, so that
   * no combination of flags can mail it.
   */
  public boolean doNotEmail() {
    return doNotEmail;
  }

  /** Returns whether the customer can read the comment (R8's limits apply). */
  public boolean customerVisible() {
    return !hidden;
  }

  /** Returns the plain, loud sentence the preview shows, e.g. {@code EMAILED TO THE CUSTOMER: ...}. */
  public String description() {
    return description;
  }

  /** Sets {@code hidden} and {@code do_not_email} on a flat comment body and returns it. */
  public ObjectNode applyTo(ObjectNode commentBody) {
    Objects.requireNonNull(commentBody, "commentBody == null");
    commentBody.put("hidden", hidden);
    commentBody.put("do_not_email", doNotEmail);
    return commentBody;
  }

  /**
   * Parses {@code internal}, {@code public} or {@code public_email} (also {@code public-email}),
   * case-insensitively.
   *
   * @throws IllegalArgumentException for anything else
   */
  public static Visibility parse(String text) {
    Objects.requireNonNull(text, "text == null");
    String t = text.strip().toLowerCase(Locale.ROOT).replace('-', '_');
    for (Visibility v : values()) {
      if (v.key.equals(t)) {
        return v;
      }
    }
    throw new IllegalArgumentException(
        "unknown visibility '" + Texts.clip(text.strip(), 20) + "': use internal, public or public_email");
  }
}
