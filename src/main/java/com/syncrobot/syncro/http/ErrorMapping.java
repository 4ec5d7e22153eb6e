package com.syncrobot.syncro.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.syncrobot.syncro.SyncroAmbiguousWriteException;
import com.syncrobot.syncro.SyncroAuthException;
import com.syncrobot.syncro.SyncroClient;
import com.syncrobot.syncro.SyncroException;
import com.syncrobot.syncro.SyncroNotFoundException;
import com.syncrobot.syncro.SyncroUnavailableException;
import com.syncrobot.syncro.SyncroValidationException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what the interceptor chain ended with into the body or the Syncro exception it means: a 2xx
 * into its parsed body; 401/403 into {@link SyncroAuthException}, 404 into {@link
 * SyncroNotFoundException}, other 4xx into {@link SyncroValidationException} with Syncro's own
 * message (R17); anything else, and a broken connection, into {@link SyncroUnavailableException}
 * for a read and {@link SyncroAmbiguousWriteException} for a write (R2), except a connection that
 * never opened, which proves nothing was sent. Every message is redacted. Thread-safe.
 */
public final class ErrorMapping {
  private static final Logger log = LoggerFactory.getLogger(SyncroClient.class);
  private static final int MAX_MESSAGE_CHARS = 300;

  private final ObjectMapper mapper;
  private final ObjectReader reader;

  /** {@code reader} parses bodies (floats as BigDecimal); {@code mapper} makes the empty body of a 204. */
  public ErrorMapping(ObjectMapper mapper, ObjectReader reader) {
    this.mapper = mapper;
    this.reader = reader;
  }

  /** Returns the parsed body of a 2xx answer, or throws the exception its status means. */
  public JsonNode body(SyncroCall call, SyncroAnswer answer) {
    int code = answer.status();
    if (code >= 200 && code < 300) {
      return successBody(call, answer);
    }
    throw failure(call, answer);
  }

  private JsonNode successBody(SyncroCall call, SyncroAnswer answer) {
    int code = answer.status();
    byte[] bytes = answer.body();
    if (bytes == null) {
      throw problem(code, call, "response body too large", null);
    }
    if (bytes.length == 0 || isBlank(bytes)) {
      if (code == 204 || code == 205) {
        return mapper.createObjectNode();
      }
      throw problem(code, call, "empty response body", null);
    }
    try {
      JsonNode node = reader.readTree(bytes);
      if (node == null || node.isMissingNode()) {
        throw problem(code, call, "unparsable response body", null);
      }
      return node;
    } catch (IOException e) {
      throw problem(code, call, "unparsable response body", null);
    }
  }

  private SyncroException failure(SyncroCall call, SyncroAnswer answer) {
    int code = answer.status();
    String method = call.method();
    String redacted = call.redactedPath();
    if (code >= 400 && code < 500) {
      byte[] bytes = answer.body();
      String message = ErrorBodies.message(
          bytes == null ? new byte[0] : bytes, answer.header("Content-Type"), reader);
      message = tidy(RequestRedaction.message(message, call.token()));
      if (code == 401 || code == 403) {
        return new SyncroAuthException(code, method, redacted, message);
      }
      if (code == 404) {
        return new SyncroNotFoundException(method, redacted);
      }
      if (message.isEmpty()) {
        message = "Syncro refused the request (HTTP " + code + ") without a message";
      }
      return new SyncroValidationException(code, method, redacted, message);
    }
    String reason = code >= 300 && code < 400 ? "unexpected redirect (HTTP " + code + ")" : "HTTP " + code;
    return problem(code, call, reason, null);
  }

  /** Returns what an attempt that got no answer means; its cause carries a redacted copy only. */
  public static SyncroException ioFailure(SyncroCall call, IOException e) {
    IOException scrubbed = RequestRedaction.scrub(e, call.token());
    if (e instanceof RequestNotSentException
        || e instanceof ConnectException
        || e instanceof UnknownHostException
        || e instanceof NoRouteToHostException) {
      // The connection never opened (or the request failed before its first byte was written: see
      // CallSyncroInterceptor), so not one byte of the request reached Syncro.
      return new SyncroUnavailableException(
          0, call.method(), call.redactedPath(), "could not connect; nothing was sent", scrubbed);
    }
    String reason = e instanceof InterruptedIOException
        ? "timed out"
        : "connection failed (" + e.getClass().getSimpleName() + ")";
    return problem(0, call, reason, scrubbed);
  }

  /** Returns the error for a 2xx read whose body the mapping to records cannot read. */
  public static SyncroUnavailableException unreadable(String redactedPath) {
    log.debug("GET {} -> unexpected response shape", redactedPath);
    return new SyncroUnavailableException(200, "GET", redactedPath, "unexpected response shape", null);
  }

  private static SyncroException problem(
      int status, SyncroCall call, String reason, @Nullable Throwable cause) {
    return call.write()
        ? new SyncroAmbiguousWriteException(status, call.method(), call.redactedPath(), reason, cause)
        : new SyncroUnavailableException(status, call.method(), call.redactedPath(), reason, cause);
  }

  private static boolean isBlank(byte[] bytes) {
    for (byte b : bytes) {
      if (!Character.isWhitespace(b)) {
        return false;
      }
    }
    return true;
  }

  private static String tidy(String s) {
    String t = s.replaceAll("\\s+", " ").strip();
    return t.length() <= MAX_MESSAGE_CHARS ? t : t.substring(0, MAX_MESSAGE_CHARS - 1) + "…";
  }

  /** Extracts Syncro's own message from the many error body shapes (api-notes §1.5). */
  static final class ErrorBodies {
    private ErrorBodies() {}

    static String message(byte[] bytes, @Nullable String contentType, ObjectReader reader) {
      String text = new String(bytes, StandardCharsets.UTF_8).strip();
      if (text.isEmpty()) {
        return "";
      }
      String ct = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
      if (ct.contains("html") || text.startsWith("<")) {
        // The classic cause is a body sent without Content-Type: application/json (api-notes §1.1).
        return "Syncro answered with an HTML error page instead of JSON";
      }
      JsonNode node;
      try {
        node = reader.readTree(text);
      } catch (JsonProcessingException e) {
        return "Syncro answered with a non-JSON error body";
      }
      if (node == null || node.isMissingNode()) {
        return "";
      }
      if (node.isObject()) {
        for (String key : List.of("errors", "error", "message")) {
          String m = flatten(node.get(key));
          if (!m.isBlank()) {
            return m;
          }
        }
        return "";
      }
      return flatten(node);
    }

    /** Flattens a string, an array of strings, or an object of field -> messages into one line. */
    static String flatten(@Nullable JsonNode n) {
      if (n == null || n.isNull() || n.isMissingNode()) {
        return "";
      }
      if (n.isValueNode()) {
        return n.asText().strip();
      }
      List<String> parts = new ArrayList<>();
      if (n.isArray()) {
        for (JsonNode e : n) {
          String s = flatten(e);
          if (!s.isEmpty()) {
            parts.add(s);
          }
        }
      } else {
        for (Map.Entry<String, JsonNode> e : n.properties()) {
          String s = flatten(e.getValue());
          if (!s.isEmpty()) {
            parts.add(e.getKey() + ": " + s);
          }
        }
      }
      return String.join("; ", parts);
    }
  }
}
