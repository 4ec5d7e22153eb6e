package com.syncrobot.syncro;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that talks HTTP to Syncro: adds the token, takes a budget permit per request,
 * handles 429 by waiting and resending, maps statuses to the G7 exceptions and keeps every message
 * redacted. Thread-safe.
 */
final class SyncroHttp {
  private static final Logger log = LoggerFactory.getLogger(SyncroClient.class);
  private static final MediaType JSON = MediaType.get("application/json");
  static final int MAX_RATE_LIMIT_RESENDS = 3;
  /** Pages of one list read at the same time, once page 1 has told how many there are. */
  static final int PARALLEL_PAGES = 4;
  /** Threads reading pages for all lists together. */
  private static final int PAGE_READERS = 8;
  static final Duration DEFAULT_RATE_LIMIT_WAIT = Duration.ofSeconds(60);
  private static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(10);
  private static final int MAX_SUCCESS_BYTES = 32 * 1024 * 1024;
  private static final int MAX_ERROR_BYTES = 64 * 1024;
  private static final int MAX_MESSAGE_CHARS = 300;

  private final OkHttpClient http;
  private final OkHttpClient writes;
  /** Reads the pages of long lists side by side; shared by every list, daemon threads, idle ones end. */
  private final ExecutorService pageReaders;
  private final HttpUrl base;
  private final String basePath;
  private final ObjectMapper mapper;
  private final ObjectReader reader;
  private final RequestBudget budget;
  private final Sleeper sleeper;
  private final int maxPages;

  SyncroHttp(
      OkHttpClient http,
      HttpUrl base,
      ObjectMapper mapper,
      RequestBudget budget,
      Sleeper sleeper,
      int maxPages) {
    this.http = http;
    // Each write opens its own connection and closes it after the answer. On a pooled keep-alive
    // connection that Syncro (or a proxy) had silently closed, a write fails after its bytes left and
    // must be treated as ambiguous (R2), asking the technician for nothing; a fresh connection that
    // cannot open proves nothing was sent, so the plan can simply wait and send it later.
    AtomicInteger readers = new AtomicInteger();
    ThreadPoolExecutor pool = new ThreadPoolExecutor(PAGE_READERS, PAGE_READERS, 30, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), r -> {
          Thread t = new Thread(r, "syncro-pages-" + readers.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
    pool.allowCoreThreadTimeOut(true);
    this.pageReaders = pool;
    this.writes = http.newBuilder().connectionPool(new ConnectionPool(0, 1, TimeUnit.SECONDS)).build();
    this.base = base;
    String p = base.encodedPath();
    this.basePath = p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    this.mapper = mapper;
    // Floats as BigDecimal: money must keep the exact decimal Syncro sent.
    this.reader =
        mapper
            .reader()
            .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES);
    this.budget = budget;
    this.sleeper = sleeper;
    this.maxPages = maxPages;
  }

  // ---- reads -------------------------------------------------------------------------------

  /** GETs {@code path} (relative, e.g. {@code /tickets/5}) and returns the parsed body. */
  JsonNode get(
      SyncroToken token, RequestBudget.Priority p, String path, Map<String, String> query) {
    HttpUrl url = url(token, path, query);
    String redacted = redactedPath(url, token);
    Request request =
        new Request.Builder().url(url).get().header("Accept", "application/json").build();
    Exchange ex = exchange(request, p, redacted, token, false);
    return ex.body();
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
    } catch (WireException | IllegalArgumentException | NullPointerException e) {
      throw unreadable(token, path, query);
    }
  }

  /**
   * Walks every page of a list ({@code page=1,2,...}): stops at {@code meta.total_pages}, or,
   * without meta, at an empty page or a page that adds nothing new; dedupes by id; refuses to walk
   * more than {@code maxPages} pages. {@code stopWhen} may end the walk early once a page holds
   * what is wanted.
   */
  <T> List<T> pages(
      SyncroToken token,
      RequestBudget.Priority p,
      String path,
      Map<String, String> query,
      String listKey,
      Function<JsonNode, T> f,
      Function<T, Long> idOf,
      @Nullable Function<List<T>, Boolean> stopWhen) {
    Map<Long, T> byId = new LinkedHashMap<>();
    for (int page = 1; page <= maxPages; page++) {
      Page<T> read = page(token, p, path, query, page, listKey, f);
      List<T> items = read.items();
      Integer totalPages = read.totalPages();
      if (page == 1 && totalPages != null && totalPages > 1 && stopWhen == null && totalPages <= maxPages) {
        // The count is known: pages 2..N do not depend on each other, so read them side by side.
        items.forEach(item -> byId.putIfAbsent(idOf.apply(item), item));
        for (Page<T> rest : restInParallel(token, p, path, query, totalPages, listKey, f)) {
          rest.items().forEach(item -> byId.putIfAbsent(idOf.apply(item), item));
        }
        return List.copyOf(byId.values());
      }
      int before = byId.size();
      for (T item : items) {
        byId.putIfAbsent(idOf.apply(item), item);
      }
      if (items.isEmpty()) {
        return List.copyOf(byId.values());
      }
      if (stopWhen != null && stopWhen.apply(items)) {
        return List.copyOf(byId.values());
      }
      if (totalPages != null) {
        if (page >= totalPages) {
          return List.copyOf(byId.values());
        }
      } else if (byId.size() == before) {
        // No meta and nothing new: the endpoint ignores page= and would repeat itself forever.
        return List.copyOf(byId.values());
      }
    }
    String redacted = redactedPath(url(token, path, query), token);
    throw new SyncroUnavailableException(
        0, "GET", redacted, "more than " + maxPages + " pages; refusing to walk further", null);
  }

  /** One page of a list and the page count its meta gives, if any. */
  private record Page<T>(List<T> items, @Nullable Integer totalPages) {}

  private <T> Page<T> page(SyncroToken token, RequestBudget.Priority p, String path, Map<String, String> query,
      int page, String listKey, Function<JsonNode, T> f) {
    Map<String, String> q = new LinkedHashMap<>(query);
    q.put("page", Integer.toString(page));
    JsonNode body = get(token, p, path, q);
    try {
      List<T> items = new ArrayList<>();
      for (JsonNode n : Wire.list(body, listKey)) {
        items.add(f.apply(n));
      }
      JsonNode meta = body.get("meta");
      Long tp = meta == null ? null : Wire.asLong(meta.get("total_pages"));
      return new Page<>(items, tp == null ? null : (int) Math.min(Integer.MAX_VALUE, tp));
    } catch (WireException | IllegalArgumentException | NullPointerException e) {
      throw unreadable(token, path, q);
    }
  }

  /**
   * Reads pages 2..{@code totalPages}, at most {@link #PARALLEL_PAGES} at a time for this list, and
   * returns them in page order. Each page still takes its own budget permit; the first failure fails
   * the list and cancels the pages not yet read.
   */
  private <T> List<Page<T>> restInParallel(SyncroToken token, RequestBudget.Priority p, String path,
      Map<String, String> query, int totalPages, String listKey, Function<JsonNode, T> f) {
    Semaphore slots = new Semaphore(PARALLEL_PAGES);
    List<Future<Page<T>>> futures = new ArrayList<>();
    try {
      for (int page = 2; page <= totalPages; page++) {
        int n = page;
        slots.acquire();
        futures.add(pageReaders.submit(() -> {
          try {
            return page(token, p, path, query, n, listKey, f);
          } finally {
            slots.release();
          }
        }));
      }
      List<Page<T>> pages = new ArrayList<>();
      for (Future<Page<T>> future : futures) {
        pages.add(future.get());
      }
      return pages;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SyncroUnavailableException(0, "GET", redactedPath(url(token, path, query), token),
          "interrupted while reading pages", null);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("reading a page failed", e.getCause());
    } finally {
      futures.forEach(future -> future.cancel(true));
    }
  }

  private SyncroUnavailableException unreadable(
      SyncroToken token, String path, Map<String, String> query) {
    String redacted = redactedPath(url(token, path, query), token);
    log.debug("GET {} -> unexpected response shape", redacted);
    return new SyncroUnavailableException(200, "GET", redacted, "unexpected response shape", null);
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
    String redacted = redactedPath(url, token);
    RequestBody body = null;
    if (w.body() != null || !w.method().equals("DELETE")) {
      JsonNode node = w.body() != null ? w.body() : mapper.createObjectNode();
      try {
        body = RequestBody.create(mapper.writeValueAsBytes(node), JSON);
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("write body cannot be serialised");
      }
    }
    Request request =
        new Request.Builder()
            .url(url)
            .method(w.method(), body)
            .header("Accept", "application/json")
            .build();
    Exchange ex = exchange(request, p, redacted, token, true);
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
      id = Wire.asLong(idNode);
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

  /** Returns about how long an interactive request asked for now would wait for Syncro's request budget. */
  Duration expectedWait() {
    return budget.expectedWait(RequestBudget.Priority.INTERACTIVE);
  }

  private Exchange exchange(
      Request request,
      RequestBudget.Priority p,
      String redacted,
      SyncroToken token,
      boolean write) {
    String method = request.method();
    boolean readRetried = false;
    for (int resends = 0; ; resends++) {
      try {
        budget.acquire(p);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        // Nothing was sent on this attempt, and any earlier attempt was a 429 that Syncro did not
        // process.
        throw new SyncroUnavailableException(
            0, method, redacted, "interrupted before sending", null);
      }
      long started = System.nanoTime();
      Duration wait;
      try (Response response = (write ? writes : http).newCall(request).execute()) {
        int code = response.code();
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        log.debug("{} {} -> {} ({} ms)", method, redacted, code, ms);
        if (code == 429) {
          if (resends >= MAX_RATE_LIMIT_RESENDS) {
            throw new SyncroRateLimitedException(method, redacted);
          }
          wait = retryAfter(response.header("Retry-After"));
          log.info(
              "{} {} rate limited by Syncro; resending in {} s",
              method,
              redacted,
              wait.toSeconds());
        } else if (code >= 200 && code < 300) {
          return new Exchange(code, successBody(response, method, redacted, write));
        } else {
          throw failure(response, method, redacted, token, write);
        }
      } catch (IOException e) {
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        log.debug("{} {} -> {} ({} ms)", method, redacted, e.getClass().getSimpleName(), ms);
        // A read changes nothing, so one more try is safe when the connection broke (typically a
        // pooled keep-alive connection the server had already closed). Writes are never resent (R2).
        if (!write && !readRetried && !(e instanceof InterruptedIOException)) {
          readRetried = true;
          resends--;
          continue;
        }
        throw ioFailure(e, method, redacted, token, write);
      }
      try {
        sleeper.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SyncroRateLimitedException(method, redacted);
      }
    }
  }

  private JsonNode successBody(Response response, String method, String redacted, boolean write)
      throws IOException {
    int code = response.code();
    byte[] bytes = readBounded(response.body(), MAX_SUCCESS_BYTES);
    if (bytes == null) {
      throw problem(code, method, redacted, write, "response body too large", null);
    }
    if (bytes.length == 0 || isBlank(bytes)) {
      if (code == 204 || code == 205) {
        return mapper.createObjectNode();
      }
      throw problem(code, method, redacted, write, "empty response body", null);
    }
    try {
      JsonNode node = reader.readTree(bytes);
      if (node == null || node.isMissingNode()) {
        throw problem(code, method, redacted, write, "unparsable response body", null);
      }
      return node;
    } catch (JsonProcessingException e) {
      throw problem(code, method, redacted, write, "unparsable response body", null);
    }
  }

  private SyncroException failure(
      Response response, String method, String redacted, SyncroToken token, boolean write) {
    int code = response.code();
    if (code >= 400 && code < 500) {
      byte[] bytes;
      try {
        bytes = readBounded(response.body(), MAX_ERROR_BYTES);
      } catch (IOException e) {
        // The status alone is a definite answer; the message is a nicety.
        bytes = new byte[0];
      }
      String message =
          ErrorBodies.message(
              bytes == null ? new byte[0] : bytes, response.header("Content-Type"), reader);
      message = tidy(Redactor.redact(message, token));
      if (code == 401 || code == 403) {
        return new SyncroAuthException(code, method, redacted, message);
      }
      if (code == 404) {
        return new SyncroNotFoundException(method, redacted);
      }
      if (message.isEmpty()) {
        message = "Syncro refused the request (HTTP " + code + ") without a message";
      }
      return new SyncroValidationException(code, method, redacted, message);
    }
    String reason =
        code >= 300 && code < 400 ? "unexpected redirect (HTTP " + code + ")" : "HTTP " + code;
    return problem(code, method, redacted, write, reason, null);
  }

  private SyncroException ioFailure(
      IOException e, String method, String redacted, SyncroToken token, boolean write) {
    IOException scrubbed = scrub(e, token);
    if (e instanceof ConnectException
        || e instanceof UnknownHostException
        || e instanceof NoRouteToHostException) {
      // The connection never opened, so not one byte of the request reached Syncro.
      return new SyncroUnavailableException(
          0, method, redacted, "could not connect; nothing was sent", scrubbed);
    }
    String reason =
        e instanceof InterruptedIOException
            ? "timed out"
            : "connection failed (" + e.getClass().getSimpleName() + ")";
    return problem(0, method, redacted, write, reason, scrubbed);
  }

  private static SyncroException problem(
      int status,
      String method,
      String redacted,
      boolean write,
      String reason,
      @Nullable Throwable cause) {
    return write
        ? new SyncroAmbiguousWriteException(status, method, redacted, reason, cause)
        : new SyncroUnavailableException(status, method, redacted, reason, cause);
  }

  /**
   * Copies an I/O exception with a redacted message, so no URL or token can travel in the cause
   * chain.
   */
  static IOException scrub(IOException e, SyncroToken token) {
    String msg = e.getMessage() == null ? "" : ": " + Redactor.redact(e.getMessage(), token);
    IOException copy = new IOException(e.getClass().getSimpleName() + msg);
    copy.setStackTrace(e.getStackTrace());
    return copy;
  }

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

  /**
   * Returns the path relative to the base plus the query without {@code api_key}, redacted again
   * for safety.
   */
  String redactedPath(HttpUrl url, SyncroToken token) {
    String path = url.encodedPath();
    if (!basePath.isEmpty() && path.startsWith(basePath)) {
      path = path.substring(basePath.length());
    }
    String query = url.newBuilder().removeAllQueryParameters("api_key").build().encodedQuery();
    String s = query == null || query.isEmpty() ? path : path + "?" + query;
    return Redactor.redact(s, token);
  }

  // ---- bodies ------------------------------------------------------------------------------

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

  private static boolean isBlank(byte[] bytes) {
    for (byte b : bytes) {
      if (!Character.isWhitespace(b)) {
        return false;
      }
    }
    return true;
  }

  private static String tidy(String s) {
    String t = s.replaceAll("\\s+", " ").strip();
    return t.length() <= MAX_MESSAGE_CHARS ? t : t.substring(0, MAX_MESSAGE_CHARS - 1) + "…";
  }

  /** Extracts Syncro's own message from the many error body shapes (api-notes §1.5). */
  static final class ErrorBodies {
    private ErrorBodies() {}

    static String message(byte[] bytes, @Nullable String contentType, ObjectReader reader) {
      String text = new String(bytes, StandardCharsets.UTF_8).strip();
      if (text.isEmpty()) {
        return "";
      }
      String ct = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
      if (ct.contains("html") || text.startsWith("<")) {
        // The classic cause is a body sent without Content-Type: application/json (api-notes §1.1).
        return "Syncro answered with an HTML error page instead of JSON";
      }
      JsonNode node;
      try {
        node = reader.readTree(text);
      } catch (JsonProcessingException e) {
        return "Syncro answered with a non-JSON error body";
      }
      if (node == null || node.isMissingNode()) {
        return "";
      }
      if (node.isObject()) {
        for (String key : List.of("errors", "error", "message")) {
          String m = flatten(node.get(key));
          if (!m.isBlank()) {
            return m;
          }
        }
        return "";
      }
      return flatten(node);
    }

    /** Flattens a string, an array of strings, or an object of field -> messages into one line. */
    static String flatten(@Nullable JsonNode n) {
      if (n == null || n.isNull() || n.isMissingNode()) {
        return "";
      }
      if (n.isValueNode()) {
        return n.asText().strip();
      }
      List<String> parts = new ArrayList<>();
      if (n.isArray()) {
        for (JsonNode e : n) {
          String s = flatten(e);
          if (!s.isEmpty()) {
            parts.add(s);
          }
        }
      } else {
        for (Map.Entry<String, JsonNode> e : n.properties()) {
          String s = flatten(e.getValue());
          if (!s.isEmpty()) {
            parts.add(e.getKey() + ": " + s);
          }
        }
      }
      return String.join("; ", parts);
    }
  }
}
