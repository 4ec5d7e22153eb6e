package com.syncrobot.playground.slack.user;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Slack's client does to text a person types: escapes {@code & < >} and wraps URLs in
 * {@code <…>}, so the stored text reads as Slack delivers it to apps; and finds those URLs.
 */
final class TypedText {
  private static final Pattern URL = Pattern.compile("https?://[^\\s<>|]+");

  private TypedText() {}

  /** Returns {@code typed} as Slack stores it. */
  static String encode(String typed) {
    StringBuilder out = new StringBuilder();
    Matcher m = URL.matcher(typed);
    int last = 0;
    while (m.find()) {
      out.append(escape(typed.substring(last, m.start())));
      String url = trimTrailingPunctuation(m.group());
      out.append('<').append(escape(url)).append('>');
      last = m.start() + url.length();
      if (last < m.end()) {
        out.append(escape(typed.substring(last, m.end())));
        last = m.end();
      }
    }
    out.append(escape(typed.substring(last)));
    return out.toString();
  }

  /** Returns the URLs in {@code typed}, in order. */
  static List<String> urls(String typed) {
    List<String> out = new ArrayList<>();
    Matcher m = URL.matcher(typed);
    while (m.find()) {
      out.add(trimTrailingPunctuation(m.group()));
    }
    return out;
  }

  /** Returns the host of {@code url}, lower case, or empty when it has none. */
  static String host(String url) {
    try {
      String h = URI.create(url).getHost();
      return h == null ? "" : h.toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  private static String trimTrailingPunctuation(String url) {
    int end = url.length();
    while (end > 0 && ".,;:!?)".indexOf(url.charAt(end - 1)) >= 0) {
      end--;
    }
    return url.substring(0, end);
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
