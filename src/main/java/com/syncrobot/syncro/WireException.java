package com.syncrobot.syncro;

/** A 2xx body whose shape the mapping cannot read; turned into a G7 exception by the transport. */
final class WireException extends RuntimeException {
  WireException(String message) {
    super(message, null, false, false);
  }
}
