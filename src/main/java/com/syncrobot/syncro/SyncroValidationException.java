package com.syncrobot.syncro;

/**
 * A definite refusal (422 and other 4xx except 401/403/404/429): nothing was written. Carries
 * Syncro's own message, extracted from whichever of its error body shapes came back (R17).
 */
public final class SyncroValidationException extends SyncroException {
  private final String syncroMessage;

  public SyncroValidationException(int status, String method, String redactedPath, String syncroMessage) {
    super(status, method, redactedPath, method + " " + redactedPath + " -> " + status + ": " + syncroMessage, null);
    this.syncroMessage = syncroMessage;
  }

  public String syncroMessage() {
    return syncroMessage;
  }
}
