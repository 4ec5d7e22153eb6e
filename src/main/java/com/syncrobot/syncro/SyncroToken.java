package com.syncrobot.syncro;

import java.util.Objects;

/**
 * A technician's Syncro API token (R11). Its {@link #toString()} never shows the value, so a
 * token that slips into a log line or an exception message stays hidden.
 */
public record SyncroToken(String value) {
  public SyncroToken {
    Objects.requireNonNull(value, "value == null");
    value = value.strip();
    if (value.isEmpty()) {
      throw new IllegalArgumentException("empty Syncro token");
    }
    if (!value.chars().allMatch(c -> c > 32 && c < 127)) {
      throw new IllegalArgumentException("Syncro token has characters that are not printable ASCII");
    }
  }

  @Override
  public String toString() {
    return "SyncroToken[***]";
  }
}
