package com.syncrobot.bench;

import com.syncrobot.app.BotConfig;
import com.syncrobot.app.BotServer;
import com.syncrobot.playground.sandbox.model.SandboxTicket;
import com.syncrobot.store.ConnectedUserStore;
import com.syncrobot.store.Database;
import com.syncrobot.store.TokenCipher;
import com.syncrobot.syncro.RequestBudget;
import com.syncrobot.syncro.Sleeper;
import com.syncrobot.syncro.SyncroClient;
import com.syncrobot.syncro.SyncroToken;
import com.syncrobot.testkit.BotRig;
import com.syncrobot.testkit.TestPostgres;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.crypto.spec.SecretKeySpec;

/**
 * The same bot on SQLite, on PostgreSQL, and as three replicas sharing one PostgreSQL database: per
 * setup a fresh world of {@code replicaBurst} technicians, the replicas behind a round-robin
 * {@link Balancer}, a warm-up, then {@code rounds} bills by one technician ({@code /syncro bill N},
 * Confirm → ticket Invoiced, as in {@link CriticalPaths}) and the burst of {@link Burst} with all the
 * technicians. Each repetition starts with the next setup, since the first one also warms the bench JVM.
 *
 * <p>The replicas are {@link BotServer}s in the bench JVM, each on its own port and its own connection
 * pool to the one database, not child JVMs: the production jar's Syncro request budget is 180 a minute
 * per process with no setting, and the burst makes several hundred Syncro requests, so child JVMs would
 * measure Syncro's budget (the same minutes for 1 and 3 replicas) rather than the bot and its store. In
 * the bench JVM the replicas share one budget the bench sets far above the burst, and the sandbox's
 * limit is lifted the same way. Their log is held at WARN (the child JVM bots write INFO to a file).
 */
final class Replicas {
  /** Syncro requests per minute for the sandbox and the replicas' one budget: never reached. */
  private static final int UNLIMITED = 1_000_000;

  /** One store and number of replicas. */
  private record Setup(String name, boolean postgres, int replicas) {}

  private static final List<Setup> SETUPS = List.of(new Setup("SQLite, 1 replica", false, 1),
      new Setup("PostgreSQL, 1 replica", true, 1), new Setup("PostgreSQL, 3 replicas", true, 3));

  /** One setup's figures of one repetition. */
  private record Figures(List<Double> invoiced, List<Double> done, List<Double> idleClicks, Burst burst,
      int syncroRequests, List<Integer> served) {}

  private final Bench b;
  private final Results r;
  private final int rep;

  /** The scenario's {@code rep}-th repetition (from 1): the setups start one further on each time. */
  Replicas(Bench b, int rep) {
    this.b = b;
    this.r = b.results;
    this.rep = rep;
  }

  void run() throws Exception {
    Map<Setup, Figures> figures = new LinkedHashMap<>();
    List<String> failed = new ArrayList<>();
    ch.qos.logback.classic.Logger botLog = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
        .getLogger("com.syncrobot");
    ch.qos.logback.classic.Level level = botLog.getLevel();
    botLog.setLevel(ch.qos.logback.classic.Level.WARN);
    try {
      // In one JVM the first setup also warms the bench's own code: each repetition starts with another one.
      List<Setup> order = new ArrayList<>(SETUPS);
      Collections.rotate(order, -(rep - 1));
      for (Setup s : order) {
        if (s.postgres() && !TestPostgres.available()) {
          failed.add(s.name() + ": no PostgreSQL server binaries on this machine (Debian's postgresql package)");
          continue;
        }
        try {
          figures.put(s, one(s));
        } catch (Exception | AssertionError e) {
          failed.add(s.name() + ": " + e);
          e.printStackTrace();
        }
      }
    } finally {
      botLog.setLevel(level);
    }
    record(figures);
    if (!failed.isEmpty()) {
      throw new IllegalStateException(String.join(" | ", failed));
    }
  }

  private Figures one(Setup s) throws Exception {
    int n = b.options.replicaBurst();
    int rounds = b.options.rounds();
    System.out.println("   " + s.name());
    try (BotRig w = b.world(n, UNLIMITED)) {
      String url = w.dbUrl();
      if (s.postgres()) {
        url = TestPostgres.newDatabase();
        connectUsers(w, url);
      }
      RequestBudget budget = new RequestBudget(UNLIMITED, Clock.systemUTC(), Sleeper.system());
      Deque<AutoCloseable> running = new ArrayDeque<>();
      try {
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < s.replicas(); i++) {
          int port = BotRig.freePort();
          Map<String, String> env = w.botEnv();
          env.put(BotConfig.PORT, Integer.toString(port));
          env.put(BotConfig.DB_URL, url);
          running.push(BotServer.start(BotConfig.fromEnv(env), "127.0.0.1", SyncroClient.builder().budget(budget),
              null));
          ports.add(port);
        }
        Balancer lb = Balancer.start(w.botPort, ports);
        running.push(lb);
        Driver d = new Driver(w.sim);
        String u = w.users.get(0).id();
        List<SandboxTicket> billable = Tickets.billable(w.sandbox.state());
        if (billable.size() < rounds + Warmup.ROUNDS) {
          throw new IllegalStateException("only " + billable.size() + " billable tickets for " + rounds + " rounds");
        }
        Warmup.run(w, d, u, billable.subList(rounds, rounds + Warmup.ROUNDS));
        w.sandbox.faults().latency(b.options.latency());
        List<Double> invoiced = new ArrayList<>();
        List<Double> done = new ArrayList<>();
        List<Double> clicks = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
          CriticalPaths.Bill bill = CriticalPaths.bill(w, d, u, billable.get(round - 1),
              "Replica bench round " + round + ": cleaned up the mail rules.");
          invoiced.add(bill.invoicedMs());
          done.add(bill.doneMs());
          clicks.add(bill.click().ms());
        }
        w.sandbox.requestLog().clear();
        Burst burst = Burst.run(w, d, n);
        return new Figures(invoiced, done, clicks, burst, w.sandbox.requestLog().size(), lb.served());
      } finally {
        while (!running.isEmpty()) {
          running.pop().close();
        }
      }
    }
  }

  /** Connects the rig's users in the PostgreSQL store at {@code url}, as the rig did in its SQLite store. */
  private static void connectUsers(BotRig w, String url) {
    byte[] key = Base64.getDecoder().decode(w.botEnv().get(BotConfig.SECRET_KEY));
    try (Database db = Database.open(url)) {
      ConnectedUserStore store = new ConnectedUserStore(db, new TokenCipher(new SecretKeySpec(key, "AES")),
          Clock.systemUTC());
      for (var user : w.users) {
        long tech = w.techOf.get(user.id());
        store.connect(user.id(), tech, user.realName(), new SyncroToken(w.sandbox.seedTokens().get(tech)));
      }
    }
  }

  /** Records the figures one row per measure, the setups side by side under it. */
  private void record(Map<Setup, Figures> measured) {
    Map<Setup, Figures> figures = new LinkedHashMap<>();
    SETUPS.stream().filter(measured::containsKey).forEach(s -> figures.put(s, measured.get(s)));
    int n = b.options.replicaBurst();
    rows(figures, "bill: Confirm → ticket Invoiced", Results.Unit.MS, Figures::invoiced);
    rows(figures, "bill: Confirm → \"Done.\" shown", Results.Unit.MS, Figures::done);
    rows(figures, "bill: Confirm click ack (one technician)", Results.Unit.MS, Figures::idleClicks);
    row(figures, "burst of " + n + ": slash command ack p99", Results.Unit.MS,
        f -> Stats.percentile(f.burst().slash, 99));
    row(figures, "burst of " + n + ": modal submit ack p99", Results.Unit.MS,
        f -> Stats.percentile(f.burst().submits, 99));
    row(figures, "burst of " + n + ": Confirm click ack p99", Results.Unit.MS,
        f -> Stats.percentile(f.burst().clicks, 99));
    row(figures, "burst of " + n + ": acks over Slack's 3 s", Results.Unit.COUNT,
        f -> (double) f.burst().timeouts.get());
    row(figures, "burst of " + n + ": refused as busy (503)", Results.Unit.COUNT,
        f -> (double) f.burst().refused.get());
    row(figures, "burst of " + n + ": wall time", Results.Unit.S, f -> f.burst().wallSeconds);
    row(figures, "burst of " + n + ": throughput, Slack interactions", Results.Unit.RATE,
        f -> Burst.interactions(n) / f.burst().wallSeconds);
    row(figures, "burst of " + n + ": " + n + " Confirms → last \"Done.\"", Results.Unit.S,
        f -> f.burst().confirmsSeconds);
    row(figures, "burst of " + n + ": plans run (each made one comment)", Results.Unit.COUNT,
        f -> (double) f.burst().confirmed());
    row(figures, "burst of " + n + ": Syncro requests", Results.Unit.COUNT, f -> (double) f.syncroRequests());
    for (Map.Entry<Setup, Figures> e : figures.entrySet()) {
      if (e.getKey().replicas() > 1) {
        r.note(Bench.REPLICAS, "burst of " + n + ": plans run (each made one comment) — " + e.getKey().name(),
            Results.Unit.COUNT, "requests per replica (whole run): " + e.getValue().served());
      }
    }
  }

  private void row(Map<Setup, Figures> figures, String what, Results.Unit unit, Function<Figures, Double> f) {
    rows(figures, what, unit, x -> List.of(f.apply(x)));
  }

  /** Adds every value of {@code f} as a sample (one per round). */
  private void rows(Map<Setup, Figures> figures, String what, Results.Unit unit,
      Function<Figures, List<Double>> f) {
    for (Map.Entry<Setup, Figures> e : figures.entrySet()) {
      for (double v : f.apply(e.getValue())) {
        r.add(Bench.REPLICAS, what + " — " + e.getKey().name(), unit, v);
      }
    }
  }
}
