package com.syncrobot.syncro;

/** Syncro's customer id. */
public record CustomerId(long value) {
  public CustomerId {
    if (value <= 0) {
      throw new IllegalArgumentException("customer id must be positive: " + value);
    }
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
