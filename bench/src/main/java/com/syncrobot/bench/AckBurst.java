package com.syncrobot.bench;

import com.syncrobot.playground.sandbox.model.SandboxTicket;
import com.syncrobot.playground.slack.DemoUser;
import com.syncrobot.playground.slack.SimMessage;
import com.syncrobot.testkit.BotRig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

/**
 * Twenty technicians at once, each step released by a barrier: {@code /syncro comment N} together,
 * their modal submissions together, their Confirm clicks together, then twice a mix of {@code /syncro}
 * and {@code /syncro ticket N} together. A request Slack would have given up on (no ack in 3 s) counts
 * with the 3 s it waited and in its own row. Also the bot's footprint idle (warmed up, then 3 s
 * without traffic) and after the burst.
 */
final class AckBurst {
  private final Bench b;
  private final Results r;
  private final AtomicInteger timeouts = new AtomicInteger();

  AckBurst(Bench b) {
    this.b = b;
    this.r = b.results;
  }

  void run() throws Exception {
    int n = b.options.burst();
    try (BotRig w = b.world(n); BotProcess bot = b.startBot(w)) {
      Driver d = new Driver(w.sim);
      List<SandboxTicket> billable = Tickets.billable(w.sandbox.state());
      b.warmup(w, d, w.users.get(0).id(), billable.subList(0, Warmup.ROUNDS));
      Thread.sleep(3000);
      footprint(bot, "idle (warmed up)");
      w.sandbox.faults().latency(b.options.latency());
      List<SandboxTicket> open = Tickets.open(w.sandbox.state());
      List<Double> slash = Collections.synchronizedList(new ArrayList<>());
      List<Double> submits = Collections.synchronizedList(new ArrayList<>());
      List<Double> clicks = Collections.synchronizedList(new ArrayList<>());
      List<DemoUser> users = w.users.subList(0, Math.min(n, w.users.size()));
      CyclicBarrier gate = new CyclicBarrier(n);
      AtomicInteger confirmed = new AtomicInteger();
      ExecutorService pool = Executors.newFixedThreadPool(n);
      long cpu0 = cpuTicks(bot.pid());
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
            if (preview != null) {
              acked(d.click(u, preview, "Confirm"), clicks);
              // Even a click Slack gave up on reached the bot: the plan runs to its end.
              d.awaitChanged(preview.ts(), m -> m.allText().contains("Done."));
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
      double wall = (System.nanoTime() - wall0) / 1e9;
      double cpu = (cpuTicks(bot.pid()) - cpu0) / 100.0;
      b.ackRows("burst of " + n + ": slash command", slash);
      b.ackRows("burst of " + n + ": modal submit", submits);
      b.ackRows("burst of " + n + ": button click (Confirm)", clicks);
      r.add(Bench.ACK, "burst of " + n + ": acks over Slack's 3 s", Results.Unit.COUNT, timeouts.get());
      r.note(Bench.ACK, "burst of " + n + ": acks over Slack's 3 s", Results.Unit.COUNT, "Slack shows "
          + "operation_timeout; counted above as 3000 ms");
      long comments = w.sandbox.state().comments().values().stream().flatMap(List::stream)
          .filter(c -> c.body().startsWith("Burst comment")).count();
      if (comments != confirmed.get()) {
        throw new IllegalStateException(confirmed.get() + " confirmed plans made " + comments + " comments");
      }
      footprint(bot, "after the burst");
      r.add(Bench.FOOTPRINT, "bot CPU during the burst (" + n + " comment flows + " + 2 * n + " reads)",
          Results.Unit.S, cpu);
      r.note(Bench.FOOTPRINT, "bot CPU during the burst (" + n + " comment flows + " + 2 * n + " reads)",
          Results.Unit.S, "CPU seconds, in about " + Math.round(wall) + " s of wall time");
    }
  }

  /** Records an ack; a request without an ack in time counts with the time Slack waited. */
  private boolean acked(Driver.Ack a, List<Double> into) {
    into.add(a.ms());
    if (!a.ok()) {
      timeouts.incrementAndGet();
      System.err.println("  no ack in time: " + a.ack());
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

  /** Returns the process's user + system CPU time in clock ticks (1/100 s on Linux), from /proc. */
  private static long cpuTicks(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(f[11]) + Long.parseLong(f[12]);
  }

  private void footprint(BotProcess bot, String when) throws Exception {
    r.add(Bench.FOOTPRINT, "RSS, " + when, Results.Unit.MB, bot.rssMb());
    r.add(Bench.FOOTPRINT, "heap used, " + when, Results.Unit.MB, bot.heapUsedMb(false));
    r.add(Bench.FOOTPRINT, "heap live after full GC, " + when, Results.Unit.MB, bot.heapUsedMb(true));
  }
}
