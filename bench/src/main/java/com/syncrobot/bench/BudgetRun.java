package com.syncrobot.bench;

import com.syncrobot.playground.sandbox.RequestLog;
import com.syncrobot.playground.slack.SimMessage;
import com.syncrobot.testkit.BotRig;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * {@code budgetCommands} × {@code /syncro ticket N} (each N its own ticket, two Syncro calls each),
 * sent evenly over {@code budgetSpread} by {@code budgetTechnicians} technicians in turn, with L per
 * request. Then waits until every command is answered or nothing changed for two minutes, and counts:
 * the sandbox's busiest 60-second window, its 429s, and each command's outcome — answered (the
 * ticket's detail reached the technician), told (the ack said busy, or another reply reached the
 * technician that is not an answer: a "queued" notice), or lost (neither).
 */
final class BudgetRun {
  private static final Duration QUIET = Duration.ofMinutes(2);
  private static final Duration CAP = Duration.ofMinutes(12);

  private record Sent(String user, String subject, Instant at, Driver.Ack ack) {}

  private final Bench b;
  private final Results r;

  BudgetRun(Bench b) {
    this.b = b;
    this.r = b.results;
  }

  void run() throws Exception {
    int n = b.options.budgetCommands();
    int techs = b.options.budgetTechnicians();
    try (BotRig w = b.world(techs); BotProcess bot = b.startBot(w)) {
      List<Long> numbers = w.sandbox.addOpenTickets(n);
      w.sandbox.faults().latency(b.options.latency());
      w.sandbox.requestLog().clear();
      Driver d = new Driver(w.sim);
      AtomicReferenceArray<Sent> sent = new AtomicReferenceArray<>(n);
      CountDownLatch issued = new CountDownLatch(n);
      ScheduledExecutorService clock = Executors.newScheduledThreadPool(techs);
      long stepNanos = b.options.budgetSpread().toNanos() / n;
      long t0 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        int k = i;
        String user = w.users.get(i % techs).id();
        clock.schedule(() -> {
          try {
            Instant at = Instant.now();
            sent.set(k, new Sent(user, "Load ticket " + (k + 1) + ":", at,
                d.command(user, "/syncro ticket " + numbers.get(k))));
          } finally {
            issued.countDown();
          }
        }, k * stepNanos, TimeUnit.NANOSECONDS);
      }
      issued.await(b.options.budgetSpread().toSeconds() + 60, TimeUnit.SECONDS);
      clock.shutdown();
      double issueSeconds = (System.nanoTime() - t0) / 1e9;

      Map<Integer, Instant> answered = new HashMap<>();
      long lastChange = System.nanoTime();
      int known = -1;
      while (System.nanoTime() - t0 < CAP.toNanos() && System.nanoTime() - lastChange < QUIET.toNanos()) {
        answered = answers(w, sent);
        if (answered.size() != known) {
          known = answered.size();
          lastChange = System.nanoTime();
        }
        if (answered.size() + refusedAcks(sent, answered) >= n) {
          break;
        }
        Thread.sleep(1000);
      }
      double wall = (System.nanoTime() - t0) / 1e9;

      int told = 0;
      int queuedAnswered = 0;
      int queuedNeverAnswered = 0;
      int lost = 0;
      int ackFailed = 0;
      Map<String, Integer> unansweredOf = new HashMap<>();
      Map<String, Integer> ackRepliesOf = new HashMap<>();
      List<Double> answerSeconds = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        Sent s = sent.get(i);
        if (s == null) {
          lost++;
          continue;
        }
        if (!s.ack().ok()) {
          ackFailed++;
        } else if (!s.ack().ack().body().isBlank()) {
          ackRepliesOf.merge(s.user(), 1, Integer::sum);
        }
        if (answered.containsKey(i)) {
          answerSeconds.add(Duration.between(s.at(), answered.get(i)).toMillis() / 1000.0);
          queuedAnswered += queued(s) ? 1 : 0;
        } else if (queued(s)) {
          queuedNeverAnswered++;
        } else if (s.ack().ok() && !s.ack().ack().body().isBlank()) {
          told++;
        } else {
          unansweredOf.merge(s.user(), 1, Integer::sum);
        }
      }
      // Replies that are neither an answer nor an ack's own text are notices (e.g. "queued"): each may
      // account for one unanswered command of the same technician.
      for (Map.Entry<String, Integer> e : unansweredOf.entrySet()) {
        int notices = (int) Math.max(0, nonAnswers(w, e.getKey()) - ackRepliesOf.getOrDefault(e.getKey(), 0));
        int covered = Math.min(notices, e.getValue());
        told += covered;
        lost += e.getValue() - covered;
      }
      List<RequestLog.Entry> log = w.sandbox.requestLog().entries();
      writeLog(w.dir.resolve("requests.tsv"), log);
      Section s = new Section(r);
      s.count("max Syncro requests in any 60 s window", w.sandbox.requestLog().maxInAnyWindow(Duration.ofSeconds(60)),
          "must be ≤ 180");
      s.count("Syncro 429 answers", log.stream().filter(e -> e.status() == 429).count(), "");
      s.count("Syncro requests in all", log.size(), "");
      s.count("commands sent", n, String.format(java.util.Locale.ROOT, "over %.1f s", issueSeconds));
      s.count("answered", answered.size(), "");
      s.count("  of which acked \"Queued … about N s\" first", queuedAnswered, "the answer came by itself later");
      s.count("told \"queued\", answer never came", queuedNeverAnswered, "must be 0");
      s.count("told busy (refused at once: try again)", told, "");
      s.count("lost (neither answered nor told)", lost, "must be 0");
      s.count("acks failed (Slack shows an error)", ackFailed, "");
      r.add(Bench.BUDGET, "answer time p50 (command → detail shown)", Results.Unit.S,
          Stats.percentile(answerSeconds, 50));
      r.add(Bench.BUDGET, "answer time max", Results.Unit.S, Stats.max(answerSeconds));
      r.add(Bench.BUDGET, "wall time (first command → last outcome)", Results.Unit.S, wall);
    }
  }

  /** Adds count rows to section 5. */
  private record Section(Results r) {
    void count(String label, double value, String note) {
      r.add(Bench.BUDGET, label, Results.Unit.COUNT, value);
      if (!note.isEmpty()) {
        r.note(Bench.BUDGET, label, Results.Unit.COUNT, note);
      }
    }
  }

  /** Keeps the request log beside the bot's log, for a look at the busiest window afterwards. */
  static void writeLog(Path file, List<RequestLog.Entry> log) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("time\tmethod\tpath\tstatus\ttech");
    for (RequestLog.Entry e : log) {
      lines.add(e.time() + "\t" + e.method() + "\t" + e.path() + "\t" + e.status() + "\t" + e.techId());
    }
    Files.write(file, lines);
  }

  /** Commands not answered whose ack said something other than "queued" (e.g. busy): nothing more will come. */
  private static int refusedAcks(AtomicReferenceArray<Sent> sent, Map<Integer, Instant> answered) {
    int n = 0;
    for (int i = 0; i < sent.length(); i++) {
      Sent s = sent.get(i);
      n += s != null && !answered.containsKey(i) && s.ack().ok() && !s.ack().ack().body().isBlank() && !queued(s)
          ? 1 : 0;
    }
    return n;
  }

  /** The ack said the answer is queued behind Syncro's request budget and will come by itself. */
  private static boolean queued(Sent s) {
    return s.ack().ok() && s.ack().ack().body().contains("Queued");
  }

  /** Command index → when its answer was posted (the message's ts, on the simulator's clock). */
  private static Map<Integer, Instant> answers(BotRig w, AtomicReferenceArray<Sent> sent) {
    Map<String, Instant> bySubjectAndUser = new HashMap<>();
    for (SimMessage m : w.sim.messages(Driver.CHANNEL)) {
      if (m.fromBot() && m.ephemeralTo() != null) {
        String text = m.allText();
        int at = text.indexOf("Load ticket ");
        if (at >= 0) {
          int colon = text.indexOf(':', at);
          if (colon > 0) {
            bySubjectAndUser.putIfAbsent(m.ephemeralTo() + "|" + text.substring(at, colon + 1), ts(m.ts()));
          }
        }
      }
    }
    Map<Integer, Instant> out = new HashMap<>();
    for (int i = 0; i < sent.length(); i++) {
      Sent s = sent.get(i);
      if (s != null) {
        Instant t = bySubjectAndUser.get(s.user() + "|" + s.subject());
        if (t != null) {
          out.put(i, t);
        }
      }
    }
    return out;
  }

  /** How many bot replies to {@code user} are not a ticket's detail. */
  private static long nonAnswers(BotRig w, String user) {
    return w.sim.messages(Driver.CHANNEL).stream()
        .filter(m -> m.fromBot() && user.equals(m.ephemeralTo()) && !m.allText().contains("Load ticket ")).count();
  }

  private static Instant ts(String ts) {
    BigDecimal micros = new BigDecimal(ts).movePointRight(6);
    return Instant.EPOCH.plus(Duration.ofNanos(micros.longValueExact() * 1000));
  }
}
