package com.syncrobot.syncro;

/** 429 that kept coming after the client waited and resent: the request was not processed. */
public final class SyncroRateLimitedException extends SyncroException {
  public SyncroRateLimitedException(String method, String redactedPath) {
    super(429, method, redactedPath, method + " " + redactedPath + " -> 429 rate limited", null);
  }
}
