package com.syncrobot.syncro;

/** 404: the ticket, customer, invoice or other record does not exist (R17). */
public final class SyncroNotFoundException extends SyncroException {
  public SyncroNotFoundException(String method, String redactedPath) {
    super(404, method, redactedPath, method + " " + redactedPath + " -> 404 not found", null);
  }
}
