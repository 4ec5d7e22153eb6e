package com.syncrobot.bench;

import com.syncrobot.playground.sandbox.RequestLog;
import com.syncrobot.playground.sandbox.model.SandboxTicket;
import com.syncrobot.testkit.BotRig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * {@code /syncro digest now} over the seed plus {@code digestTickets} open tickets, with L per
 * request: the digest's requests and wall time (command → "Posted the digest"), and, while it runs,
 * another technician's {@code /syncro ticket N} every few seconds (command → answer), next to the
 * same command on the idle bot just before.
 */
final class DigestLoad {
  private static final Duration SPACING = Duration.ofSeconds(3);

  private final Bench b;
  private final Results r;

  DigestLoad(Bench b) {
    this.b = b;
    this.r = b.results;
  }

  void run() throws Exception {
    try (BotRig w = b.world(2); BotProcess bot = b.startBot(w)) {
      Driver d = new Driver(w.sim);
      String digester = w.users.get(0).id();
      String asker = w.users.get(1).id();
      // Lightly: a full warm-up's requests would still count against this minute's budget.
      b.warmup(w, d, asker, List.of());
      w.sandbox.addOpenTickets(b.options.digestTickets());
      w.sandbox.faults().latency(b.options.latency());
      List<SandboxTicket> open = Tickets.open(w.sandbox.state());
      int k = 1;
      double idle = ask(d, asker, open.get(k++));
      r.add(Bench.DIGEST, "/syncro ticket N on the idle bot", Results.Unit.MS, idle);

      Set<String> before = d.seen(digester);
      w.sandbox.requestLog().clear();
      Instant from = Instant.now();
      Driver.Ack a = d.command(digester, "/syncro digest now");
      if (!a.ok()) {
        throw new IllegalStateException("digest command not acked: " + a.ack());
      }
      int during = 0;
      long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
      while (!posted(d, digester, before)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("no digest within 5 minutes; the digester sees: " + d.seenMessages(digester)
              .stream().filter(m -> !before.contains(m.ts())).map(m -> m.allText()).toList());
        }
        Thread.sleep(SPACING.toMillis());
        if (posted(d, digester, before)) {
          break;
        }
        double ms = ask(d, asker, open.get(k++ % open.size()));
        if (!posted(d, digester, before)) {
          r.add(Bench.DIGEST, "/syncro ticket N while the digest runs", Results.Unit.MS, ms);
          during++;
        }
      }
      double wall = Driver.millisSince(a.sentNanos());
      Instant to = Instant.now();
      List<RequestLog.Entry> entries = w.sandbox.requestLog().entries();
      BudgetRun.writeLog(w.dir.resolve("requests.tsv"), entries);
      // The interactive commands' own requests are the asker's technician's; the digest reads with the digester's.
      long tech = w.techOf.get(digester);
      List<RequestLog.Entry> digest = entries.stream().filter(e -> !e.time().isBefore(from) && !e.time().isAfter(to)
          && Long.valueOf(tech).equals(e.techId())).toList();
      long digestCalls = digest.size();
      long posts = d.seenMessages(digester).stream().filter(m -> m.fromBot() && !m.isEphemeral()
          && !before.contains(m.ts())).count();
      r.add(Bench.DIGEST, "digest Syncro requests", Results.Unit.COUNT, digestCalls);
      r.note(Bench.DIGEST, "digest Syncro requests", Results.Unit.COUNT, "pages of open tickets (" + open.size()
          + " open, 25 a page), pages of Resolved ones, ≤ 100 ticket reads for line items");
      r.add(Bench.DIGEST, "digest wall time (command → posted)", Results.Unit.S, wall / 1000);
      if (!digest.isEmpty()) {
        r.add(Bench.DIGEST, "  of which Syncro reads (first → last request)", Results.Unit.S,
            Duration.between(digest.get(0).time(), digest.get(digest.size() - 1).time()).toMillis() / 1000.0);
      }
      r.add(Bench.DIGEST, "  Slack messages posted (main + thread replies)", Results.Unit.COUNT, posts);
      r.note(Bench.DIGEST, "  Slack messages posted (main + thread replies)", Results.Unit.COUNT,
          "thread replies are paced 1.1 s apart (Slack's one message per second per channel)");
      r.add(Bench.DIGEST, "max requests in any 60 s during the digest", Results.Unit.COUNT,
          w.sandbox.requestLog().maxInAnyWindow(Duration.ofSeconds(60)));
      r.note(Bench.DIGEST, "/syncro ticket N while the digest runs", Results.Unit.MS, during + " per repetition");
    }
  }

  private static boolean posted(Driver d, String user, Set<String> before) {
    for (var m : d.seenMessages(user)) {
      if (m.fromBot() && !before.contains(m.ts()) && user.equals(m.ephemeralTo())) {
        if (m.allText().contains("Posted the digest")) {
          return true;
        }
        if (m.allText().contains("No digest was posted") || m.allText().contains("could not post")) {
          throw new IllegalStateException("the digest failed: " + m.allText());
        }
      }
    }
    return false;
  }

  /** Runs {@code /syncro ticket N} and returns the time from sending it to the answer, in ms. */
  private static double ask(Driver d, String user, SandboxTicket t) throws Exception {
    Set<String> before = d.seen(user);
    Driver.Ack a = d.command(user, "/syncro ticket " + t.number());
    if (!a.ok()) {
      throw new IllegalStateException("ticket command not acked: " + a.ack());
    }
    d.awaitNew(user, before, m -> user.equals(m.ephemeralTo()) && m.allText().contains("#" + t.number()));
    return Driver.millisSince(a.sentNanos());
  }
}
