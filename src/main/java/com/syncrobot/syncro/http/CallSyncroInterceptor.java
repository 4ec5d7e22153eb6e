package com.syncrobot.syncro.http;

import com.syncrobot.metrics.Metrics;
import com.syncrobot.syncro.SyncroClient;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.ConnectionPool;
import okhttp3.EventListener;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
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
 * <p>Reads and writes share the client's connection pool (idle connections are dropped after 20 s,
 * see {@link SyncroClient}), so a write goes out on the connection that just answered the plan's
 * previous step or the preview's reads instead of paying a new TCP and TLS set-up (two round trips
 * across the internet) each time. What keeps that safe (R2):
 *
 * <ul>
 *   <li>Before a write goes on a pooled HTTP/1.1 connection, the connection is probed (a 1 ms read,
 *       as Apache HttpClient's stale check and OkHttp's own for connections idle over 10 s): a
 *       server that closed it meanwhile (its keep-alive ran out, it restarted) has left an end of
 *       stream or a reset there, and the write then fails before a byte of it left. An HTTP/2
 *       connection needs no probe: its reader thread sees the server's GOAWAY or close at once, and
 *       the pool no longer hands it out.
 *   <li>A per-call {@link okhttp3.EventListener} records whether the request's headers started to
 *       be written. A write that failed before that provably sent nothing: {@link
 *       RequestNotSentException}, which {@link ErrorMapping#ioFailure} maps to "nothing was sent",
 *       so the plan simply sends it later, asking nobody. One that failed after it may have reached
 *       Syncro and is ambiguous, resolved by the plan's checks as before.
 *   <li>A write that met a dead pooled connection (probe failed, nothing sent) is sent once more on
 *       a new connection: the only resend there is, and only of a request proven not sent. OkHttp
 *       itself never resends ({@code retryOnConnectionFailure(false)}).
 * </ul>
 *
 * What remains is a server closing the connection while the write crosses it on the wire: that
 * write is ambiguous, exactly as one whose answer is lost on a new connection.
 */
public final class CallSyncroInterceptor implements SyncroInterceptor {
  private static final Logger log = LoggerFactory.getLogger(SyncroClient.class);
  static final int MAX_SUCCESS_BYTES = 32 * 1024 * 1024;
  static final int MAX_ERROR_BYTES = 64 * 1024;
  private static final byte[] NOT_READ = new byte[0];

  private final OkHttpClient reads;
  private final OkHttpClient writes;
  private final OkHttpClient freshWrites;
  private final Metrics metrics;

  /** Sends on {@code http}; each attempt's time and status (0: no answer) go to {@code metrics}. */
  public CallSyncroInterceptor(OkHttpClient http, Metrics metrics) {
    this.reads = http;
    this.metrics = metrics;
    this.writes = http.newBuilder()
        .eventListenerFactory(call -> {
          SendTracker t = call.request().tag(SendTracker.class);
          return t != null ? t : EventListener.NONE;
        })
        .addNetworkInterceptor(CallSyncroInterceptor::probePooled)
        .build();
    this.freshWrites = writes.newBuilder().connectionPool(new ConnectionPool(0, 1, TimeUnit.SECONDS)).build();
  }

  @Override
  public SyncroAnswer intercept(Chain chain) throws IOException {
    SyncroCall call = chain.call();
    long started = System.nanoTime();
    try {
      SyncroAnswer answer = call.write() ? write(call.request()) : send(reads, call.request());
      log.debug("{} {} -> {} ({} ms)", call.method(), call.redactedPath(), answer.status(), millisSince(started));
      metrics.syncroRequest(call.method(), call.redactedPath(), answer.status(), started);
      return answer;
    } catch (IOException e) {
      log.debug(
          "{} {} -> {} ({} ms)",
          call.method(),
          call.redactedPath(),
          e.getClass().getSimpleName(),
          millisSince(started));
      metrics.syncroRequest(call.method(), call.redactedPath(), 0, started);
      throw e;
    }
  }

  /** Sends a write on a pooled connection, or on a new one if the pooled one was dead before it was used. */
  private SyncroAnswer write(Request request) throws IOException {
    SendTracker first = new SendTracker();
    try {
      return send(writes, request.newBuilder().tag(SendTracker.class, first).build());
    } catch (IOException e) {
      if (first.requestStarted()) {
        throw e;
      }
      if (first.connecting()) {
        // a new connection that could not be made: Syncro is unreachable now, nothing was sent
        throw new RequestNotSentException(e);
      }
      log.debug("pooled connection was closed by the server before the write; sending on a new one");
    }
    SendTracker second = new SendTracker();
    try {
      return send(freshWrites, request.newBuilder().tag(SendTracker.class, second).build());
    } catch (IOException e) {
      throw second.requestStarted() ? e : new RequestNotSentException(e);
    }
  }

  private static SyncroAnswer send(OkHttpClient client, Request request) throws IOException {
    try (Response response = client.newCall(request).execute()) {
      return new SyncroAnswer(response.code(), response.headers(), body(response));
    }
  }

  /**
   * Network interceptor of writes: a pooled HTTP/1.1 connection must still be open before a write goes on it; a
   * closed one fails the call before any byte of the request is written.
   */
  private static Response probePooled(Interceptor.Chain chain) throws IOException {
    Connection c = chain.connection();
    SendTracker t = chain.request().tag(SendTracker.class);
    if (c != null && t != null && !t.connecting()
        && (c.protocol() == Protocol.HTTP_1_1 || c.protocol() == Protocol.HTTP_1_0)) {
      Socket socket = c.socket();
      if (!stillOpen(socket)) {
        socket.close(); // so the pool drops it
        throw new StaleConnectionException();
      }
    }
    return chain.proceed(chain.request());
  }

  /** Returns false if the peer closed or reset the idle connection, or sent something unasked. */
  private static boolean stillOpen(Socket socket) {
    try {
      int timeout = socket.getSoTimeout();
      try {
        socket.setSoTimeout(1);
        socket.getInputStream().read();
        return false; // end of stream, or bytes nobody asked for: the connection is not usable
      } finally {
        socket.setSoTimeout(timeout);
      }
    } catch (SocketTimeoutException e) {
      return true; // nothing there: open and idle
    } catch (IOException e) {
      return false;
    }
  }

  /** A pooled connection found closed before a write went on it. */
  private static final class StaleConnectionException extends IOException {
    private static final long serialVersionUID = 1L;

    StaleConnectionException() {
      super("pooled connection closed by the server");
    }
  }

  /** Whether the call opened a new connection and whether its request started to be written. */
  private static final class SendTracker extends EventListener {
    private volatile boolean connecting;
    private volatile boolean requestStarted;

    @Override
    public void connectStart(Call call, InetSocketAddress address, Proxy proxy) {
      connecting = true;
    }

    @Override
    public void requestHeadersStart(Call call) {
      requestStarted = true;
    }

    boolean connecting() {
      return connecting;
    }

    boolean requestStarted() {
      return requestStarted;
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
