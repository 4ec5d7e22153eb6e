package com.syncrobot.playground.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.syncrobot.playground.sandbox.routes.SandboxReply;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Reads requests from and writes replies to the JDK server's exchanges. Stateless. */
final class SandboxHttp {
  static final int MAX_BODY_BYTES = 1 << 20;

  private SandboxHttp() {}

  /** Reads the whole body, or returns null when it is larger than {@link #MAX_BODY_BYTES}. */
  static byte @Nullable [] body(HttpExchange ex) throws IOException {
    try (InputStream in = ex.getRequestBody()) {
      byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
      if (bytes.length > MAX_BODY_BYTES) {
        in.transferTo(OutputStream.nullOutputStream());
        return null;
      }
      return bytes;
    }
  }

  /** Parses a query string; the first value of a repeated name wins. */
  static Map<String, String> query(@Nullable String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      out.putIfAbsent(name, value);
    }
    return out;
  }

  static void send(HttpExchange ex, SandboxReply r) throws IOException {
    ex.getResponseHeaders().set("Content-Type", r.contentType());
    r.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
    ex.sendResponseHeaders(r.status(), r.body().length == 0 ? -1 : r.body().length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(r.body());
    }
  }

  /**
   * Closes the connection without sending a status line: the client sees the connection end with
   * no response (EOF or reset), exactly as when a proxy or Syncro dies mid-request.
   */
  static void drop(HttpExchange ex) {
    ex.close();
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }
}
