package com.syncrobot.store;

import org.jspecify.annotations.Nullable;

/**
 * The token-encryption key is missing, unreadable or malformed; the message names the variable or
 * file to fix and never contains the key.
 */
public final class SecretKeyException extends StoreException {
  SecretKeyException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
