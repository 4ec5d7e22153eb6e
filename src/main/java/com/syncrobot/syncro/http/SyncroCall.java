package com.syncrobot.syncro.http;

import com.syncrobot.syncro.RequestBudget;
import com.syncrobot.syncro.SyncroToken;
import okhttp3.Request;

/**
 * One request on its way to Syncro, as the interceptors see it: the OkHttp request (token already
 * in its URL), whose budget it spends, and the only name it may carry into logs and exceptions.
 *
 * @param redactedPath the path relative to the API base, query without {@code api_key}, redacted
 * @param write true for POST/PUT/PATCH/DELETE: never resent after a failure, and a failure after
 *     sending is ambiguous rather than unavailable (R2)
 */
public record SyncroCall(
    Request request,
    SyncroToken token,
    RequestBudget.Priority priority,
    String redactedPath,
    boolean write) {

  public String method() {
    return request.method();
  }
}
