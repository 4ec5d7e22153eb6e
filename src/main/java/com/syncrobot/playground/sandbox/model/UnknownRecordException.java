package com.syncrobot.playground.sandbox.model;

/** A ticket number or customer that the sandbox does not hold; the message says which and what exists. */
public final class UnknownRecordException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UnknownRecordException(String message) {
    super(message);
  }
}
