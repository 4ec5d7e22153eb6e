package com.syncrobot.write;

/** What a Confirm click achieved; only {@link #CONFIRMED} starts execution (R1, R2). */
public enum ConfirmResult {
  CONFIRMED,
  NOT_OWNER,
  ALREADY_RUNNING,
  ALREADY_DONE,
  CANCELLED,
  EXPIRED,
  NOT_FOUND
}
