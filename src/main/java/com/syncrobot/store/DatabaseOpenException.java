package com.syncrobot.store;

import org.jspecify.annotations.Nullable;

/** The database could not be opened or migrated; the message names the database and the reason. */
public final class DatabaseOpenException extends StoreException {
  DatabaseOpenException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
