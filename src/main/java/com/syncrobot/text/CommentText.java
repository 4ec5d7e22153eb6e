package com.syncrobot.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jsoup.parser.Parser;

/**
 * The rules for text that goes into a Syncro comment (R8), for every path that writes one: {@code
 * <br>} line breaks, no HTML lists (they become "• item" lines), no other markup, nothing shaped like
 * a {@link Secret}, nothing internal where the customer reads. Also how two spellings of the same
 * text compare, for reading back what was sent. Callers word what was changed; nothing here repeats
 * a secret.
 */
public final class CommentText {
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
  // Typed text: list markup becomes line breaks, runs of them one; any other tag stays text.
  private static final Pattern TYPED_BR = Pattern.compile("(?i)<br\\s*/?>[ \\t]*\\n?");
  private static final Pattern TYPED_LIST_OPEN_CLOSE = Pattern.compile("(?i)\\s*</?(ul|ol)\\b[^>]*>\\s*");
  private static final Pattern TYPED_LI_CLOSE = Pattern.compile("(?i)\\s*</li\\s*>");
  private static final Pattern TYPED_LIST_TAG = Pattern.compile("(?i)</?(ul|ol|li)\\b");
  private static final Pattern SAME_BREAKS = Pattern.compile("(?i)<br\\s*/?>|</?(p|div)(\\s[^>]*)?>");
  private static final Pattern SPACE = Pattern.compile("[\\s\\u00a0]+");

  private CommentText() {}

  /**
   * A drafted body made fit to send, and what was changed on the way.
   *
   * @param html the body to send: text escaped, {@code <br>} breaks, no blank runs at the ends
   * @param hadList whether the draft had HTML list markup (now "• " lines)
   * @param plainBreaks how many plain line breaks became {@code <br>}
   * @param hadMarkup whether it had HTML besides {@code <br>} (removed, the text a reader sees kept)
   * @param secretLines the lines removed for holding a secret, numbered from 1
   * @param internalLines the lines removed for mentioning "internal" where the customer reads
   */
  public record Drafted(String html, boolean hadList, int plainBreaks, boolean hadMarkup,
      List<SecretLine> secretLines, List<Integer> internalLines) {
    public Drafted {
      Objects.requireNonNull(html, "html == null");
      secretLines = List.copyOf(secretLines);
      internalLines = List.copyOf(internalLines);
    }
  }

  /**
   * A technician's typed text as comment HTML.
   *
   * @param html the body to send
   * @param hadList whether list tags were turned into "• " lines
   * @param multiline whether it has more than one line (sent as {@code <br>})
   */
  public record Typed(String html, boolean hadList, boolean multiline) {
    public Typed {
      Objects.requireNonNull(html, "html == null");
    }
  }

  /** Line {@code line} (from 1) looked like {@code secret}. */
  public record SecretLine(int line, Secret secret) {}

  /**
   * Returns text a technician typed as comment HTML: list tags become "• item" lines, a typed {@code
   * <br>} is a line break, everything else is text, escaped so that no tag or link reaches the
   * customer, and line breaks are sent as {@code <br>}. Check it for secrets with {@link Secret#find}.
   */
  public static Typed fromTyped(String text) {
    String s = text.replace("\r\n", "\n").replace('\r', '\n').strip();
    boolean hadList = TYPED_LIST_TAG.matcher(s).find();
    if (hadList) {
      s = TYPED_LIST_OPEN_CLOSE.matcher(s).replaceAll("\n");
      s = LI_OPEN.matcher(s).replaceAll("\n• ");
      s = TYPED_LI_CLOSE.matcher(s).replaceAll("\n");
      s = s.replaceAll("\\n{2,}", "\n").strip();
    }
    s = TYPED_BR.matcher(s).replaceAll("\n").strip();
    return new Typed(CommentHtml.fromText(s), hadList, s.contains("\n"));
  }

  /**
   * Returns a drafted HTML body (a model's or anyone's) as comment HTML: lists become "• " lines, plain
   * line breaks {@code <br>}, other markup the text a reader sees (a link its text and address), every
   * {@code & < > "} escaped; then each line that holds a {@link Secret}, or mentions "internal" where
   * the customer reads, is removed; at most one blank line in a row, none at the ends.
   */
  public static Drafted fromDrafted(String body, boolean customerVisible) {
    // List markup becomes a marker first, so only the author's own newlines are counted below.
    String s = body.replace(MARK, "");
    boolean hadList = LIST_TAG.matcher(s).find();
    if (hadList) {
      s = LI_CLOSE.matcher(s).replaceAll("");
      s = LI_OPEN.matcher(s).replaceAll(MARK + "• ");
      s = LIST_OPEN.matcher(s).replaceAll("");
      s = LIST_CLOSE.matcher(s).replaceAll(MARK);
    }
    int plainBreaks = (int) NEWLINE.matcher(s).results().filter(r -> !r.group().startsWith("<")).count();
    s = NEWLINE.matcher(s).replaceAll("<br>").replace(MARK, "<br>");
    s = BR.matcher(s).replaceAll("<br>");
    boolean hadMarkup = CommentHtml.hasMarkup(s);
    // Always re-encoded, so that what was left of any markup is text and every & < > " is escaped.
    s = CommentHtml.fromText(CommentHtml.toText(s));
    String[] lines = s.split("<br>", -1);
    List<String> kept = new ArrayList<>();
    List<SecretLine> secretLines = new ArrayList<>();
    List<Integer> internalLines = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      Optional<Secret> secret = Secret.find(line, customerVisible);
      if (secret.isPresent()) {
        secretLines.add(new SecretLine(i + 1, secret.get()));
      } else if (customerVisible && INTERNAL.matcher(line).find()) {
        internalLines.add(i + 1);
      } else {
        kept.add(line);
      }
    }
    s = EXTRA_BREAKS.matcher(String.join("<br>", kept)).replaceAll("<br><br>");
    String html = EDGE_BREAKS.matcher(s).replaceAll("");
    return new Drafted(html, hadList, plainBreaks, hadMarkup, secretLines, internalLines);
  }

  /**
   * Returns {@code text} as one line of plain text (a subject, a line item description): {@code <br>}
   * and line breaks become spaces, runs of white space one space. Check it with {@link Secret#find}.
   */
  public static String oneLine(String text) {
    String s = BR.matcher(text).replaceAll(" ");
    return RAW_NEWLINE.matcher(s).replaceAll(" ").replaceAll("\\s+", " ").strip();
  }

  /**
   * Returns whether {@code a} and {@code b} read the same once {@code <br>} spellings, block tags, how
   * entities are spelled ({@code &#39;}, {@code &apos;} or {@code '}) and white space are set aside:
   * how what was sent is found again in what Syncro shows.
   */
  public static boolean same(String a, String b) {
    return normalize(a).equals(normalize(b));
  }

  static String normalize(String text) {
    String t = SAME_BREAKS.matcher(text).replaceAll(" ");
    t = Parser.unescapeEntities(t, false);
    return SPACE.matcher(t).replaceAll(" ").strip();
  }
}
