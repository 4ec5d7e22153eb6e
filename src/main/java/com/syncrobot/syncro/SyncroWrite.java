package com.syncrobot.syncro;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One POST/PUT/PATCH/DELETE to send exactly once (R2). {@code path} is relative to the API base
 * ({@code /tickets/123/comment}); the client adds the token. {@code idPointer} is the JSON pointer
 * to the written record's id ({@code /comment/id}, {@code /id} for add_line_item), or null when the
 * response carries none; a 2xx without an id there is ambiguous (R3).
 */
public record SyncroWrite(
    String method, String path, @Nullable JsonNode body, @Nullable String idPointer) {
  private static final Set<String> METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");

  /**
   * Validates the write.
   *
   * @throws IllegalArgumentException for a non-write method, a path that is not relative to the API
   *     base or that carries {@code api_key}, or a malformed JSON pointer
   */
  public SyncroWrite {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    method = method.strip().toUpperCase(Locale.ROOT);
    if (!METHODS.contains(method)) {
      throw new IllegalArgumentException("not a write method: " + method);
    }
    if (!path.startsWith("/") || path.startsWith("//") || path.contains("://")) {
      throw new IllegalArgumentException(
          "path must be relative to the API base and start with '/'");
    }
    if (path.toLowerCase(Locale.ROOT).contains("api_key")) {
      throw new IllegalArgumentException("path must not carry api_key; the client adds the token");
    }
    if (idPointer != null) {
      if (!idPointer.startsWith("/")) {
        throw new IllegalArgumentException(
            "idPointer must be a JSON pointer starting with '/': " + idPointer);
      }
      JsonPointer.compile(idPointer);
    }
  }

  /** Creates a POST. */
  public static SyncroWrite post(String path, JsonNode body, @Nullable String idPointer) {
    return new SyncroWrite("POST", path, body, idPointer);
  }

  /** Creates a PUT. */
  public static SyncroWrite put(String path, JsonNode body, @Nullable String idPointer) {
    return new SyncroWrite("PUT", path, body, idPointer);
  }

  /** Creates a DELETE without a body. */
  public static SyncroWrite delete(String path) {
    return new SyncroWrite("DELETE", path, null, null);
  }
}
