package com.syncrobot.syncro.http;

import com.syncrobot.syncro.Redactor;
import com.syncrobot.syncro.SyncroToken;
import java.io.IOException;
import okhttp3.HttpUrl;

/**
 * What of a request may reach a log line or an exception (R11): its path relative to the API base
 * with the query but without {@code api_key}, Syncro's messages and I/O causes, each passed through
 * {@link Redactor} with the token's own value masked too. Thread-safe.
 */
public final class RequestRedaction {
  private final String basePath;

  /** {@code base} is the API base, whose path prefix (e.g. {@code /api/v1}) redacted paths leave out. */
  public RequestRedaction(HttpUrl base) {
    String p = base.encodedPath();
    this.basePath = p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
  }

  /**
   * Returns the path relative to the base plus the query without {@code api_key}, redacted again
   * for safety.
   */
  public String path(HttpUrl url, SyncroToken token) {
    String path = url.encodedPath();
    if (!basePath.isEmpty() && path.startsWith(basePath)) {
      path = path.substring(basePath.length());
    }
    String query = url.newBuilder().removeAllQueryParameters("api_key").build().encodedQuery();
    String s = query == null || query.isEmpty() ? path : path + "?" + query;
    return Redactor.redact(s, token);
  }

  /** Returns {@code s} (e.g. Syncro's error text, which may echo the key) redacted. */
  static String message(String s, SyncroToken token) {
    return Redactor.redact(s, token);
  }

  /**
   * Copies an I/O exception with a redacted message, so no URL or token can travel in the cause
   * chain.
   */
  static IOException scrub(IOException e, SyncroToken token) {
    String msg = e.getMessage() == null ? "" : ": " + Redactor.redact(e.getMessage(), token);
    IOException copy = new IOException(e.getClass().getSimpleName() + msg);
    copy.setStackTrace(e.getStackTrace());
    return copy;
  }
}
