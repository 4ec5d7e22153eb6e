package com.syncrobot.syncro;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.syncrobot.metrics.Metrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * The Syncro REST API v1 client: one per process, shared by every technician. Each technician works
 * through {@link #as(SyncroToken)}, so every write is attributed to its author (R11). All requests
 * share one {@link RequestBudget}. Thread-safe.
 */
public final class SyncroClient {
  private final SyncroHttp http;

  private SyncroClient(SyncroHttp http) {
    this.http = http;
  }

  /** Returns a builder; {@link Builder#baseUrl(String)} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the API as seen by the token's owner, at interactive priority. */
  public SyncroApi as(SyncroToken token) {
    return as(token, RequestBudget.Priority.INTERACTIVE);
  }

  /** Returns the API as seen by the token's owner, at the given budget priority. */
  public SyncroApi as(SyncroToken token, RequestBudget.Priority p) {
    return new SyncroApi(
        http, Objects.requireNonNull(token, "token"), Objects.requireNonNull(p, "priority"));
  }

  /**
   * Returns about how long a technician's request asked for now would wait for the shared request budget (zero
   * when there is room) behind {@code queuedAhead} more requests that are not waiting for it yet, so the bot
   * can say an answer is queued.
   */
  public Duration expectedWait(long queuedAhead) {
    return http.budget().expectedWait(RequestBudget.Priority.INTERACTIVE, queuedAhead);
  }

  /** Returns the shared request budget's limit a minute ({@code SYNCRO_BOT_SYNCRO_REQUESTS_PER_MINUTE}). */
  public int requestsPerMinute() {
    return http.budget().permitsPerMinute();
  }

  /** Returns about how long a request at priority {@code p} asked for now would wait for the shared budget. */
  public Duration expectedWait(RequestBudget.Priority p) {
    return http.expectedWait(p);
  }

  /** Builds a {@link SyncroClient}; not thread-safe. */
  public static final class Builder {
    /** Shared by every client built without an explicit budget: Syncro's limit is per source IP. */
    private static final RequestBudget PROCESS_BUDGET = RequestBudget.syncroDefault();

    private @Nullable String baseUrl;
    private @Nullable OkHttpClient httpClient;
    private @Nullable ObjectMapper objectMapper;
    private @Nullable RequestBudget budget;
    private Sleeper sleeper = Sleeper.system();
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration readTimeout = Duration.ofSeconds(20);
    private Duration writeTimeout = Duration.ofSeconds(20);
    private Duration callTimeout = Duration.ofSeconds(30);
    private int maxPages = 500;
    private final List<Interceptor> observers = new ArrayList<>();
    private Metrics metrics = Metrics.NONE;

    private Builder() {}

    /** Sets the API base, e.g. {@code https://acme.syncromsp.com/api/v1}. */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
      return this;
    }

    /** Sets the OkHttp client to derive from (shares its pool); timeouts here override its own. */
    public Builder httpClient(OkHttpClient httpClient) {
      this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
      return this;
    }

    public Builder objectMapper(ObjectMapper objectMapper) {
      this.objectMapper = Objects.requireNonNull(objectMapper, "objectMapper");
      return this;
    }

    /** Sets the request budget; defaults to one shared by every client in the process. */
    public Builder budget(RequestBudget budget) {
      this.budget = Objects.requireNonNull(budget, "budget");
      return this;
    }

    /** Returns whether {@link #budget(RequestBudget)} was called. */
    public boolean hasBudget() {
      return budget != null;
    }

    /** Sets where each request's time and status and each budget wait are recorded (default: nowhere). */
    public Builder metrics(Metrics metrics) {
      this.metrics = Objects.requireNonNull(metrics, "metrics");
      return this;
    }

    /** Sets what waits after a 429. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    public Builder connectTimeout(Duration d) {
      this.connectTimeout = positive(d, "connectTimeout");
      return this;
    }

    public Builder readTimeout(Duration d) {
      this.readTimeout = positive(d, "readTimeout");
      return this;
    }

    public Builder writeTimeout(Duration d) {
      this.writeTimeout = positive(d, "writeTimeout");
      return this;
    }

    public Builder callTimeout(Duration d) {
      this.callTimeout = positive(d, "callTimeout");
      return this;
    }

    /** Sets the most pages one list call may walk before it gives up (default 500). */
    public Builder maxPages(int maxPages) {
      if (maxPages < 1) {
        throw new IllegalArgumentException("maxPages must be at least 1");
      }
      this.maxPages = maxPages;
      return this;
    }

    /**
     * Adds an OkHttp network interceptor that sees every exchange with Syncro, e.g. to note that Syncro
     * answered; it must pass each request and response on unchanged.
     */
    public Builder observer(Interceptor observer) {
      observers.add(Objects.requireNonNull(observer, "observer"));
      return this;
    }

    /**
     * Builds the client.
     *
     * @throws IllegalStateException if no base URL was set
     * @throws IllegalArgumentException if the base URL is not an http(s) URL without query or
     *     fragment
     */
    public SyncroClient build() {
      if (baseUrl == null) {
        throw new IllegalStateException("baseUrl is required");
      }
      HttpUrl base = HttpUrl.parse(baseUrl.strip());
      // The message never repeats the URL: a pasted one might carry an api_key.
      if (base == null) {
        throw new IllegalArgumentException("baseUrl is not an http(s) URL");
      }
      if (base.encodedQuery() != null || base.encodedFragment() != null) {
        throw new IllegalArgumentException("baseUrl must not have a query or fragment");
      }
      if (!base.scheme().toLowerCase(Locale.ROOT).startsWith("http")) {
        throw new IllegalArgumentException("baseUrl is not an http(s) URL");
      }
      OkHttpClient.Builder http = httpClient != null ? httpClient.newBuilder() : new OkHttpClient.Builder();
      observers.forEach(http::addNetworkInterceptor);
      OkHttpClient client = http
          .connectTimeout(connectTimeout)
          .readTimeout(readTimeout)
          .writeTimeout(writeTimeout)
          .callTimeout(callTimeout)
          // Never let OkHttp resend on its own: a write may already have landed (R2), and every
          // request must hold a budget permit.
          .retryOnConnectionFailure(false)
          // A redirected POST turns into a GET; surface redirects instead.
          .followRedirects(false)
          .followSslRedirects(false)
          // Drop idle connections well before servers commonly close them (30-60 s), so a read
          // rarely meets a dead pooled connection (a write probes it first: http.CallSyncroInterceptor).
          .connectionPool(
              httpClient != null ? httpClient.connectionPool() : new ConnectionPool(8, 20, TimeUnit.SECONDS))
          .build();
      ObjectMapper mapper = objectMapper != null ? objectMapper : defaultMapper();
      RequestBudget b = budget != null ? budget : PROCESS_BUDGET;
      return new SyncroClient(new SyncroHttp(client, base, mapper, b, sleeper, maxPages, metrics));
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive");
      }
      return d;
    }

    private static ObjectMapper defaultMapper() {
      return new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
          .configure(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, true);
    }
  }
}
