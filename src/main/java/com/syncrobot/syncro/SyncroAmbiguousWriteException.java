package com.syncrobot.syncro;

/**
 * A write whose outcome is unknown: timeout, connection reset, 5xx, an unparsable body, or a 2xx
 * without the record's id. The record may exist; verify by reading, never resend blindly (R2, R3).
 */
public final class SyncroAmbiguousWriteException extends SyncroException {
  public SyncroAmbiguousWriteException(int status, String method, String redactedPath, String reason, Throwable cause) {
    super(status, method, redactedPath, method + " " + redactedPath + " outcome unknown: " + reason, cause);
  }
}
