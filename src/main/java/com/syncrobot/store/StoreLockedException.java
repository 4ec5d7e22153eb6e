package com.syncrobot.store;

/** Another bot process serves the store; the message names it (pid, host, since when) and what to do. */
public final class StoreLockedException extends StoreException {
  StoreLockedException(String message) {
    super(message, null);
  }
}
