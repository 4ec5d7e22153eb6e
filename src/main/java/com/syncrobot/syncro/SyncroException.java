package com.syncrobot.syncro;

/**
 * Base of every error the Syncro client raises. Messages are built from the status, the method
 * and a redacted path only, so they never carry a token (R11).
 */
public abstract sealed class SyncroException extends RuntimeException
    permits SyncroAuthException,
    SyncroNotFoundException,
    SyncroValidationException,
    SyncroRateLimitedException,
    SyncroAmbiguousWriteException,
    SyncroUnavailableException {
  private final int status;
  private final String method;
  private final String redactedPath;

  SyncroException(int status, String method, String redactedPath, String message, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.method = method;
    this.redactedPath = redactedPath;
  }

  /** The HTTP status, or 0 when no response arrived. */
  public int status() {
    return status;
  }

  public String method() {
    return method;
  }

  /** The request path with every secret replaced by {@code ***}. */
  public String redactedPath() {
    return redactedPath;
  }
}
