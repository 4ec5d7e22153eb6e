package com.syncrobot.syncro.http;

import java.io.IOException;
import java.util.List;

/**
 * One concern of talking to Syncro, in OkHttp's interceptor style: it looks at the call, hands it on
 * with {@link Chain#proceed()} (once, several times, or not at all) and returns the answer or throws.
 * {@code syncro.SyncroHttp} chains, outermost first: {@link RateLimitInterceptor} (429 and Retry-After),
 * {@link ReadRetryInterceptor} (one more try for a broken read), {@link BudgetInterceptor} (a permit
 * per attempt) and {@link CallSyncroInterceptor} (the request on the wire). An {@link IOException}
 * means the attempt got no answer; {@link ErrorMapping} turns it, and every answer, into the result
 * or a {@link SyncroException}.
 */
public interface SyncroInterceptor {
  SyncroAnswer intercept(Chain chain) throws IOException;

  /** The rest of the chain for one call. */
  interface Chain {
    SyncroCall call();

    /** Runs the rest of the chain; may be called again to resend the same request. */
    SyncroAnswer proceed() throws IOException;
  }

  /** Runs {@code call} through {@code interceptors}, the last of which must answer by itself. */
  static SyncroAnswer run(List<SyncroInterceptor> interceptors, SyncroCall call) throws IOException {
    return new RealChain(interceptors, 0, call).proceed();
  }

  /** The chain from {@code index} on. */
  record RealChain(List<SyncroInterceptor> interceptors, int index, SyncroCall call) implements Chain {
    @Override
    public SyncroAnswer proceed() throws IOException {
      if (index >= interceptors.size()) {
        throw new IllegalStateException("the last interceptor must answer without proceeding");
      }
      return interceptors.get(index).intercept(new RealChain(interceptors, index + 1, call));
    }
  }
}
