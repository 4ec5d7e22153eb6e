package com.syncrobot.write;

/** What a Cancel click achieved. */
public enum CancelResult {
  CANCELLED,
  NOT_OWNER,
  ALREADY_RUNNING,
  ALREADY_DONE,
  ALREADY_CANCELLED,
  EXPIRED,
  NOT_FOUND
}
