package com.syncrobot.billing;

import com.syncrobot.text.CommentText;
import com.syncrobot.text.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The review checklist's items for comment text: applies {@link CommentText}'s R8 rules ({@code <br>}
 * line breaks, no HTML lists, no other HTML, no secrets, no internal notes where the customer can
 * read them) and records a {@link ReviewCheck} per rule and, when it had to change the text, a
 * correction that never repeats the offending text.
 */
final class CommentChecks {
  static final String LINE_BREAKS = "line breaks";
  static final String NO_LISTS = "no lists";
  static final String TEXT_ONLY = "plain text only";
  static final String NO_SECRETS = "no secrets";
  static final String NO_INTERNAL = "nothing internal where the customer reads";

  private final List<ReviewCheck> checks;
  private final List<String> corrections;

  CommentChecks(List<ReviewCheck> checks, List<String> corrections) {
    this.checks = checks;
    this.corrections = corrections;
  }

  /** Returns the HTML body with the R8 rules applied, recording a check per rule. */
  String body(String body, Visibility visibility) {
    CommentText.Drafted d = CommentText.fromDrafted(body, visibility.customerVisible());
    if (d.hadList()) {
      checks.add(ReviewCheck.fail(NO_LISTS, "the body had an HTML list, which Syncro does not render"));
      corrections.add("turned the bullet list in the body into • lines, which Syncro shows");
    } else {
      checks.add(ReviewCheck.pass(NO_LISTS, "no bullet-list markup, which Syncro does not show"));
    }
    int newlines = d.plainBreaks();
    if (newlines > 0) {
      checks.add(ReviewCheck.fail(LINE_BREAKS, "the body had " + newlines + " plain line break(s)"));
      corrections.add("converted " + newlines + " line break(s) in the body into ones Syncro shows");
    } else {
      checks.add(ReviewCheck.pass(LINE_BREAKS, "line breaks are in the form Syncro shows"));
    }
    if (d.hadMarkup()) {
      checks.add(ReviewCheck.fail(TEXT_ONLY, "the body had HTML tags besides <br> (formatting, links or scripts)"));
      corrections.add("removed the HTML tags from the body and kept the text a reader sees; a link is written out"
          + " as its text and its address");
    } else {
      checks.add(ReviewCheck.pass(TEXT_ONLY, "the body is plain text with line breaks"));
    }
    List<String> secretRemovals = new ArrayList<>();
    for (CommentText.SecretLine s : d.secretLines()) {
      secretRemovals.add("removed line " + s.line() + " of the body: it looked like " + s.secret().kind());
    }
    recordSecrets("body", secretRemovals, visibility);
    if (visibility.customerVisible()) {
      if (d.internalLines().isEmpty()) {
        checks.add(ReviewCheck.pass(NO_INTERNAL, "no internal notes in the customer-visible body"));
      } else {
        checks.add(ReviewCheck.fail(NO_INTERNAL, d.internalLines().size() + " line(s) mentioned \"internal\""));
        for (int line : d.internalLines()) {
          corrections.add("removed line " + line + " of the body: it mentions \"internal\", and internal"
              + " notes do not belong in a comment the customer can read");
        }
      }
    } else {
      checks.add(ReviewCheck.pass(NO_INTERNAL, "only technicians see this comment"));
    }
    return d.html();
  }

  /**
   * Returns {@code text} (a subject or a line description: one line of plain text) with line breaks
   * turned into spaces, or {@code fallback} when it looked like a secret; the finding is added to the
   * last {@link #NO_SECRETS} check.
   */
  String singleLine(String what, String text, boolean customerVisible, String fallback) {
    String s = CommentText.oneLine(text);
    Optional<Secret> secret = Secret.find(s, customerVisible);
    if (secret.isPresent()) {
      String kind = secret.get().kind();
      addSecretFinding(what + " looked like " + kind,
          "replaced the " + what + " with \"" + fallback + "\": it looked like " + kind);
      return fallback;
    }
    return s.isEmpty() ? fallback : s;
  }

  private void recordSecrets(String where, List<String> removals, Visibility visibility) {
    if (removals.isEmpty()) {
      checks.add(ReviewCheck.pass(NO_SECRETS, visibility.customerVisible()
          ? "nothing in the " + where + " looks like a key, token or password"
          : "no key or token in the " + where + " (passwords are only removed where the customer reads)"));
    } else {
      checks.add(ReviewCheck.fail(NO_SECRETS, removals.size() + " line(s) of the " + where
          + " looked like a key, token or password"));
      corrections.addAll(removals);
    }
  }

  private void addSecretFinding(String detail, String correction) {
    for (int i = checks.size() - 1; i >= 0; i--) {
      ReviewCheck c = checks.get(i);
      if (c.name().equals(NO_SECRETS)) {
        checks.set(i, ReviewCheck.fail(NO_SECRETS, c.passed() ? detail : c.detail() + "; " + detail));
        corrections.add(correction);
        return;
      }
    }
    checks.add(ReviewCheck.fail(NO_SECRETS, detail));
    corrections.add(correction);
  }
}
