package com.syncrobot.syncro;

/**
 * A read that failed without a definite answer (timeout, connection refused, 5xx, unparsable
 * body). Reads change nothing, so the caller may simply try again later. Writes raise it only when
 * the request certainly never reached Syncro (connection refused, interrupted before sending).
 */
public final class SyncroUnavailableException extends SyncroException {
  public SyncroUnavailableException(int status, String method, String redactedPath, String reason, Throwable cause) {
    super(status, method, redactedPath, method + " " + redactedPath + " failed: " + reason, cause);
  }
}
