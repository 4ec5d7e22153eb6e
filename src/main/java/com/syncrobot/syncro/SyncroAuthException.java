package com.syncrobot.syncro;

/** 401 or 403: the token is invalid, expired, revoked, or lacks a permission (R17). */
public final class SyncroAuthException extends SyncroException {
  private final String syncroMessage;

  public SyncroAuthException(int status, String method, String redactedPath, String syncroMessage) {
    super(status, method, redactedPath, method + " " + redactedPath + " -> " + status + " (token refused)", null);
    this.syncroMessage = syncroMessage;
  }

  /** Syncro's own text, e.g. "Not authorized. Please ask account admin…", or empty. */
  public String syncroMessage() {
    return syncroMessage;
  }
}
