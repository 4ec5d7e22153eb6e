package com.syncrobot.app;

/** A missing or malformed setting; its message names the variable and is shown to the operator. */
public final class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }
}
