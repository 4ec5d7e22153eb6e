package com.syncrobot.draft;

import java.util.Objects;

/**
 * The language model could not draft: none answered, it timed out, or its answer was unusable. The
 * message is a plain reason fit for the preview's "drafted without the language model (...)" note;
 * it never holds the prompt, the notes or URL credentials.
 */
public final class OllamaException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why drafting by the model failed. */
  public enum Reason {
    /** No endpoint is configured, or none answered the probe. */
    NO_ENDPOINT,
    /** The chat call took longer than its timeout. */
    TIMEOUT,
    /** The endpoint could not be reached or answered with an HTTP error. */
    UNAVAILABLE,
    /** The answer was not the JSON object asked for. */
    INVALID_JSON,
    /** The JSON object lacked a required field. */
    MISSING_FIELDS
  }

  private final Reason reason;

  OllamaException(Reason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason == null");
  }

  OllamaException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason == null");
  }

  public Reason reason() {
    return reason;
  }
}
