package com.syncrobot.store;

import org.jspecify.annotations.Nullable;

/** A failure of the bot's own storage; messages never contain a token or a key (R11). */
public abstract sealed class StoreException extends RuntimeException
    permits DatabaseOpenException, SecretKeyException, StoreLockedException, TokenDecryptionException {

  StoreException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
