package com.syncrobot.syncro.http;

import java.io.IOException;

/**
 * A request that failed before any byte of it was written (no connection could be made, or the TLS
 * handshake failed): Syncro cannot have received it, so a write is "not sent", never ambiguous (R2).
 */
public final class RequestNotSentException extends IOException {
  private static final long serialVersionUID = 1L;

  RequestNotSentException(IOException cause) {
    super("nothing was sent (" + cause.getClass().getSimpleName() + ")", cause);
  }
}
