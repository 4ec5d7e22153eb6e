package com.syncrobot.text;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Syncro's comment bodies are HTML. This turns plain text into that HTML with every character HTML
 * would read as markup escaped and line breaks as {@code <br>} (R8), and turns HTML back into the text a
 * reader sees (parsed with jsoup, so entities decode and {@code <style>}/{@code <script>} contents vanish).
 */
public final class CommentHtml {
  /** Elements whose contents a reader never sees. */
  private static final Set<String> HIDDEN = Set.of("head", "title", "style", "script", "noscript", "template");
  /** Elements that start and end on a line of their own. */
  private static final Set<String> BLOCKS = Set.of("p", "div", "li", "tr", "table", "ul", "ol", "blockquote",
      "pre", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "section", "article", "header", "footer");
  private static final Pattern BLANK_LINES = Pattern.compile("\n[ \t]*(\n[ \t]*){2,}");
  private static final Pattern TRAILING_SPACE = Pattern.compile("[ \t]+\n");
  /** What an HTML parser would read as the start of a tag, comment or declaration. */
  private static final Pattern MARKUP = Pattern.compile("<[A-Za-z/!?]");
  private static final Pattern BR = Pattern.compile("(?i)<br\\s*/?>");

  private CommentHtml() {}

  /**
   * Returns {@code plain} as comment HTML: {@code & < > "} escaped, each line break as {@code <br>}.
   * Nothing the text says can become a tag or a link.
   */
  public static String fromText(String plain) {
    String s = plain.replace("\r\n", "\n").replace('\r', '\n')
        .replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    return s.replace("\n", "<br>");
  }

  /** Returns whether {@code html} has any markup besides {@code <br>} (tags, comments, declarations). */
  public static boolean hasMarkup(String html) {
    return MARKUP.matcher(BR.matcher(html).replaceAll("")).find();
  }

  /**
   * Returns the text a reader sees in {@code html}: {@code <br>} and block ends become line breaks,
   * list items "• " lines, a link its text followed by its address when they differ, entities decode,
   * and the contents of {@code <style>}, {@code <script>} and the like are dropped. Line breaks written
   * in the source are kept (Syncro stores plain-text email bodies as they came); runs of blank lines
   * collapse to one.
   */
  public static String toText(String html) {
    Element root = Jsoup.parse(html.replace("\r\n", "\n").replace('\r', '\n'));
    StringBuilder out = new StringBuilder();
    NodeTraversor.traverse(new NodeVisitor() {
      private int hidden;

      @Override
      public void head(Node node, int depth) {
        if (node instanceof Element e) {
          String tag = e.normalName();
          if (HIDDEN.contains(tag) || hidden > 0) {
            hidden++;
          } else if (tag.equals("br")) {
            out.append('\n');
          } else if (BLOCKS.contains(tag)) {
            newLine(out);
            if (tag.equals("li")) {
              out.append("• ");
            }
          }
        } else if (node instanceof TextNode t && hidden == 0) {
          String text = t.getWholeText();
          // source indentation between blocks (a newline and spaces) is layout, not text
          if (!(text.isBlank() && text.indexOf('\n') >= 0 && atLineStart(out))) {
            out.append(text.replace('\u00a0', ' '));
          }
        }
      }

      @Override
      public void tail(Node node, int depth) {
        if (!(node instanceof Element e)) {
          return;
        }
        String tag = e.normalName();
        if (hidden > 0) {
          hidden--;
        } else if (BLOCKS.contains(tag)) {
          newLine(out);
        } else if (tag.equals("a")) {
          String href = e.attr("href").strip();
          String label = e.text().strip();
          if (!href.isEmpty() && !sameAddress(label, href)) {
            out.append(label.isEmpty() ? href : " (" + href + ")");
          }
        }
      }
    }, root);
    String s = TRAILING_SPACE.matcher(out).replaceAll("\n");
    return BLANK_LINES.matcher(s).replaceAll("\n\n").strip();
  }

  private static void newLine(StringBuilder out) {
    if (!atLineStart(out)) {
      out.append('\n');
    }
  }

  private static boolean atLineStart(StringBuilder out) {
    return out.length() == 0 || out.charAt(out.length() - 1) == '\n';
  }

  private static boolean sameAddress(String label, String href) {
    String h = href.toLowerCase(Locale.ROOT);
    String l = label.toLowerCase(Locale.ROOT);
    return l.equals(h) || ("mailto:" + l).equals(h) || l.equals(h.replaceFirst("/$", ""));
  }
}
