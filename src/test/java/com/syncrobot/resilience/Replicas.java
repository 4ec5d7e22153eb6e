package com.syncrobot.resilience;

import com.syncrobot.app.BotConfig;
import com.syncrobot.testkit.BotRig;
import com.syncrobot.testkit.TestPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;

/**
 * Several production bots (replicas), each in a child JVM of its own with its own HTTP port, on one
 * PostgreSQL database ({@link TestPostgres}), with the same secret key, the same Syncro sandbox (reached
 * through one {@link WireTrap}) and the same Slack simulator, which reaches them through a {@link Balancer}
 * listening on the rig's bot port. Everything else is {@link Rig}'s: its settle window, runner lease and
 * store queries.
 */
final class Replicas implements AutoCloseable {
  static final Duration START = Duration.ofSeconds(90);

  final Rig rig;
  final WireTrap trap;
  final Balancer balancer;
  private final Path dir;
  private final List<Integer> ports = new ArrayList<>();
  private final List<@Nullable ChildJvm> children = new ArrayList<>();
  private final List<ChildJvm> ended = new ArrayList<>();
  private final Map<String, String> env;
  private int starts;

  private Replicas(Rig rig, WireTrap trap, Balancer balancer, Path dir, List<Integer> ports, Map<String, String> env) {
    this.rig = rig;
    this.trap = trap;
    this.balancer = balancer;
    this.dir = dir;
    this.ports.addAll(ports);
    ports.forEach(p -> children.add(null));
    this.env = new HashMap<>(env);
  }

  /** Starts {@code n} replicas at once on a new PostgreSQL database, with {@code extraEnv} over the rig's. */
  static Replicas start(Path dir, int n, Map<String, String> extraEnv) throws Exception {
    Rig rig = new Rig(dir, TestPostgres.newDatabase());
    WireTrap trap = null;
    Balancer balancer = null;
    try {
      trap = WireTrap.start(rig.sandbox.baseUrl());
      List<Integer> ports = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        ports.add(BotRig.freePort());
      }
      balancer = Balancer.start(rig.botPort, ports);
      Map<String, String> env = new HashMap<>(extraEnv);
      env.put(BotConfig.SYNCRO_BASE_URL, trap.baseUrl());
      Replicas r = new Replicas(rig, trap, balancer, dir, ports, env);
      try {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          all.add(i);
        }
        r.startAll(all);
      } catch (Exception | Error e) {
        r.close();
        throw e;
      }
      return r;
    } catch (Exception | Error e) {
      if (balancer != null) {
        balancer.close();
      }
      if (trap != null) {
        trap.close();
      }
      rig.close();
      throw e;
    }
  }

  int size() {
    return ports.size();
  }

  /** Starts replica {@code i} anew (its port, the shared store) and waits until it serves. */
  synchronized void start(int i) throws Exception {
    startAll(List.of(i));
  }

  /** Starts the replicas {@code which} at once, each in a new child JVM, and waits until all serve. */
  void startAll(List<Integer> which) throws Exception {
    List<Future<ChildJvm>> started = new ArrayList<>();
    for (int i : which) {
      ChildJvm old = children.get(i);
      if (old != null && old.alive()) {
        throw new IllegalStateException("replica " + i + " still runs");
      }
      Map<String, String> e = rig.botEnv();
      e.putAll(env);
      e.put(BotConfig.PORT, Integer.toString(ports.get(i)));
      Path log = dir.resolve("replica-" + i + "-" + (++starts) + ".log");
      started.add(CompletableFuture.supplyAsync(() -> {
        try {
          return ChildJvm.start(e, ports.get(i), log, START);
        } catch (Exception ex) {
          throw new IllegalStateException(ex);
        }
      }));
    }
    for (int k = 0; k < which.size(); k++) {
      try {
        set(which.get(k), started.get(k).get());
      } catch (ExecutionException ex) {
        throw new AssertionError("replica " + which.get(k) + " did not start", ex.getCause());
      }
    }
  }

  private synchronized void set(int i, ChildJvm child) {
    ChildJvm old = children.set(i, child);
    if (old != null) {
      ended.add(old);
    }
  }

  /** Kills every replica and starts them all again with {@code extraEnv} over what they had. */
  void restartAllWith(Map<String, String> extraEnv) throws Exception {
    List<Integer> all = new ArrayList<>();
    for (int i = 0; i < size(); i++) {
      if (alive(i)) {
        kill(i);
      }
      all.add(i);
    }
    env.putAll(extraEnv);
    startAll(all);
  }

  /** Kills replica {@code i} with SIGKILL; returns its exit status. */
  synchronized int kill(int i) throws InterruptedException {
    ChildJvm c = children.get(i);
    if (c == null) {
      throw new IllegalStateException("replica " + i + " never started");
    }
    return c.kill();
  }

  synchronized boolean alive(int i) {
    ChildJvm c = children.get(i);
    return c != null && c.alive();
  }

  /** The replica whose runner holds the plan of ticket {@code number} now, or -1 if none does. */
  synchronized int runnerOf(long number) {
    String pid = rig.query("select r.pid from plans p join plan_runners r on r.id = p.runner"
        + " where p.ticket_number = " + number);
    for (int i = 0; i < children.size(); i++) {
      ChildJvm c = children.get(i);
      if (c != null && Long.toString(c.pid()).equals(pid)) {
        return i;
      }
    }
    return -1;
  }

  /** What every replica printed, the current ones last, to show when a scenario fails. */
  synchronized String outputs() {
    StringBuilder b = new StringBuilder();
    for (ChildJvm c : ended) {
      b.append("---- earlier replica (pid ").append(c.pid()).append(") ----\n").append(tail(c.output()));
    }
    for (int i = 0; i < children.size(); i++) {
      ChildJvm c = children.get(i);
      if (c != null) {
        b.append("---- replica ").append(i).append(" (pid ").append(c.pid()).append(") ----\n")
            .append(tail(c.output()));
      }
    }
    return b.toString();
  }

  private static String tail(String output) {
    return output.length() > 20_000 ? "…" + output.substring(output.length() - 20_000) : output;
  }

  @Override
  public void close() throws InterruptedException {
    for (ChildJvm c : children) {
      if (c != null) {
        c.close();
      }
    }
    balancer.close();
    trap.close();
    rig.close();
  }
}
