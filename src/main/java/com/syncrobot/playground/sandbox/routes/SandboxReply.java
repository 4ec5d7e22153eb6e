package com.syncrobot.playground.sandbox.routes;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/** A response to send: status, content type, body and extra headers. */
public record SandboxReply(int status, String contentType, byte[] body, Map<String, String> headers) {
  static final String JSON = "application/json; charset=utf-8";
  public static final String HTML = "text/html; charset=utf-8";

  public SandboxReply {
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(body, "body");
    headers = Map.copyOf(headers);
  }

  static SandboxReply json(int status, JsonNode body) {
    return new SandboxReply(status, JSON, Json.bytes(body), Map.of());
  }

  public static SandboxReply ok(JsonNode body) {
    return json(200, body);
  }

  /** Syncro's 404 body ({@code {"message": "Not found"}}). */
  public static SandboxReply notFound() {
    return json(404, Json.obj().put("message", "Not found"));
  }

  /** An HTML error page, as Rails or the proxy in front of it serves. */
  public static SandboxReply html(int status, String title) {
    String page = "<!DOCTYPE html>\n<html>\n<head><title>" + title + "</title></head>\n<body>\n<h1>" + title
        + "</h1>\n</body>\n</html>\n";
    return new SandboxReply(status, HTML, page.getBytes(StandardCharsets.UTF_8), Map.of());
  }

  public SandboxReply withHeader(String name, String value) {
    Map<String, String> h = new java.util.HashMap<>(headers);
    h.put(name, value);
    return new SandboxReply(status, contentType, body, h);
  }
}
