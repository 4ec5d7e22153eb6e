package com.syncrobot.bench;

import com.syncrobot.playground.sandbox.model.SandboxTicket;
import com.syncrobot.playground.slack.DemoUser;
import com.syncrobot.playground.slack.SimMessage;
import com.syncrobot.testkit.BotRig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * N technicians at once, each step released by a barrier: {@code /syncro comment N} together, their
 * modal submissions together, their Confirm clicks together (each waits for its "Done."), then twice a
 * mix of {@code /syncro} and {@code /syncro ticket N} together (each waits for its answer). A request
 * Slack would have given up on (no ack in 3 s) counts with the 3 s it waited and in {@link #timeouts};
 * one the bot refused (503 "busy, try again": more requests in flight than it takes, for longer than a
 * request waits its turn) in
 * {@link #refused}.
 * Checks that the confirmed plans made exactly one comment each.
 */
final class Burst {
  /** Slack interactions per technician: command, submit, Confirm, two reads. */
  static final int INTERACTIONS_PER_TECHNICIAN = 5;

  final List<Double> slash = Collections.synchronizedList(new ArrayList<>());
  final List<Double> submits = Collections.synchronizedList(new ArrayList<>());
  final List<Double> clicks = Collections.synchronizedList(new ArrayList<>());
  final AtomicInteger timeouts = new AtomicInteger();
  final AtomicInteger refused = new AtomicInteger();
  private final AtomicInteger confirmed = new AtomicInteger();
  private final AtomicLong lastDone = new AtomicLong();
  /** Seconds from the first technician's release to the last answer. */
  double wallSeconds;
  /** Seconds from releasing the Confirm clicks to the last "Done." shown. */
  double confirmsSeconds;

  private Burst() {}

  /** Runs the burst of {@code n} technicians (the first n users of {@code w}) on the running bot. */
  static Burst run(BotRig w, Driver d, int n) throws Exception {
    Burst b = new Burst();
    b.go(w, d, n);
    return b;
  }

  /** Returns the number of Slack interactions the burst made. */
  static int interactions(int n) {
    return INTERACTIONS_PER_TECHNICIAN * n;
  }

  private void go(BotRig w, Driver d, int n) throws Exception {
    List<SandboxTicket> open = Tickets.open(w.sandbox.state());
    long commentsBefore = burstComments(w);
    List<DemoUser> users = w.users.subList(0, Math.min(n, w.users.size()));
    CyclicBarrier gate = new CyclicBarrier(n);
    AtomicLong confirmsReleased = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(n);
    long wall0 = System.nanoTime();
    try {
      List<Callable<Void>> writers = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        String u = users.get(i).id();
        SandboxTicket t = open.get(i % open.size());
        String body = "Burst comment " + (i + 1) + ": checked the backups.";
        writers.add(() -> {
          Set<String> before = d.seen(u);
          gate.await();
          boolean alive = acked(d.command(u, "/syncro comment " + t.number()), slash);
          if (alive) {
            d.awaitForm(u, "body");
          }
          gate.await();
          alive = alive && acked(d.submit(u, Map.of("subject", "Update", "body", body)), submits);
          SimMessage preview = !alive ? null
              : d.awaitNew(u, before, m -> m.buttons().contains("Confirm") && m.allText().contains(body));
          gate.await();
          confirmsReleased.compareAndSet(0, System.nanoTime());
          if (preview != null) {
            acked(d.click(u, preview, "Confirm"), clicks);
            // Even a click Slack gave up on reached the bot: the plan runs to its end.
            d.awaitChanged(preview.ts(), m -> m.allText().contains("Done."));
            lastDone.accumulateAndGet(System.nanoTime(), Math::max);
            confirmed.incrementAndGet();
          }
          return null;
        });
      }
      all(pool, writers);
      for (int round = 0; round < 2; round++) {
        List<Callable<Void>> readers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          String u = users.get(i).id();
          SandboxTicket t = open.get((i + round) % open.size());
          boolean list = (i + round) % 2 == 0;
          readers.add(() -> {
            Set<String> before = d.seen(u);
            gate.await();
            if (acked(d.command(u, list ? "/syncro" : "/syncro ticket " + t.number()), slash)) {
              d.awaitNew(u, before, m -> u.equals(m.ephemeralTo())
                  && m.allText().contains(list ? "open ticket" : "#" + t.number()));
            }
            return null;
          });
        }
        all(pool, readers);
      }
    } finally {
      pool.shutdownNow();
    }
    wallSeconds = (System.nanoTime() - wall0) / 1e9;
    confirmsSeconds = (lastDone.get() - confirmsReleased.get()) / 1e9;
    long comments = burstComments(w) - commentsBefore;
    if (comments != confirmed.get()) {
      throw new IllegalStateException(confirmed.get() + " confirmed plans made " + comments + " comments");
    }
  }

  private static long burstComments(BotRig w) {
    return w.sandbox.state().comments().values().stream().flatMap(List::stream)
        .filter(c -> c.body().startsWith("Burst comment")).count();
  }

  /** Returns how many plans were confirmed and shown "Done." (each made exactly one comment). */
  int confirmed() {
    return confirmed.get();
  }

  /** Records an ack; a request without an ack in time counts with the time Slack waited. */
  private boolean acked(Driver.Ack a, List<Double> into) {
    into.add(a.ms());
    if (!a.ok()) {
      boolean timeout = "operation_timeout".equals(a.ack().failure());
      (timeout ? timeouts : refused).incrementAndGet();
      System.err.println(timeout ? "  no ack in time: " + a.ack() : "  refused: " + a.ack());
    }
    return a.ok();
  }

  private static void all(ExecutorService pool, List<Callable<Void>> tasks) throws Exception {
    List<Future<Void>> fs = new ArrayList<>();
    for (Callable<Void> t : tasks) {
      fs.add(pool.submit(t));
    }
    for (Future<Void> f : fs) {
      f.get(3, TimeUnit.MINUTES);
    }
  }
}
