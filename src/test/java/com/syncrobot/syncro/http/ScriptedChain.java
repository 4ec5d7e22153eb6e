package com.syncrobot.syncro.http;

import com.syncrobot.syncro.RequestBudget;
import com.syncrobot.syncro.SyncroToken;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import okhttp3.Headers;
import okhttp3.Request;

/**
 * The rest of an interceptor chain, played from a script: each {@link #proceed()} takes the next
 * answer or throws the next I/O failure, and counts itself. No network.
 */
final class ScriptedChain implements SyncroInterceptor.Chain {
  /** Distinctive, so that a test can search every message for it. */
  static final String TOKEN_VALUE = "T0f1e2d3c4b5a6978-SeCrEtToKeN0123456789abcdefZZ";

  static final SyncroToken TOKEN = new SyncroToken(TOKEN_VALUE);

  private final SyncroCall call;
  private final Deque<Object> script = new ArrayDeque<>();
  private int proceeded;

  ScriptedChain(SyncroCall call) {
    this.call = call;
  }

  /** A GET of {@code /tickets/5} or a POST of a comment on it, named as {@link SyncroHttp} would. */
  static SyncroCall call(boolean write) {
    Request.Builder b = new Request.Builder().url("http://127.0.0.1:9/api/v1/tickets/5" + (write ? "/comment" : "")
        + "?api_key=" + TOKEN_VALUE);
    Request request = write ? b.post(okhttp3.RequestBody.create(new byte[0], null)).build() : b.get().build();
    return new SyncroCall(request, TOKEN, RequestBudget.Priority.INTERACTIVE,
        write ? "/tickets/5/comment" : "/tickets/5", write);
  }

  static SyncroAnswer answer(int status, String... headers) {
    return new SyncroAnswer(status, Headers.of(headers), new byte[0]);
  }

  ScriptedChain then(SyncroAnswer answer) {
    script.add(answer);
    return this;
  }

  ScriptedChain thenFail(IOException e) {
    script.add(e);
    return this;
  }

  int proceeded() {
    return proceeded;
  }

  @Override
  public SyncroCall call() {
    return call;
  }

  @Override
  public SyncroAnswer proceed() throws IOException {
    proceeded++;
    Object next = script.remove();
    if (next instanceof IOException e) {
      throw e;
    }
    return (SyncroAnswer) next;
  }
}
