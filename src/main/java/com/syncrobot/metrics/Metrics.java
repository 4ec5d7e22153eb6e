package com.syncrobot.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's meters, served at {@code GET /metrics} in Prometheus's text format when {@code SYNCRO_BOT_METRICS=true}
 * (README, "Metrics"). Each method records one thing; {@link #NONE} records nothing, so code and tests that are
 * not given metrics need no change. Every tag value comes from a fixed set (an HTTP method, a path template, a
 * status code, an enum constant's name, a name written in the code): nothing a person typed, no token, no
 * customer, ticket, id or Slack user. Thread-safe.
 */
public final class Metrics {
  private static final Logger log = LoggerFactory.getLogger(Metrics.class);

  /** Records nothing; {@link #scrape()} is empty. */
  public static final Metrics NONE = new Metrics(null, () -> System.nanoTime());

  /** How long the plans-by-state count is reused: a scrape every few seconds costs one query at most. */
  static final Duration PLAN_COUNT_REUSED = Duration.ofSeconds(5);

  /** Latency buckets of the timers (seconds), from a fast Slack ack to a slow Syncro write. */
  private static final Duration[] BUCKETS = {Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
      Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
      Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30),
      Duration.ofSeconds(60)};

  private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
  /** A path segment that names a kind of thing, not which one: kept in the template. */
  private static final Pattern WORD = Pattern.compile("[a-z_]{1,40}");

  /** What the request to Slack was, as the ack timer tags it. */
  public enum AckKind {
    COMMAND, ACTION, VIEW_SUBMISSION, VIEW_CLOSED, SHORTCUT, OPTIONS, EVENT, OTHER
  }

  /** How a step whose outcome was unknown was settled. */
  public enum Resolution {
    /** Reading Syncro found the record: it had been written. */
    FOUND,
    /** Reading Syncro proved it absent (after the settle window). */
    ABSENT,
    /** Reading Syncro could not decide; the owner was asked. */
    UNDECIDED,
    /** The owner said it landed. */
    OWNER_LANDED,
    /** The owner said it did not land. */
    OWNER_NOT_LANDED
  }

  private final @Nullable PrometheusMeterRegistry registry;
  private final LongSupplier nanos;

  private Metrics(@Nullable PrometheusMeterRegistry registry, LongSupplier nanos) {
    this.registry = registry;
    this.nanos = nanos;
  }

  /** Metrics kept in a Prometheus registry for {@code GET /metrics}. */
  public static Metrics prometheus() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    return new Metrics(registry, System::nanoTime);
  }

  /** Whether anything is recorded (and {@code GET /metrics} is served). */
  public boolean enabled() {
    return registry != null;
  }

  /** Every meter in Prometheus's text format (version 0.0.4); empty when {@link #NONE}. */
  public String scrape() {
    return registry == null ? "" : registry.scrape();
  }

  /** The Content-Type of {@link #scrape()}. */
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  /** A start time for the {@code ...Since} methods. */
  public long start() {
    return nanos.getAsLong();
  }

  // ---- Syncro ----------------------------------------------------------------------------------------------

  /**
   * One attempt of a request to Syncro that got an HTTP answer ({@code status}) or none ({@code status} 0), by
   * method and path template ({@link #template}); a 401 or 403 also counts as a token refusal.
   */
  public void syncroRequest(String method, String path, int status, long startedNanos) {
    MeterRegistry r = registry;
    if (r == null) {
      return;
    }
    String m = METHODS.contains(method) ? method : "OTHER";
    String s = status == 0 ? "none" : status >= 100 && status <= 599 ? Integer.toString(status) : "other";
    timer(r, "syncro_bot.syncro.requests", "Requests to Syncro (each attempt) by method, path template and status",
        "method", m, "path", template(path), "status", s).record(nanos.getAsLong() - startedNanos,
            TimeUnit.NANOSECONDS);
    if (status == 401 || status == 403) {
      Counter.builder("syncro_bot.syncro.token.refusals")
          .description("Syncro refused a technician's token (401 or 403)")
          .tag("status", s)
          .register(r)
          .increment();
    }
  }

  /** How long a request waited for a permit of the Syncro request budget, by priority. */
  public void budgetWait(Enum<?> priority, long startedNanos) {
    MeterRegistry r = registry;
    if (r == null) {
      return;
    }
    timer(r, "syncro_bot.budget.wait", "Time a Syncro request waited for the request budget", "priority",
        name(priority)).record(nanos.getAsLong() - startedNanos, TimeUnit.NANOSECONDS);
  }

  /**
   * The template of a Syncro path relative to the API base: the query dropped and every segment that is not a
   * lower-case word (an id, a number, anything else) replaced by {@code {id}}, e.g. {@code /tickets/{id}/comment}.
   */
  public static String template(String path) {
    int q = path.indexOf('?');
    String p = q < 0 ? path : path.substring(0, q);
    StringBuilder b = new StringBuilder();
    int segments = 0;
    for (String seg : p.split("/")) {
      if (seg.isEmpty()) {
        continue;
      }
      if (++segments > 6) {
        b.append("/...");
        break;
      }
      b.append('/').append(WORD.matcher(seg).matches() ? seg : "{id}");
    }
    return b.length() == 0 ? "/" : b.toString();
  }

  // ---- Slack -----------------------------------------------------------------------------------------------

  /** How long the bot took to answer (ack) one request from Slack, by kind. */
  public void slackAck(AckKind kind, long startedNanos) {
    MeterRegistry r = registry;
    if (r == null) {
      return;
    }
    timer(r, "syncro_bot.slack.ack", "Time from a Slack request's arrival to the bot's answer (ack)", "kind",
        name(kind)).record(nanos.getAsLong() - startedNanos, TimeUnit.NANOSECONDS);
  }

  /**
   * Gauges of one work queue, {@code queue} being a name written in the code: tasks waiting for a thread, and
   * tasks held back for Syncro's request budget.
   */
  public void workQueue(String queue, IntSupplier waiting, IntSupplier heldBack) {
    MeterRegistry r = registry;
    if (r == null) {
      return;
    }
    Gauge.builder("syncro_bot.work.queue.waiting", waiting, IntSupplier::getAsInt)
        .description("Tasks waiting for a thread of a work queue")
        .tag("queue", queue)
        .strongReference(true)
        .register(r);
    Gauge.builder("syncro_bot.work.queue.held", heldBack, IntSupplier::getAsInt)
        .description("Tasks held back until Syncro's request budget has room")
        .tag("queue", queue)
        .strongReference(true)
        .register(r);
  }

  // ---- plans -----------------------------------------------------------------------------------------------

  /**
   * A gauge per state in {@code states} of how many plans are in it, from {@code counts} (one query of the
   * store), asked at most every {@link #PLAN_COUNT_REUSED}.
   */
  public <S extends Enum<S>> void planStates(S[] states, Supplier<Map<S, Long>> counts) {
    MeterRegistry r = registry;
    if (r == null) {
      return;
    }
    Reused<Map<S, Long>> reused = new Reused<>(counts, nanos, PLAN_COUNT_REUSED);
    for (S state : states) {
      Gauge.builder("syncro_bot.plans", reused, c -> {
        Map<S, Long> m = c.get();
        return m == null ? Double.NaN : m.getOrDefault(state, 0L);
      }).description("Plans in the store by state").tag("state", name(state)).strongReference(true).register(r);
    }
  }

  /** A plan reached a final state ({@code outcome}: done, failed, cancelled, expired, ...) in this process. */
  public void planOutcome(Enum<?> outcome) {
    MeterRegistry r = registry;
    if (r == null) {
      return;
    }
    Counter.builder("syncro_bot.plan.outcomes")
        .description("Plans that reached a final state, by that state")
        .tag("outcome", name(outcome))
        .register(r)
        .increment();
  }

  /** A write's outcome became unknown (it may or may not have landed at Syncro). */
  public void unknownOutcome() {
    MeterRegistry r = registry;
    if (r == null) {
      return;
    }
    Counter.builder("syncro_bot.unknown.outcomes")
        .description("Writes whose outcome became unknown (it may or may not have landed)")
        .register(r)
        .increment();
  }

  /** A step whose outcome was unknown was settled, as {@code how}. */
  public void unknownResolved(Resolution how) {
    MeterRegistry r = registry;
    if (r == null) {
      return;
    }
    Counter.builder("syncro_bot.unknown.outcomes.resolved")
        .description("Unknown outcomes settled, by how")
        .tag("resolution", name(how))
        .register(r)
        .increment();
  }

  // ---- digests ---------------------------------------------------------------------------------------------

  /** One scheduled digest run ended with {@code outcome} (posted, notice, failed, skipped); {@code late} when it was. */
  public void digest(Enum<?> outcome, boolean late) {
    MeterRegistry r = registry;
    if (r == null) {
      return;
    }
    Counter.builder("syncro_bot.digests")
        .description("Scheduled digest runs by outcome")
        .tag("outcome", name(outcome))
        .register(r)
        .increment();
    if (late) {
      Counter.builder("syncro_bot.digests.late")
          .description("Scheduled digest runs that were late (the bot was down at their time), by outcome")
          .tag("outcome", name(outcome))
          .register(r)
          .increment();
    }
  }

  // ---- helpers ---------------------------------------------------------------------------------------------

  private static Timer timer(MeterRegistry r, String name, String description, String... tags) {
    return Timer.builder(name)
        .description(description)
        .tags(tags)
        .serviceLevelObjectives(BUCKETS)
        .register(r);
  }

  private static String name(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }

  /** A value asked for at most once per {@code reuse}; a failed ask keeps the last value. */
  private static final class Reused<T> {
    private final Supplier<T> source;
    private final LongSupplier nanos;
    private final long reuseNanos;
    private @Nullable T value;
    private long askedAt;
    private boolean asked;

    Reused(Supplier<T> source, LongSupplier nanos, Duration reuse) {
      this.source = source;
      this.nanos = nanos;
      this.reuseNanos = reuse.toNanos();
    }

    synchronized @Nullable T get() {
      long now = nanos.getAsLong();
      if (!asked || now - askedAt >= reuseNanos) {
        asked = true;
        askedAt = now;
        try {
          value = source.get();
        } catch (RuntimeException e) {
          log.warn("Counting plans for the metrics failed: {}", e.getClass().getName());
        }
      }
      return value;
    }
  }
}
