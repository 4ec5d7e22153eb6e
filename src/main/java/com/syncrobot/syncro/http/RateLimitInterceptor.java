package com.syncrobot.syncro.http;

import com.syncrobot.syncro.Sleeper;
import com.syncrobot.syncro.SyncroClient;
import com.syncrobot.syncro.SyncroRateLimitedException;
import java.io.IOException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers Syncro's 429 by waiting as long as {@code Retry-After} says (a minute without it) and
 * sending again, at most {@link #MAX_RATE_LIMIT_RESENDS} times; then the call fails as rate limited.
 * Safe for writes too: Syncro did not process a request it answered with 429.
 */
public final class RateLimitInterceptor implements SyncroInterceptor {
  private static final Logger log = LoggerFactory.getLogger(SyncroClient.class);
  static final int MAX_RATE_LIMIT_RESENDS = 3;
  static final Duration DEFAULT_RATE_LIMIT_WAIT = Duration.ofSeconds(60);
  private static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(10);

  private final Sleeper sleeper;

  public RateLimitInterceptor(Sleeper sleeper) {
    this.sleeper = sleeper;
  }

  @Override
  public SyncroAnswer intercept(Chain chain) throws IOException {
    SyncroCall call = chain.call();
    for (int resends = 0;; resends++) {
      SyncroAnswer answer = chain.proceed();
      if (answer.status() != 429) {
        return answer;
      }
      if (resends >= MAX_RATE_LIMIT_RESENDS) {
        throw new SyncroRateLimitedException(call.method(), call.redactedPath());
      }
      Duration wait = retryAfter(answer.header("Retry-After"));
      log.info(
          "{} {} rate limited by Syncro; resending in {} s",
          call.method(),
          call.redactedPath(),
          wait.toSeconds());
      try {
        sleeper.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SyncroRateLimitedException(call.method(), call.redactedPath());
      }
    }
  }

  /** Returns the wait a {@code Retry-After} of whole seconds asks for; a minute when absent or absurd. */
  static Duration retryAfter(@Nullable String header) {
    if (header != null) {
      String h = header.strip();
      if (!h.isEmpty() && h.length() <= 6 && h.chars().allMatch(c -> c >= '0' && c <= '9')) {
        Duration d = Duration.ofSeconds(Long.parseLong(h));
        // An absurd value would stall a technician for hours; fall back to the documented minute.
        return d.compareTo(MAX_RETRY_AFTER) <= 0 ? d : DEFAULT_RATE_LIMIT_WAIT;
      }
    }
    return DEFAULT_RATE_LIMIT_WAIT;
  }
}
