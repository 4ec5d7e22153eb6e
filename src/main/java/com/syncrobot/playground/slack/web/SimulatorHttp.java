package com.syncrobot.playground.slack.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Reading requests and writing responses on the JDK server; every text is UTF-8. */
public final class SimulatorHttp {
  public static final ObjectMapper JSON = new ObjectMapper();
  /** Far above what the bot or the page sends; a larger body is refused. */
  static final int MAX_BODY_BYTES = 8 << 20;

  private SimulatorHttp() {}

  public static byte[] body(HttpExchange ex) throws IOException {
    try (InputStream in = ex.getRequestBody()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[8192];
      int n;
      while ((n = in.read(buf)) > 0) {
        out.write(buf, 0, n);
        if (out.size() > MAX_BODY_BYTES) {
          throw new IOException("request body over " + MAX_BODY_BYTES + " bytes");
        }
      }
      return out.toByteArray();
    }
  }

  /** Parses {@code a=1&b=2}; a repeated name keeps its last value. */
  static Map<String, String> form(String body) {
    Map<String, String> out = new LinkedHashMap<>();
    if (body.isEmpty()) {
      return out;
    }
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      out.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
    }
    return out;
  }

  public static Map<String, String> query(HttpExchange ex) {
    String q = ex.getRequestURI().getRawQuery();
    return form(q == null ? "" : q);
  }

  public static String contentType(HttpExchange ex) {
    String ct = ex.getRequestHeaders().getFirst("Content-Type");
    return ct == null ? "" : ct.toLowerCase(Locale.ROOT);
  }

  public static void json(HttpExchange ex, int status, JsonNode body) throws IOException {
    send(ex, status, "application/json; charset=utf-8", JSON.writeValueAsBytes(body));
  }

  public static void text(HttpExchange ex, int status, String body) throws IOException {
    send(ex, status, "text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
  }

  public static void send(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
    ex.getResponseHeaders().set("Content-Type", contentType);
    ex.getResponseHeaders().set("Cache-Control", "no-store");
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }
}
