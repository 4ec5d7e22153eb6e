package com.syncrobot.syncro.http;

import com.syncrobot.syncro.SyncroClient;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end of the chain: sends the request once and reads the answer's body, as far as its status
 * needs: a 2xx up to {@link #MAX_SUCCESS_BYTES}, another 4xx than 429 up to {@link #MAX_ERROR_BYTES}
 * (a read that breaks there leaves an empty body: the status alone is a definite answer), any other
 * status not at all. Logs each attempt with its status or failure and its time.
 *
 * <p>Reads share the client's connection pool. Each write opens its own connection and closes it
 * after the answer. On a pooled keep-alive connection that Syncro (or a proxy) had silently closed,
 * a write fails after its bytes left and must be treated as ambiguous (R2), asking the technician
 * for nothing; a fresh connection that cannot open proves nothing was sent, so the plan can simply
 * wait and send it later.
 */
public final class CallSyncroInterceptor implements SyncroInterceptor {
  private static final Logger log = LoggerFactory.getLogger(SyncroClient.class);
  static final int MAX_SUCCESS_BYTES = 32 * 1024 * 1024;
  static final int MAX_ERROR_BYTES = 64 * 1024;
  private static final byte[] NOT_READ = new byte[0];

  private final OkHttpClient reads;
  private final OkHttpClient writes;

  public CallSyncroInterceptor(OkHttpClient http) {
    this.reads = http;
    this.writes = http.newBuilder().connectionPool(new ConnectionPool(0, 1, TimeUnit.SECONDS)).build();
  }

  @Override
  public SyncroAnswer intercept(Chain chain) throws IOException {
    SyncroCall call = chain.call();
    long started = System.nanoTime();
    try (Response response = (call.write() ? writes : reads).newCall(call.request()).execute()) {
      int code = response.code();
      log.debug("{} {} -> {} ({} ms)", call.method(), call.redactedPath(), code, millisSince(started));
      return new SyncroAnswer(code, response.headers(), body(response));
    } catch (IOException e) {
      log.debug(
          "{} {} -> {} ({} ms)",
          call.method(),
          call.redactedPath(),
          e.getClass().getSimpleName(),
          millisSince(started));
      throw e;
    }
  }

  private static byte @Nullable [] body(Response response) throws IOException {
    int code = response.code();
    if (code >= 200 && code < 300) {
      return readBounded(response.body(), MAX_SUCCESS_BYTES);
    }
    if (code >= 400 && code < 500 && code != 429) {
      try {
        return readBounded(response.body(), MAX_ERROR_BYTES);
      } catch (IOException e) {
        // The status alone is a definite answer; the message is a nicety.
        return NOT_READ;
      }
    }
    return NOT_READ;
  }

  /** Reads at most {@code max} bytes; returns null if the body is longer. */
  private static byte @Nullable [] readBounded(@Nullable ResponseBody body, int max)
      throws IOException {
    if (body == null) {
      return new byte[0];
    }
    try (InputStream in = body.byteStream()) {
      byte[] bytes = in.readNBytes(max + 1);
      return bytes.length > max ? null : bytes;
    }
  }

  private static long millisSince(long started) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
  }
}
