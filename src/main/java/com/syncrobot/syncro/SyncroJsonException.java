package com.syncrobot.syncro;

/** A 2xx body whose shape the mapping cannot read; turned into a G7 exception by {@link ErrorMapping}. */
final class SyncroJsonException extends RuntimeException {
  SyncroJsonException(String message) {
    super(message, null, false, false);
  }
}
