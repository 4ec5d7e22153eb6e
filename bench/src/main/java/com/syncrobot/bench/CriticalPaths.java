package com.syncrobot.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.syncrobot.playground.sandbox.RequestLog;
import com.syncrobot.playground.sandbox.model.SandboxState;
import com.syncrobot.playground.sandbox.model.SandboxTicket;
import com.syncrobot.playground.slack.SimMessage;
import com.syncrobot.playground.slack.SimModal;
import com.syncrobot.testkit.BotRig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One technician, nothing else running: {@code /syncro}, {@code /syncro ticket N}, {@code /syncro bill
 * N} (45 min remote, Confirm → ticket Invoiced in the sandbox) and {@code /syncro create CUSTOMER}
 * (Confirm → the ticket and its Initial Issue comment in the sandbox), each {@code rounds} times on a
 * warmed-up bot with the sandbox adding L to every request; then a comment, a status change and a close,
 * whose Syncro requests are counted. The acks of these requests are the
 * "idle" ack samples.
 */
final class CriticalPaths {
  private static final String LIST = "/syncro (list)";
  private static final String TICKET = "/syncro ticket N";
  private static final String BILL = "/syncro bill N";
  private static final String CREATE = "/syncro create";
  private static final String COMMENT = "/syncro comment N";
  private static final String CLOSE = "/syncro close N";
  private static final String STATUS = "/syncro update N (status)";
  /** One customer per round, none of them the warm-up's, so each create searches and reads its customer. */
  private static final List<String> CUSTOMERS = List.of("Kestrel Architecture", "Desert Bloom Florist",
      "Ocotillo Veterinary Clinic", "Saguaro Landscaping LLC", "Hollis & Pratt CPAs");

  private final Bench b;
  private final Results r;
  private final Duration latency;
  private final List<Double> slash = new ArrayList<>();
  private final List<Double> submits = new ArrayList<>();
  private final List<Double> clicks = new ArrayList<>();

  CriticalPaths(Bench b) {
    this.b = b;
    this.r = b.results;
    this.latency = b.options.latency();
  }

  void run() throws Exception {
    try (BotRig w = b.world(1); BotProcess bot = b.startBot(w)) {
      Driver d = new Driver(w.sim);
      String u = w.users.get(0).id();
      List<SandboxTicket> open = Tickets.open(w.sandbox.state());
      List<SandboxTicket> billable = Tickets.billable(w.sandbox.state());
      int rounds = b.options.rounds();
      if (billable.size() < rounds + Warmup.ROUNDS) {
        throw new IllegalStateException("only " + billable.size() + " billable tickets for " + rounds + " rounds");
      }
      b.warmup(w, d, u, billable.subList(rounds, rounds + Warmup.ROUNDS));
      w.sandbox.faults().latency(latency);
      // comment, status change and close write to open tickets no bill of this run touches
      List<SandboxTicket> others = open.stream()
          .filter(t -> !billable.subList(0, rounds + Warmup.ROUNDS).contains(t)).toList();
      if (others.size() < 2 * rounds) {
        throw new IllegalStateException("only " + others.size() + " other open tickets for " + rounds + " rounds");
      }
      for (int round = 1; round <= rounds; round++) {
        list(w, d, u);
        ticket(w, d, u, open.get(round % open.size()));
        bill(w, d, u, billable.get(round - 1), round);
        create(w, d, u, round);
        long n = others.get(round - 1).number();
        write(w, d, u, COMMENT, "/syncro comment " + n, "body", Map.of("body", "Bench round " + round
            + ": called the customer back."), "by hand: 2 (number → id, comment)");
        write(w, d, u, STATUS, "/syncro update " + n + " Waiting on Customer", "status", Map.of(),
            "by hand: 2 (number → id, status); the account's statuses are cached (10 min)");
        write(w, d, u, CLOSE, "/syncro close " + others.get(rounds + round - 1).number(), "body",
            Map.of("body", "Bench round " + round + ": replaced the fuser."),
            "by hand: 3 (number → id, resolution comment, status)");
      }
      b.ackRows("idle: slash command", slash);
      b.ackRows("idle: modal submit", submits);
      b.ackRows("idle: button click (Confirm)", clicks);
    }
  }

  private void list(BotRig w, Driver d, String u) throws Exception {
    Set<String> before = d.seen(u);
    w.sandbox.requestLog().clear();
    Instant from = Instant.now();
    Driver.Ack a = acked(d.command(u, "/syncro"), slash);
    d.awaitNew(u, before, m -> m.allText().contains("open ticket"));
    double ms = Driver.millisSince(a.sentNanos());
    Instant to = Instant.now();
    record(LIST, ms, w, from, to);
    requests(w, LIST, from, "by hand: the same pages of GET /tickets?status=Not Closed (25 a page)");
  }

  private void ticket(BotRig w, Driver d, String u, SandboxTicket t) throws Exception {
    Set<String> before = d.seen(u);
    w.sandbox.requestLog().clear();
    Instant from = Instant.now();
    Driver.Ack a = acked(d.command(u, "/syncro ticket " + t.number()), slash);
    d.awaitNew(u, before, m -> m.allText().contains("#" + t.number()));
    double ms = Driver.millisSince(a.sentNanos());
    Instant to = Instant.now();
    record(TICKET, ms, w, from, to);
    requests(w, TICKET, from, "by hand: 2 (number → id, ticket)");
  }

  private void bill(BotRig w, Driver d, String u, SandboxTicket t, int round) throws Exception {
    w.sandbox.requestLog().clear();
    Instant start = Instant.now();
    int setups = b.connectionSetups();
    Bill bill = bill(w, d, u, t, "Bench round " + round + ": cleaned up the mail rules.");
    if (setups >= 0) {
      r.add(Bench.CRITICAL, "bill: new HTTPS connections (command → Invoiced)", Results.Unit.COUNT,
          b.connectionSetups() - setups);
    }
    slash.add(bill.command().ms());
    submits.add(bill.submit().ms());
    clicks.add(bill.click().ms());
    r.add(Bench.CRITICAL, "bill: command → form ready", Results.Unit.MS, bill.formMs());
    r.add(Bench.CRITICAL, "bill: submit → preview shown", Results.Unit.MS, bill.previewMs());
    record(BILL, bill.invoicedMs(), w, bill.from(), bill.to());
    r.add(Bench.CRITICAL, "bill: Confirm → \"Done.\" shown", Results.Unit.MS, bill.doneMs());
    requests(w, BILL, start, "by hand: 8 (number → id, ticket, customer, comment, line item, invoice, invoice "
        + "read-back, status)");
  }

  /**
   * One bill's timings: the three acks, command → form ready, submit → preview shown, Confirm → ticket
   * Invoiced in the sandbox ({@code from}..{@code to} is that interval) and Confirm → "Done." shown.
   */
  record Bill(Driver.Ack command, double formMs, Driver.Ack submit, double previewMs, Driver.Ack click,
      double invoicedMs, double doneMs, Instant from, Instant to) {}

  /**
   * Bills 45 min remote with {@code work} on {@code t} (an open ticket of {@link Tickets#billable}) and
   * confirms it; checks the preview showed $112.50 and the ticket got one invoice of 112.50.
   */
  static Bill bill(BotRig w, Driver d, String u, SandboxTicket t, String work) throws Exception {
    Set<String> before = d.seen(u);
    Driver.Ack c = acked(d.command(u, "/syncro bill " + t.number()));
    d.awaitForm(u, "minutes");
    double formMs = Driver.millisSince(c.sentNanos());
    Driver.Ack s = acked(d.submit(u, Map.of("minutes", "45", "labour", "remote", "work", work)));
    SimMessage preview = d.awaitNew(u, before, m -> m.buttons().contains("Confirm") && m.allText().contains(work));
    double previewMs = Driver.millisSince(s.sentNanos());
    if (!preview.allText().contains("112.50")) {
      throw new IllegalStateException("the bill preview does not show 112.50: " + preview.allText());
    }
    Instant from = Instant.now();
    Driver.Ack k = acked(d.click(u, preview, "Confirm"));
    Driver.poll(() -> w.sandbox.state().ticket(t.id()).map(x -> x.status().equals("Invoiced")).orElse(false),
        Driver.WAIT, "ticket " + t.number() + " Invoiced");
    double invoicedMs = Driver.millisSince(k.sentNanos());
    Instant to = Instant.now();
    d.awaitChanged(preview.ts(), m -> m.allText().contains("Done."));
    double doneMs = Driver.millisSince(k.sentNanos());
    SandboxState st = w.sandbox.state();
    if (st.invoicesOf(t.id()).size() != 1 || st.invoicesOf(t.id()).get(0).total().compareTo(
        new java.math.BigDecimal("112.50")) != 0) {
      throw new IllegalStateException("ticket " + t.number() + " was not invoiced once at 112.50: "
          + st.invoicesOf(t.id()));
    }
    return new Bill(c, formMs, s, previewMs, k, invoicedMs, doneMs, from, to);
  }

  private void create(BotRig w, Driver d, String u, int round) throws Exception {
    String subject = "Bench round " + round + ": label printer offline";
    Set<String> before = d.seen(u);
    w.sandbox.requestLog().clear();
    Instant start = Instant.now();
    String customer = CUSTOMERS.get((round - 1) % CUSTOMERS.size());
    Driver.Ack c = acked(d.command(u, "/syncro create " + customer), slash);
    SimModal form = d.awaitForm(u, "subject");
    if (!prefilled(form)) {
      throw new IllegalStateException("the create form did not choose " + customer);
    }
    r.add(Bench.CRITICAL, "create: command → form ready", Results.Unit.MS, Driver.millisSince(c.sentNanos()));
    Driver.Ack s = acked(d.submit(u, Map.of("subject", subject, "issue_type", issueType(form),
        "description", "The label printer at the front desk shows offline.\nRestarted it once.")), submits);
    SimMessage preview = d.awaitNew(u, before, m -> m.buttons().contains("Confirm") && m.allText().contains(subject));
    r.add(Bench.CRITICAL, "create: submit → preview shown", Results.Unit.MS, Driver.millisSince(s.sentNanos()));
    Instant from = Instant.now();
    Driver.Ack k = acked(d.click(u, preview, "Confirm"), clicks);
    Driver.poll(() -> {
      SandboxState st = w.sandbox.state();
      return st.tickets().stream().anyMatch(t -> t.subject().equals(subject) && !st.commentsOf(t.id()).isEmpty());
    }, Driver.WAIT, "the created ticket");
    double ms = Driver.millisSince(k.sentNanos());
    Instant to = Instant.now();
    record(CREATE, ms, w, from, to);
    d.awaitChanged(preview.ts(), m -> m.allText().contains("Done."));
    requests(w, CREATE, start, "by hand: 4 (customer search, customer with contacts, ticket, Initial Issue "
        + "comment); the account's lists are cached (10 min)");
  }

  /**
   * One comment, status change or close: the command, its form submitted with {@code values} (the rest as
   * the form fills it), Confirm, until "Done."; counts its Syncro requests. Its acks are not idle samples.
   */
  private void write(BotRig w, Driver d, String u, String row, String command, String formBlock,
      Map<String, ?> values, String byHand) throws Exception {
    Set<String> before = d.seen(u);
    w.sandbox.requestLog().clear();
    Instant start = Instant.now();
    acked(d.command(u, command));
    d.awaitForm(u, formBlock);
    acked(d.submit(u, values));
    SimMessage preview = d.awaitNew(u, before, m -> m.buttons().contains("Confirm"));
    acked(d.click(u, preview, "Confirm"));
    d.awaitChanged(preview.ts(), m -> m.allText().contains("Done."));
    requests(w, row, start, byHand);
  }

  private static boolean prefilled(SimModal form) {
    for (JsonNode block : form.view().path("blocks")) {
      if (block.path("block_id").asText().equals("customer")) {
        return block.path("element").has("initial_option");
      }
    }
    return false;
  }

  /** The issue type to choose: Hardware when offered, else the first option. */
  static String issueType(SimModal form) {
    for (JsonNode block : form.view().path("blocks")) {
      if (block.path("block_id").asText().equals("issue_type")) {
        String first = null;
        for (JsonNode o : block.path("element").path("options")) {
          String v = o.path("value").asText();
          if (v.equals("Hardware")) {
            return v;
          }
          first = first == null ? v : first;
        }
        if (first != null) {
          return first;
        }
      }
    }
    throw new IllegalStateException("the create form offers no issue type");
  }

  private static Driver.Ack acked(Driver.Ack a, List<Double> into) {
    into.add(acked(a).ms());
    return a;
  }

  private static Driver.Ack acked(Driver.Ack a) {
    if (!a.ok()) {
      throw new IllegalStateException("the bot did not ack: " + a.ack());
    }
    return a;
  }

  /** Records the critical-path rows of one measured interval. */
  private void record(String command, double ms, BotRig w, Instant from, Instant to) throws InterruptedException {
    // The sandbox logs a request just after its route changed the state: give the last entry time to land.
    Thread.sleep(50);
    Waves waves = Waves.of(w.sandbox.requestLog().entries(), from, to, latency);
    if (Boolean.getBoolean("bench.debug")) {
      System.out.printf("%s %.0f ms%n", command, ms);
      for (RequestLog.Entry e : w.sandbox.requestLog().entries()) {
        System.out.printf("  %+6d ms %s %s %d%n", Duration.between(from, e.time()).toMillis(), e.method(), e.path(),
            e.status());
      }
    }
    double l = latency.toNanos() / 1e6;
    r.add(Bench.CRITICAL, command + ": time", Results.Unit.MS, ms);
    r.add(Bench.CRITICAL, command + ": Syncro calls n", Results.Unit.COUNT, waves.calls());
    r.add(Bench.CRITICAL, command + ": waves d (dependent chain)", Results.Unit.COUNT, waves.waves());
    r.add(Bench.CRITICAL, command + ": time ÷ (n × L)", Results.Unit.RATIO, ms / (waves.calls() * l));
    r.add(Bench.CRITICAL, command + ": time ÷ (d × L)", Results.Unit.RATIO, ms / (waves.waves() * l));
  }

  /** Counts the whole job's requests once the bot has gone quiet (no request for 2 L). */
  private void requests(BotRig w, String command, Instant from, String byHand) throws InterruptedException {
    int n = -1;
    while (true) {
      Thread.sleep(latency.multipliedBy(2).toMillis() + 50);
      List<RequestLog.Entry> all = w.sandbox.requestLog().entries();
      int now = (int) all.stream().filter(e -> !e.time().isBefore(from)).count();
      if (now == n) {
        break;
      }
      n = now;
    }
    if (Boolean.getBoolean("bench.debug")) {
      System.out.printf("%s: whole job %d requests%n", command, n);
      for (RequestLog.Entry e : w.sandbox.requestLog().entries()) {
        System.out.printf("  %+6d ms %s %s %d%n", Duration.between(from, e.time()).toMillis(), e.method(), e.path(),
            e.status());
      }
    }
    r.add(Bench.REQUESTS, command, Results.Unit.COUNT, n);
    r.note(Bench.REQUESTS, command, Results.Unit.COUNT, byHand);
  }
}
