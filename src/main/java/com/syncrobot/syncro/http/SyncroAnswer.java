package com.syncrobot.syncro.http;

import okhttp3.Headers;
import org.jspecify.annotations.Nullable;

/**
 * Syncro's answer to one attempt, read and closed: its status, headers and as much of its body as
 * {@link CallSyncroInterceptor} reads for that status.
 *
 * @param body the bytes read; empty when the body was not read; null when it was longer than allowed
 */
public record SyncroAnswer(int status, Headers headers, byte @Nullable [] body) {

  public @Nullable String header(String name) {
    return headers.get(name);
  }
}
