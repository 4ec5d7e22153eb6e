package com.syncrobot.playground.slack.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** A minimal multipart/form-data reader for the legacy files.upload, which the SDK sends as multipart. */
final class Multipart {
  /** One part: its form name, its file name when it is a file, and its bytes. */
  record Part(String name, @Nullable String filename, byte[] data) {
    String text() {
      return new String(data, StandardCharsets.UTF_8);
    }
  }

  private Multipart() {}

  /** Returns the boundary named in a multipart Content-Type header. */
  static Optional<String> boundary(String contentType) {
    for (String p : contentType.split(";")) {
      String t = p.strip();
      if (t.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
        String b = t.substring("boundary=".length());
        return Optional.of(b.startsWith("\"") && b.endsWith("\"") ? b.substring(1, b.length() - 1) : b);
      }
    }
    return Optional.empty();
  }

  /** Splits {@code body} into parts; malformed parts are skipped. */
  static List<Part> parse(byte[] body, String boundary) {
    byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    List<Part> parts = new ArrayList<>();
    int pos = indexOf(body, delimiter, 0);
    while (pos >= 0) {
      int start = pos + delimiter.length;
      if (start + 1 < body.length && body[start] == '-' && body[start + 1] == '-') {
        break;
      }
      start += 2; // CRLF after the delimiter
      int next = indexOf(body, delimiter, start);
      if (next < 0) {
        break;
      }
      int end = next - 2; // CRLF before the next delimiter
      int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), start);
      if (headersEnd > 0 && headersEnd < end) {
        String headers = new String(body, start, headersEnd - start, StandardCharsets.UTF_8);
        String name = attribute(headers, "name");
        if (name != null) {
          parts.add(new Part(name, attribute(headers, "filename"), Arrays.copyOfRange(body, headersEnd + 4, end)));
        }
      }
      pos = next;
    }
    return parts;
  }

  private static @Nullable String attribute(String headers, String attr) {
    for (String line : headers.split("\r\n")) {
      if (!line.toLowerCase(Locale.ROOT).startsWith("content-disposition:")) {
        continue;
      }
      for (String piece : line.split(";")) {
        String t = piece.strip();
        if (t.startsWith(attr + "=")) {
          String v = t.substring(attr.length() + 1);
          return v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
        }
      }
    }
    return null;
  }

  private static int indexOf(byte[] hay, byte[] needle, int from) {
    outer : for (int i = Math.max(from, 0); i <= hay.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
