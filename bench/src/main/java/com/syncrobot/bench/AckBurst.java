package com.syncrobot.bench;

import com.syncrobot.playground.sandbox.model.SandboxTicket;
import com.syncrobot.testkit.BotRig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * N technicians at once ({@link Burst}) on the child-JVM bot, for each size of {@code --bursts} (20 and 60)
 * on a fresh bot, reported side by side. Before the measured burst the bot has met one burst of up to
 * {@link #WARM_BURST} technicians (the first after its start, while the JIT still compiles its paths; reported
 * apart) and then a quiet minute, so Syncro's request budget is whole again: the measured burst meets a bot
 * that has been running for a while, as technicians mostly do. Also the bot's footprint idle (warmed up, then
 * 3 s without traffic) and after each burst.
 */
final class AckBurst {
  /** Technicians in the burst that precedes the measured one. */
  static final int WARM_BURST = 20;
  /** The quiet time after it: the budget's window (a minute) and a second to spare. */
  private static final long BUDGET_WINDOW_MS = 61_000;

  private final Bench b;
  private final Results r;

  AckBurst(Bench b) {
    this.b = b;
    this.r = b.results;
  }

  void run() throws Exception {
    for (int n : b.options.bursts()) {
      run(n);
    }
  }

  private void run(int n) throws Exception {
    try (BotRig w = b.world(n); BotProcess bot = b.startBot(w)) {
      Driver d = new Driver(w.sim);
      List<SandboxTicket> billable = Tickets.billable(w.sandbox.state());
      b.warmup(w, d, w.users.get(0).id(), billable.subList(0, Warmup.ROUNDS));
      Thread.sleep(3000);
      footprint(bot, "idle (warmed up)");
      w.sandbox.faults().latency(b.options.latency());
      Burst first = Burst.run(w, d, Math.min(n, WARM_BURST));
      if (n == WARM_BURST) {
        String what = "first burst of " + n + " after start (JIT still compiling): ";
        b.ackRows(what + "slash command", first.slash, false);
        b.ackRows(what + "modal submit", first.submits, false);
        b.ackRows(what + "button click (Confirm)", first.clicks, false);
      }
      Thread.sleep(BUDGET_WINDOW_MS);
      long cpu0 = cpuTicks(bot.pid());
      Burst burst = Burst.run(w, d, n);
      double cpu = (cpuTicks(bot.pid()) - cpu0) / 100.0;
      b.ackRows("burst of " + n + ": slash command", burst.slash);
      b.ackRows("burst of " + n + ": modal submit", burst.submits);
      b.ackRows("burst of " + n + ": button click (Confirm)", burst.clicks);
      r.add(Bench.ACK, "burst of " + n + ": acks over Slack's 3 s", Results.Unit.COUNT, burst.timeouts.get());
      r.note(Bench.ACK, "burst of " + n + ": acks over Slack's 3 s", Results.Unit.COUNT, "Slack shows "
          + "operation_timeout; counted above as 3000 ms");
      r.add(Bench.ACK, "burst of " + n + ": refused as busy", Results.Unit.COUNT, burst.refused.get());
      r.note(Bench.ACK, "burst of " + n + ": refused as busy", Results.Unit.COUNT, "503 \"busy, try "
          + "again\": more requests in flight than the bot takes, for longer than a request waits its turn");
      footprint(bot, "after the burst of " + n);
      r.add(Bench.FOOTPRINT, "bot CPU during the burst (" + n + " comment flows + " + 2 * n + " reads)",
          Results.Unit.S, cpu);
      r.note(Bench.FOOTPRINT, "bot CPU during the burst (" + n + " comment flows + " + 2 * n + " reads)",
          Results.Unit.S, "CPU seconds, in about " + Math.round(burst.wallSeconds) + " s of wall time");
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
