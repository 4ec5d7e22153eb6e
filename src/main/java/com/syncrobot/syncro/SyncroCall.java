package com.syncrobot.syncro;

import okhttp3.Request;

/**
 * One request on its way to Syncro, as the interceptors see it: the OkHttp request (token already
 * in its URL), whose budget it spends, and the only name it may carry into logs and exceptions.
 *
 * @param redactedPath the path relative to the API base, query without {@code api_key}, redacted
 * @param write true for POST/PUT/PATCH/DELETE: never resent after a failure, and a failure after
 *     sending is ambiguous rather than unavailable (R2)
 */
record SyncroCall(
    Request request,
    SyncroToken token,
    RequestBudget.Priority priority,
    String redactedPath,
    boolean write) {

  String method() {
    return request.method();
  }
}
