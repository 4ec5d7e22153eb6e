package com.syncrobot.syncro;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.syncrobot.metrics.Metrics;
import com.syncrobot.syncro.http.BudgetInterceptor;
import com.syncrobot.syncro.http.CallSyncroInterceptor;
import com.syncrobot.syncro.http.ErrorMapping;
import com.syncrobot.syncro.http.PageWalker;
import com.syncrobot.syncro.http.RateLimitInterceptor;
import com.syncrobot.syncro.http.ReadRetryInterceptor;
import com.syncrobot.syncro.http.RequestRedaction;
import com.syncrobot.syncro.http.SyncroAnswer;
import com.syncrobot.syncro.http.SyncroCall;
import com.syncrobot.syncro.http.SyncroInterceptor;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.jspecify.annotations.Nullable;

/**
 * The one place that talks HTTP to Syncro: builds each request with the token and runs it through
 * the interceptors ({@link SyncroInterceptor}: 429 wait, read retry, budget permit, the call itself),
 * then {@link ErrorMapping} turns the answer into a body or a Syncro exception; long lists go through
 * {@link PageWalker}, and every name that reaches a log or an exception through {@link
 * RequestRedaction}. Thread-safe.
 */
final class SyncroHttp {
  private static final MediaType JSON = MediaType.get("application/json");

  private final HttpUrl base;
  private final ObjectMapper mapper;
  private final RequestBudget budget;
  private final Sleeper sleeper;
  private final BudgetInterceptor budgetPermit;
  private final CallSyncroInterceptor callSyncro;
  private final ErrorMapping errors;
  private final RequestRedaction redaction;
  private final PageWalker pages;

  SyncroHttp(
      OkHttpClient http,
      HttpUrl base,
      ObjectMapper mapper,
      RequestBudget budget,
      Sleeper sleeper,
      int maxPages,
      Metrics metrics) {
    this.base = base;
    this.mapper = mapper;
    this.budget = budget;
    this.sleeper = sleeper;
    this.budgetPermit = new BudgetInterceptor(budget, metrics);
    this.callSyncro = new CallSyncroInterceptor(http, metrics);
    // Floats as BigDecimal: money must keep the exact decimal Syncro sent.
    this.errors = new ErrorMapping(
        mapper,
        mapper
            .reader()
            .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES));
    this.redaction = new RequestRedaction(base);
    this.pages = new PageWalker(maxPages);
  }

  // ---- reads -------------------------------------------------------------------------------

  /** GETs {@code path} (relative, e.g. {@code /tickets/5}) and returns the parsed body. */
  JsonNode get(
      SyncroToken token, RequestBudget.Priority p, String path, Map<String, String> query) {
    HttpUrl url = url(token, path, query);
    Request request = new Request.Builder().url(url).get().header("Accept", "application/json").build();
    return exchange(new SyncroCall(request, token, p, redaction.path(url, token), false)).body();
  }

  /**
   * GETs and maps a single object; a shape the mapping cannot read is "unavailable" like a bad
   * body.
   */
  <T> T getOne(
      SyncroToken token,
      RequestBudget.Priority p,
      String path,
      Map<String, String> query,
      Function<JsonNode, T> f) {
    return map(token, path, query, get(token, p, path, query), f);
  }

  /**
   * Maps a body already read from {@code path}; a shape the mapping cannot read is "unavailable".
   */
  <T> T map(
      SyncroToken token,
      String path,
      Map<String, String> query,
      JsonNode body,
      Function<JsonNode, T> f) {
    try {
      return f.apply(body);
    } catch (SyncroJson.ShapeException | IllegalArgumentException | NullPointerException e) {
      throw ErrorMapping.unreadable(redaction.path(url(token, path, query), token));
    }
  }

  /** Reads every page of a list under {@code listKey}; see {@link PageWalker#walk}. */
  <T> List<T> pages(
      SyncroToken token,
      RequestBudget.Priority p,
      String path,
      Map<String, String> query,
      String listKey,
      Function<JsonNode, T> f,
      Function<T, Long> idOf,
      @Nullable Function<List<T>, Boolean> stopWhen) {
    PageWalker.PageSource<T> source = new PageWalker.PageSource<>() {
      @Override
      public PageWalker.Page<T> read(int page) {
        Map<String, String> q = withPage(query, page);
        return getOne(token, p, path, q, body -> {
          List<T> items = new ArrayList<>();
          for (JsonNode n : SyncroJson.list(body, listKey)) {
            items.add(f.apply(n));
          }
          JsonNode meta = body.get("meta");
          Long tp = meta == null ? null : SyncroJson.asLong(meta.get("total_pages"));
          return new PageWalker.Page<>(items, tp == null ? null : (int) Math.min(Integer.MAX_VALUE, tp));
        });
      }

      @Override
      public String redactedPath() {
        return redaction.path(url(token, path, query), token);
      }
    };
    return pages.walk(source, idOf, stopWhen);
  }

  private static Map<String, String> withPage(Map<String, String> query, int page) {
    Map<String, String> q = new LinkedHashMap<>(query);
    q.put("page", Integer.toString(page));
    return q;
  }

  // ---- writes ------------------------------------------------------------------------------

  /** Sends one write exactly once (429 aside, which Syncro did not process). */
  WriteResponse write(SyncroToken token, RequestBudget.Priority p, SyncroWrite w) {
    int q = w.path().indexOf('?');
    String path = q < 0 ? w.path() : w.path().substring(0, q);
    HttpUrl url = url(token, path, Map.of());
    if (q >= 0) {
      HttpUrl.Builder b = url.newBuilder();
      for (String pair : w.path().substring(q + 1).split("&")) {
        if (!pair.isEmpty()) {
          int eq = pair.indexOf('=');
          b.addEncodedQueryParameter(
              eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? null : pair.substring(eq + 1));
        }
      }
      url = b.build();
    }
    String redacted = redaction.path(url, token);
    RequestBody body = null;
    if (w.body() != null || !w.method().equals("DELETE")) {
      JsonNode node = w.body() != null ? w.body() : mapper.createObjectNode();
      try {
        body = RequestBody.create(mapper.writeValueAsBytes(node), JSON);
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("write body cannot be serialised");
      }
    }
    Request request = new Request.Builder()
        .url(url)
        .method(w.method(), body)
        .header("Accept", "application/json")
        .build();
    Exchange ex = exchange(new SyncroCall(request, token, p, redacted, true));
    Long id = null;
    if (w.idPointer() != null) {
      if (ex.status() == 204 || ex.status() == 205) {
        throw new SyncroAmbiguousWriteException(
            ex.status(),
            w.method(),
            redacted,
            "HTTP " + ex.status() + " without a body, so no id",
            null);
      }
      JsonNode idNode = ex.body().at(JsonPointer.compile(w.idPointer()));
      id = SyncroJson.asLong(idNode);
      if (id == null) {
        throw new SyncroAmbiguousWriteException(
            ex.status(),
            w.method(),
            redacted,
            "HTTP " + ex.status() + " without an id at " + w.idPointer(),
            null);
      }
    }
    return new WriteResponse(ex.status(), id, ex.body());
  }

  // ---- the exchange ------------------------------------------------------------------------

  private record Exchange(int status, JsonNode body) {}

  /** Returns the request budget every request of this client takes its permit from. */
  RequestBudget budget() {
    return budget;
  }

  /** Returns about how long a request at priority {@code p} asked for now would wait for the budget. */
  Duration expectedWait(RequestBudget.Priority p) {
    return budget.expectedWait(p);
  }

  private Exchange exchange(SyncroCall call) {
    List<SyncroInterceptor> chain = List.of(
        new RateLimitInterceptor(sleeper),
        // one per call: it retries a broken read once per call, not once per 429 resend
        new ReadRetryInterceptor(),
        budgetPermit,
        callSyncro);
    SyncroAnswer answer;
    try {
      answer = SyncroInterceptor.run(chain, call);
    } catch (IOException e) {
      throw ErrorMapping.ioFailure(call, e);
    }
    return new Exchange(answer.status(), errors.body(call, answer));
  }

  // ---- URLs --------------------------------------------------------------------------------

  private HttpUrl url(SyncroToken token, String path, Map<String, String> query) {
    HttpUrl.Builder b = base.newBuilder();
    String rel = path.startsWith("/") ? path.substring(1) : path;
    if (!rel.isEmpty()) {
      b.addPathSegments(rel);
    }
    // Some docs say api_key must come first; it costs nothing to comply.
    b.addQueryParameter("api_key", token.value());
    for (Map.Entry<String, String> e : query.entrySet()) {
      b.addQueryParameter(e.getKey(), e.getValue());
    }
    return b.build();
  }
}
