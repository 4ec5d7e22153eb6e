package com.syncrobot.syncro.http;

import java.io.IOException;
import java.io.InterruptedIOException;

/**
 * Tries a read once more when its connection broke (typically a pooled keep-alive connection the
 * server had already closed): a read changes nothing. Once per call however often it is asked, so
 * make one per call. Writes are never resent (R2), and a timeout is not retried.
 */
public final class ReadRetryInterceptor implements SyncroInterceptor {
  private boolean retried;

  @Override
  public SyncroAnswer intercept(Chain chain) throws IOException {
    try {
      return chain.proceed();
    } catch (IOException e) {
      if (chain.call().write() || retried || e instanceof InterruptedIOException) {
        throw e;
      }
      retried = true;
      return chain.proceed();
    }
  }
}
