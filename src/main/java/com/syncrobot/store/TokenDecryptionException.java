package com.syncrobot.store;

import org.jspecify.annotations.Nullable;

/**
 * A stored Syncro token cannot be decrypted: the key changed, or the ciphertext is corrupt or
 * belongs to another Slack user. The technician has to connect their token again (R11).
 */
public final class TokenDecryptionException extends StoreException {
  private final String slackUserId;

  TokenDecryptionException(String slackUserId, String reason, @Nullable Throwable cause) {
    super("stored Syncro token for Slack user " + slackUserId + " " + reason, cause);
    this.slackUserId = slackUserId;
  }

  /** Returns the Slack user whose stored token is unreadable. */
  public String slackUserId() {
    return slackUserId;
  }
}
