package com.syncrobot.billing;

import com.syncrobot.syncro.CommentHtml;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The R8 rules for comment text: {@code <br>} line breaks, no HTML lists, no other HTML (the body
 * becomes escaped text, so no tag or link reaches the customer), no secrets, no internal notes where
 * the customer can read them. Each rule records a {@link Check} and, when it had to change
 * the text, a correction that never repeats the offending text.
 */
final class CommentText {
  static final String LINE_BREAKS = "line breaks";
  static final String NO_LISTS = "no lists";
  static final String TEXT_ONLY = "plain text only";
  static final String NO_SECRETS = "no secrets";
  static final String NO_INTERNAL = "nothing internal where the customer reads";

  private static final String MARK = "\u0000";
  private static final Pattern LI_CLOSE = Pattern.compile("(?i)\\s*</li\\s*>\\s*");
  private static final Pattern LI_OPEN = Pattern.compile("(?i)\\s*<li\\b[^>]*>\\s*");
  private static final Pattern LIST_OPEN = Pattern.compile("(?i)\\s*<(ul|ol)\\b[^>]*>\\s*");
  private static final Pattern LIST_CLOSE = Pattern.compile("(?i)\\s*</(ul|ol)\\s*>");
  private static final Pattern LIST_TAG = Pattern.compile("(?i)</?(ul|ol|li)\\b[^>]*>");
  // A newline right after a <br> is the same break written twice, not a second one.
  private static final Pattern NEWLINE = Pattern.compile("(?i)(?:<br\\s*/?>[ \\t]*)?(?:\\r\\n|\\r|\\n)");
  private static final Pattern RAW_NEWLINE = Pattern.compile("\\r\\n|\\r|\\n");
  private static final Pattern BR = Pattern.compile("(?i)<br\\s*/?>");
  private static final Pattern EXTRA_BREAKS = Pattern.compile("(?:<br>\\s*){3,}");
  private static final Pattern EDGE_BREAKS = Pattern.compile("^(?:\\s|<br>)+|(?:\\s|<br>)+$");
  private static final Pattern INTERNAL = Pattern.compile("(?i)\\binternal\\b");

  private static final List<Secret> TOKENS = List.of(
      new Secret("an API key", Pattern.compile("(?i)\\bapi[_ -]?key\\s*[=:]")),
      new Secret("a Syncro API token", Pattern.compile("(?i)\\bT[0-9a-f]{16}-[0-9a-f]{32}\\b")),
      new Secret("a Slack token", Pattern.compile("(?i)\\b(xox[abposr]|xapp)-[A-Za-z0-9-]+")),
      new Secret("a bearer token", Pattern.compile("(?i)\\bbearer\\s+[A-Za-z0-9._~+/=-]{16,}")),
      new Secret("a token or secret", Pattern.compile(
          "(?i)\\b(access[_ -]?token|auth[_ -]?token|client[_ -]?secret|secret|token)\\s*[=:]\\s*\\S{6,}")));
  private static final Secret PASSWORD =
      new Secret("a password",
          // A password given out ("password: X", "password is X", "pwd=X"), not the word in
          // ordinary work notes such as "Reset John's password".
          Pattern.compile("(?i)\\b(pass(word|wd|code)?|pwd|pw)\\b\\s*(?:(?:is|was|to|now)\\b|[:=])\\s*\\S+"));

  private final List<Check> checks;
  private final List<String> corrections;

  CommentText(List<Check> checks, List<String> corrections) {
    this.checks = checks;
    this.corrections = corrections;
  }

  /** Returns the HTML body with the R8 rules applied, recording a check per rule. */
  String body(String body, Visibility visibility) {
    // List markup becomes a marker first, so only the author's own newlines are counted below.
    String s = body.replace(MARK, "");
    boolean lists = LIST_TAG.matcher(s).find();
    if (lists) {
      s = LI_CLOSE.matcher(s).replaceAll("");
      s = LI_OPEN.matcher(s).replaceAll(MARK + "• ");
      s = LIST_OPEN.matcher(s).replaceAll("");
      s = LIST_CLOSE.matcher(s).replaceAll(MARK);
      checks.add(Check.fail(NO_LISTS, "the body had an HTML list, which Syncro does not render"));
      corrections.add("turned the bullet list in the body into • lines, which Syncro shows");
    } else {
      checks.add(Check.pass(NO_LISTS, "no bullet-list markup, which Syncro does not show"));
    }
    int newlines = (int) NEWLINE.matcher(s).results().filter(r -> !r.group().startsWith("<")).count();
    s = NEWLINE.matcher(s).replaceAll("<br>").replace(MARK, "<br>");
    s = BR.matcher(s).replaceAll("<br>");
    if (newlines > 0) {
      checks.add(Check.fail(LINE_BREAKS, "the body had " + newlines + " plain line break(s)"));
      corrections.add("converted " + newlines + " line break(s) in the body into ones Syncro shows");
    } else {
      checks.add(Check.pass(LINE_BREAKS, "line breaks are in the form Syncro shows"));
    }
    if (CommentHtml.hasMarkup(s)) {
      checks.add(Check.fail(TEXT_ONLY, "the body had HTML tags besides <br> (formatting, links or scripts)"));
      corrections.add("removed the HTML tags from the body and kept the text a reader sees; a link is written out"
          + " as its text and its address");
    } else {
      checks.add(Check.pass(TEXT_ONLY, "the body is plain text with line breaks"));
    }
    // Always re-encoded, so that what was left of any markup is text and every & < > " is escaped.
    s = CommentHtml.fromText(CommentHtml.toText(s));
    String[] lines = s.split("<br>", -1);
    List<String> kept = new ArrayList<>();
    List<String> secretRemovals = new ArrayList<>();
    List<String> internalRemovals = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      Optional<String> secret = secretIn(line, visibility.customerVisible());
      if (secret.isPresent()) {
        secretRemovals.add("removed line " + (i + 1) + " of the body: it looked like " + secret.get());
      } else if (visibility.customerVisible() && INTERNAL.matcher(line).find()) {
        internalRemovals.add("removed line " + (i + 1) + " of the body: it mentions \"internal\", and internal"
            + " notes do not belong in a comment the customer can read");
      } else {
        kept.add(line);
      }
    }
    recordSecrets("body", secretRemovals, visibility);
    if (visibility.customerVisible()) {
      if (internalRemovals.isEmpty()) {
        checks.add(Check.pass(NO_INTERNAL, "no internal notes in the customer-visible body"));
      } else {
        checks.add(Check.fail(NO_INTERNAL, internalRemovals.size() + " line(s) mentioned \"internal\""));
        corrections.addAll(internalRemovals);
      }
    } else {
      checks.add(Check.pass(NO_INTERNAL, "only technicians see this comment"));
    }
    s = EXTRA_BREAKS.matcher(String.join("<br>", kept)).replaceAll("<br><br>");
    return EDGE_BREAKS.matcher(s).replaceAll("");
  }

  /**
   * Returns {@code text} (a subject or a line description: one line of plain text) with line breaks
   * turned into spaces, or {@code fallback} when it looked like a secret; the finding is added to the
   * last {@link #NO_SECRETS} check.
   */
  String singleLine(String what, String text, boolean customerVisible, String fallback) {
    String s = BR.matcher(text).replaceAll(" ");
    s = RAW_NEWLINE.matcher(s).replaceAll(" ").replaceAll("\\s+", " ").strip();
    Optional<String> secret = secretIn(s, customerVisible);
    if (secret.isPresent()) {
      addSecretFinding(what + " looked like " + secret.get(),
          "replaced the " + what + " with \"" + fallback + "\": it looked like " + secret.get());
      return fallback;
    }
    return s.isEmpty() ? fallback : s;
  }

  private void recordSecrets(String where, List<String> removals, Visibility visibility) {
    if (removals.isEmpty()) {
      checks.add(Check.pass(NO_SECRETS, visibility.customerVisible()
          ? "nothing in the " + where + " looks like a key, token or password"
          : "no key or token in the " + where + " (passwords are only removed where the customer reads)"));
    } else {
      checks.add(Check.fail(NO_SECRETS, removals.size() + " line(s) of the " + where
          + " looked like a key, token or password"));
      corrections.addAll(removals);
    }
  }

  private void addSecretFinding(String detail, String correction) {
    for (int i = checks.size() - 1; i >= 0; i--) {
      Check c = checks.get(i);
      if (c.name().equals(NO_SECRETS)) {
        checks.set(i, Check.fail(NO_SECRETS, c.passed() ? detail : c.detail() + "; " + detail));
        corrections.add(correction);
        return;
      }
    }
    checks.add(Check.fail(NO_SECRETS, detail));
    corrections.add(correction);
  }

  /** Returns what kind of secret {@code line} seems to hold; passwords count only where customers look. */
  static Optional<String> secretIn(String line, boolean customerVisible) {
    for (Secret s : TOKENS) {
      if (s.pattern().matcher(line).find()) {
        return Optional.of(s.kind());
      }
    }
    if (customerVisible && PASSWORD.pattern().matcher(line).find()) {
      return Optional.of(PASSWORD.kind());
    }
    return Optional.empty();
  }

  private record Secret(String kind, Pattern pattern) {}
}
