package com.syncrobot.app;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * Whether Syncro answered in the last {@link #WINDOW}: any answer below 500 counts (a 401 or a 404 still
 * proves Syncro is there; a 5xx is Syncro or its front down). The bot's own Syncro requests are seen by
 * {@link #intercept} (installed on the Syncro client); when none answered for half the window, a readiness
 * check sends one cheap probe, an unauthenticated {@code GET /me} (answered 401; no token, no budget permit),
 * at most once every {@link #PROBE_EVERY}. Never answered since start counts from the start: a freshly
 * started bot is ready, and becomes unready only when Syncro has not answered for a whole window since.
 * Thread-safe.
 */
final class SyncroReach implements Interceptor {
  /** How long without an answer from Syncro before readiness reports it down. */
  static final Duration WINDOW = Duration.ofMinutes(5);
  /** At most one probe this often, however often readiness is asked. */
  static final Duration PROBE_EVERY = Duration.ofSeconds(30);
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);

  private final Clock clock;
  private final Instant since;
  private final HttpUrl probeUrl;
  private final OkHttpClient probe;
  private final AtomicBoolean probing = new AtomicBoolean();
  private volatile @Nullable Instant lastAnswer;
  private volatile @Nullable Instant lastProbe;
  private volatile String lastFailure = "";

  /** Probes {@code syncroBaseUrl} (e.g. {@code https://acme.syncromsp.com/api/v1}) when idle. */
  SyncroReach(String syncroBaseUrl, Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.since = clock.instant();
    HttpUrl base = HttpUrl.parse(syncroBaseUrl.strip());
    if (base == null) {
      throw new IllegalArgumentException("the Syncro base URL is not an http(s) URL");
    }
    this.probeUrl = base.newBuilder().addPathSegment("me").build();
    this.probe = new OkHttpClient.Builder()
        .connectTimeout(PROBE_TIMEOUT)
        .readTimeout(PROBE_TIMEOUT)
        .callTimeout(PROBE_TIMEOUT.plusSeconds(1))
        .retryOnConnectionFailure(false)
        .followRedirects(false)
        .build();
  }

  /** Notes each answer of the Syncro client it is installed on; changes nothing. */
  @Override
  public Response intercept(Chain chain) throws IOException {
    Response r = chain.proceed(chain.request());
    noteAnswer(r.code());
    return r;
  }

  private void noteAnswer(int status) {
    if (status < 500) {
      lastAnswer = clock.instant();
    } else {
      lastFailure = "it answered " + status;
    }
  }

  /** Up when Syncro answered within the window (probing first if it has been quiet for half of it). */
  Readiness.State state() {
    Instant now = clock.instant();
    Instant answered = lastAnswer;
    Instant probed = lastProbe;
    boolean quiet = answered == null || Duration.between(answered, now).compareTo(WINDOW.dividedBy(2)) >= 0;
    if (quiet && (probed == null || Duration.between(probed, now).compareTo(PROBE_EVERY) >= 0)) {
      probe(now);
      answered = lastAnswer;
    }
    Instant from = answered != null ? answered : since;
    Duration silent = Duration.between(from, clock.instant());
    if (silent.compareTo(WINDOW) <= 0) {
      return Readiness.State.ok();
    }
    String why = lastFailure.isEmpty() ? "" : " (last try: " + lastFailure + ")";
    return Readiness.State.down(answered == null
        ? "no answer from Syncro since the bot started " + Readiness.words(silent) + " ago" + why
        : "no answer from Syncro for " + Readiness.words(silent) + why);
  }

  /** One probe at a time; a check arriving meanwhile uses what is known. */
  private void probe(Instant now) {
    if (!probing.compareAndSet(false, true)) {
      return;
    }
    lastProbe = now;
    try (Response r = probe.newCall(new Request.Builder().url(probeUrl).get().build()).execute()) {
      noteAnswer(r.code());
    } catch (IOException | RuntimeException e) {
      // The type only: a message may name the host.
      lastFailure = e.getClass().getSimpleName();
    } finally {
      probing.set(false);
    }
  }
}
