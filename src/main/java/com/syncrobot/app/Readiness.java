package com.syncrobot.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * What {@code GET /readyz} reports: every part the bot needs to do its work (the store, Slack, Syncro, its
 * schedulers), each up or down, with a short reason for a part that is down. A part's check must be quick and
 * must never put a secret, a URL or anything a customer wrote into its reason. Thread-safe once built.
 */
public final class Readiness {
  /** A part's state: up, or down for a short reason (a few words an operator acts on). */
  public record State(boolean up, String reason) {
    public State {
      Objects.requireNonNull(reason, "reason");
    }

    public static State ok() {
      return new State(true, "");
    }

    public static State down(String reason) {
      return new State(false, reason);
    }
  }

  /** One part's check. */
  public interface Part {
    State state();
  }

  /**
   * Every part's state, in the order the parts were added; ready when the bot has finished starting and all
   * parts are up.
   */
  public record Report(boolean started, Map<String, State> parts) {
    public boolean ready() {
      return started && parts.values().stream().allMatch(State::up);
    }

    /**
     * {@code {"status":"ready","parts":{"store":{"up":true},"slack":{"up":false,"reason":"..."}}}}; the status
     * is {@code ready}, {@code starting} or {@code unavailable}.
     */
    public String json() {
      ObjectNode root = JSON.createObjectNode();
      root.put("status", ready() ? "ready" : started ? "unavailable" : "starting");
      ObjectNode list = root.putObject("parts");
      parts.forEach((name, s) -> {
        ObjectNode p = list.putObject(name);
        p.put("up", s.up());
        if (!s.up()) {
          p.put("reason", s.reason());
        }
      });
      try {
        return JSON.writeValueAsString(root);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, Part> parts = new LinkedHashMap<>();
  private volatile boolean started;

  /** Adds a part under {@code name} (a short lower-case word or two, joined by {@code _}). */
  public synchronized Readiness add(String name, Part part) {
    if (parts.putIfAbsent(Objects.requireNonNull(name, "name"), Objects.requireNonNull(part, "part")) != null) {
      throw new IllegalArgumentException("part " + name + " added twice");
    }
    return this;
  }

  /** Marks the start as finished: every part is added; until then no report is ready. */
  public Readiness started() {
    started = true;
    return this;
  }

  /** Checks every part; a check that throws is the part down, named by the exception's type only. */
  public Report check() {
    List<Map.Entry<String, Part>> list;
    synchronized (this) {
      list = new ArrayList<>(parts.entrySet());
    }
    Map<String, State> states = new LinkedHashMap<>();
    for (Map.Entry<String, Part> e : list) {
      State s;
      try {
        s = e.getValue().state();
      } catch (RuntimeException ex) {
        s = State.down("its check failed (" + ex.getClass().getSimpleName() + ")");
      }
      states.put(e.getKey(), s);
    }
    return new Report(started, states);
  }

  /** The store answers a trivial query. */
  public static Part store(BooleanSupplier healthy) {
    return () -> healthy.getAsBoolean() ? State.ok() : State.down("the database does not answer");
  }

  /**
   * A loop that should run every {@code every}: down once it was stopped, or once it has neither started nor
   * finished a round for longer than {@code limit} (stuck in one round, or no longer scheduled). Before its
   * first round the time since {@code since} counts instead.
   */
  public static Part loop(Clock clock, Duration every, Duration limit, Instant since, BooleanSupplier running,
      Supplier<Optional<Instant>> lastBeat) {
    return () -> {
      if (!running.getAsBoolean()) {
        return State.down("stopped");
      }
      Instant last = lastBeat.get().orElse(since);
      Duration quiet = Duration.between(last, clock.instant());
      if (quiet.compareTo(limit) > 0) {
        return State.down("no round for " + words(quiet) + " (runs every " + words(every) + ")");
      }
      return State.ok();
    };
  }

  /** How long a loop of period {@code every} may be silent before it is far overdue: three periods and 5 min. */
  static Duration overdue(Duration every) {
    return every.multipliedBy(3).plus(Duration.ofMinutes(5));
  }

  /** A duration in words: {@code 45 s}, {@code 7 min}, {@code 2 h 5 min}. */
  static String words(Duration d) {
    long s = Math.max(0, d.toSeconds());
    if (s < 120) {
      return s + " s";
    }
    long m = s / 60;
    return m >= 60 ? (m / 60) + " h " + (m % 60) + " min" : m + " min";
  }
}
