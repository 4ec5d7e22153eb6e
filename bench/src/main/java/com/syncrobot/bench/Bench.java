package com.syncrobot.bench;

import com.syncrobot.playground.sandbox.model.SandboxTicket;
import com.syncrobot.playground.slack.DemoUser;
import com.syncrobot.app.BotConfig;
import com.syncrobot.testkit.BotRig;
import com.syncrobot.testkit.TlsFront;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Runs every scenario {@code reps} times, each on a freshly started child-JVM bot with a fresh
 * sandbox and simulator (so one scenario's use of the 180-per-minute budget never slows the next),
 * then the budget scenario, and prints one table of min / median / max. With {@code --baseline} the
 * scenarios that run the jar (critical, burst) run once with each jar per repetition, back to back,
 * and the table has a column each for before and after; it is also written to {@code results.md}.
 */
public final class Bench {
  static final int ACK = 1;
  static final int CRITICAL = 2;
  static final int REQUESTS = 3;
  static final int DIGEST = 4;
  static final int BUDGET = 5;
  static final int FOOTPRINT = 6;
  static final int REPLICAS = 7;
  static final int NOTIFY = 8;
  private static final List<String> ZONES = List.of("America/Phoenix", "America/Chicago", "America/New_York");

  /** The scenarios that can run the baseline jar too (the others run only the current one). */
  static final List<String> COMPARED = List.of("critical", "burst");

  final Options options;
  /** Where this bench's samples go: the column of {@link #jar} in the shared table. */
  final Results results;
  /** The bot's jar this bench starts: {@code --jar}, or {@code --baseline} for the before column. */
  private final Path jar;
  private final Path tmp;
  /** The class-data sharing archives of the jars, built once per jar as the Docker image builds its own. */
  private final CdsArchives archives;
  private final List<String> failures;
  private final Path trustStore = TlsFront.trustStore();
  /** The TLS front of the bot started last, if {@link Options#tls()}. */
  private volatile @Nullable TlsFront front;

  private Bench(Options options, Path tmp) {
    this(options, tmp, options.jar(), new Results(), new ArrayList<>(), new CdsArchives(tmp));
  }

  private Bench(Options options, Path tmp, Path jar, Results results, List<String> failures, CdsArchives archives) {
    this.options = options;
    this.tmp = tmp;
    this.jar = jar;
    this.results = results;
    this.failures = failures;
    this.archives = archives;
  }

  /** Returns this bench starting {@code jar}, its samples going to {@code column} of the same table. */
  private Bench measuring(Path jar, Results.Column column) {
    return new Bench(options, tmp, jar, results.in(column), failures, archives);
  }

  public static void main(String[] args) throws Exception {
    // The simulator's JDK server must not wait for delayed ACKs (the sandbox sets the same), see SyncroSandbox.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    Options o = Options.parse(args);
    if (!Files.isRegularFile(o.jar())) {
      System.err.println("No " + o.jar() + ": build it first (mvn -B -q package -DskipTests), or pass --jar PATH.");
      System.exit(2);
    }
    if (o.baseline().isPresent() && !Files.isRegularFile(o.baseline().get())) {
      System.err.println("No " + o.baseline().get() + ": build the baseline jar first (bench/baseline.sh COMMIT), "
          + "or leave out --baseline.");
      System.exit(2);
    }
    Path tmp = Files.createTempDirectory("syncro-bench");
    Bench b = new Bench(o, tmp);
    long t0 = System.nanoTime();
    int code = b.run(System.out);
    System.out.printf(Locale.ROOT, "Bench wall time: %.1f min. Bot logs and stores: %s%n",
        (System.nanoTime() - t0) / 60e9, tmp);
    System.exit(code);
  }

  private int run(PrintStream out) {
    out.println("syncro-bot bench: " + (options.quick() ? "QUICK smoke run, " : "") + options.reps()
        + " repetitions, L = " + options.latency().toMillis() + " ms per Syncro request, " + transport());
    out.print(jars());
    for (int rep = 1; rep <= options.reps(); rep++) {
      out.printf(Locale.ROOT, "-- repetition %d of %d%n", rep, options.reps());
      List<Bench> benches = compared(rep);
      if (options.only().contains("critical")) {
        for (Bench v : benches) {
          v.attempt("critical paths" + v.suffix(), () -> new CriticalPaths(v).run());
        }
      }
      if (options.only().contains("burst")) {
        for (Bench v : benches) {
          v.attempt("ack burst and footprint" + v.suffix(), () -> new AckBurst(v).run());
        }
      }
      if (options.only().contains("digest")) {
        attempt("digest", () -> new DigestLoad(this).run());
      }
      if (options.only().contains("replicas")) {
        int repetition = rep;
        attempt("replicas", () -> new Replicas(this, repetition).run());
      }
    }
    if (options.only().contains("notify")) {
      out.println("-- notifications (two setups of " + options.notifyMinutes().toMinutes() + " min of changes each)");
      attempt("notifications", () -> new NotifyLoad(this).run());
    }
    for (int i = 1; options.only().contains("budget") && i <= options.budgetRuns(); i++) {
      out.printf(Locale.ROOT, "-- budget run %d of %d (%d commands over %d s)%n", i, options.budgetRuns(),
          options.budgetCommands(), options.budgetSpread().toSeconds());
      attempt("budget", () -> new BudgetRun(this).run());
    }
    for (Bench v : compared(1)) {
      try {
        v.results.add(FOOTPRINT, "jar size (target/syncro-bot.jar)", Results.Unit.MB, Files.size(v.jar) / 1048576.0);
      } catch (IOException e) {
        failures.add("jar size: " + e);
      }
    }
    StringBuilder report = new StringBuilder();
    report.append(machine()).append("\n\n");
    report.append("L = " + options.latency().toMillis() + " ms added by the sandbox to every Syncro request; "
        + transport() + ". Each cell: min / median / max over n samples (a sample is one repetition, or one round"
        + " where noted).\n");
    report.append(jars()).append('\n');
    Map<Integer, String> sections = new LinkedHashMap<>();
    sections.put(ACK, "Ack latency at the bot's HTTP endpoint (per repetition: percentile over its requests)");
    sections.put(CRITICAL, "Critical path: time ÷ (calls × L) and ÷ (waves × L); n = rounds");
    sections.put(REQUESTS, "Syncro requests per command (whole job, from the sandbox's request log)");
    sections.put(DIGEST, "Digest of " + options.digestTickets() + " open tickets (/syncro digest now)");
    sections.put(BUDGET, "Budget discipline: " + options.budgetCommands() + " commands in "
        + options.budgetSpread().toSeconds() + " s from " + options.budgetTechnicians() + " technicians");
    sections.put(FOOTPRINT, "Footprint of the bot JVM (child process, Dockerfile's JVM options)");
    sections.put(REPLICAS, "Replicas and stores: bots in the bench JVM behind a round-robin balancer, Syncro's "
        + "limit lifted; bill n = rounds, burst n = repetitions");
    sections.put(NOTIFY,
        "Live notifications: 10 subscriptions over " + options.notifyTickets() + " added open tickets, "
            + options.notifyChangesPerMinute() + " changes a minute, polls at the default 60 s; one run per setup");
    report.append(results.table(sections));
    out.println();
    out.print(report);
    Path md = tmp.resolve("results.md");
    try {
      Files.writeString(md, report, StandardCharsets.UTF_8);
      out.println();
      out.println("The table in Markdown: " + md);
    } catch (IOException e) {
      failures.add("results.md: " + e);
    }
    if (!failures.isEmpty()) {
      out.println();
      out.println("FAILED: " + String.join(" | ", failures));
      return 1;
    }
    return 0;
  }

  /**
   * Returns the benches of one repetition of a compared scenario: the current jar's alone, or with a
   * baseline the baseline's and the current one's, back to back, the baseline first in odd repetitions
   * and second in even ones (so neither always meets a machine or bench JVM the other warmed up).
   */
  private List<Bench> compared(int rep) {
    if (options.baseline().isEmpty()) {
      return List.of(this);
    }
    Bench before = measuring(options.baseline().get(), Results.Column.BEFORE);
    return rep % 2 == 1 ? List.of(before, this) : List.of(this, before);
  }

  /** A failure's tag naming the jar, when there are two. */
  private String suffix() {
    return options.baseline().isEmpty() ? "" : results.column() == Results.Column.BEFORE ? " (baseline jar)"
        : " (current jar)";
  }

  /** Lines naming the jar measured, or with a baseline both jars and the scenarios run with one only. */
  private String jars() {
    if (options.baseline().isEmpty()) {
      return "";
    }
    List<String> single = new ArrayList<>(options.only());
    single.removeAll(COMPARED);
    single.sort(null);
    return "Before: " + options.baseline().get() + "; after: " + options.jar() + ". " + String.join(" and ", COMPARED)
        + " (and their footprint figures) run with both jars, in turn per repetition"
        + (single.isEmpty() ? "" : "; " + String.join(", ", single) + " with the current jar only") + ".\n";
  }

  private String transport() {
    return options.tls()
        ? "HTTPS to the sandbox, " + options.connect().toMillis() + " ms per new connection (child-JVM bots)"
        : "plain HTTP to the sandbox";
  }

  private interface Scenario {
    void run() throws Exception;
  }

  private void attempt(String name, Scenario s) {
    try {
      s.run();
    } catch (Exception | AssertionError e) {
      failures.add(name + ": " + e);
      System.err.println("Scenario '" + name + "' failed: " + e);
      e.printStackTrace();
    }
  }

  /**
   * A fresh sandbox, simulator and store with {@code technicians} connected users (spread over three US
   * time zones), each connected to one of the sandbox's technicians, round robin.
   */
  BotRig world(int technicians) throws Exception {
    return world(technicians, 0);
  }

  /** As {@link #world(int)}, with Syncro's limit per minute in the sandbox ({@code 0}: Syncro's own). */
  BotRig world(int technicians, int requestsPerMinute) throws Exception {
    List<DemoUser> people = new ArrayList<>();
    for (int i = 1; i <= technicians; i++) {
      people.add(new DemoUser(String.format("U0TECH%02d", i), "tech" + i, "Technician " + i,
          ZoneId.of(ZONES.get(i % ZONES.size()))));
    }
    return BotRig.builder().users(people).requestsPerMinute(requestsPerMinute)
        .start(Files.createTempDirectory(tmp, "world"));
  }

  /**
   * Starts the bot for {@code w} as a child JVM as the Docker image does (with the jar's class-data sharing
   * archive; the baseline as the image before issue 17 did) and records its start-up time. With {@link
   * Options#tls()} the bot reaches the sandbox through a {@link TlsFront} (closed with the bot) that charges {@link
   * Options#connect()} per new connection, and trusts its certificate through JVM options, so any jar runs against
   * it unchanged.
   */
  BotProcess startBot(BotRig w) throws Exception {
    Map<String, String> env = new HashMap<>(w.botEnv());
    List<String> trust = List.of();
    @Nullable TlsFront front = null;
    if (options.tls()) {
      front = TlsFront.start(w.sandbox.address(), options.connect());
      this.front = front;
      env.put(BotConfig.SYNCRO_BASE_URL, front.rewrite(w.sandbox.baseUrl()));
      trust = TlsFront.trustOptions(trustStore);
    }
    String startup = "start-up to GET /healthz 200";
    boolean before = results.column() == Results.Column.BEFORE;
    // The baseline is started as the image of its day started it: its Dockerfile's options, no archive.
    Optional<Path> archive = before ? Optional.empty() : archives.of(jar);
    List<String> jvm = new ArrayList<>(before ? BotProcess.BASELINE_JVM_OPTIONS : BotProcess.JVM_OPTIONS);
    jvm.addAll(trust);
    BotProcess bot;
    try {
      bot = BotProcess.start(jar, archive.orElse(null), jvm, env, w.botPort, w.dir.resolve("bot.log"), front);
    } catch (Exception | Error e) {
      if (front != null) {
        front.close();
      }
      throw e;
    }
    if (!before) {
      results.note(FOOTPRINT, startup, Results.Unit.S, (archive.isPresent()
          ? "with the jar's class-data sharing archive, as in the Docker image" : "NO class-data sharing archive")
          + (options.baseline().isPresent() ? "; before: as the image before issue 17 started (" + String.join(" ",
              BotProcess.BASELINE_JVM_OPTIONS) + ", no archive)" : ""));
    }
    results.add(FOOTPRINT, startup, Results.Unit.S, bot.startup().toMillis() / 1000.0);
    return bot;
  }

  /** Returns how many new connections the bot started last has opened to the sandbox, or -1 without TLS. */
  int connectionSetups() {
    TlsFront f = front;
    return f == null ? -1 : f.setups();
  }

  /**
   * Warms the bot up (see {@link Warmup}), lightly when {@code bills} is empty, and records its cold
   * first answer.
   */
  void warmup(BotRig w, Driver d, String user, List<SandboxTicket> bills) throws Exception {
    double cold = bills.isEmpty() ? Warmup.light(w, d, user) : Warmup.run(w, d, user, bills);
    results.add(FOOTPRINT, "first /syncro ticket N answer after start (cold, L = 0)", Results.Unit.MS, cold);
  }

  /** Adds the p50, p99 and max of {@code ms} as three rows of section 1. */
  void ackRows(String what, List<Double> ms) {
    ackRows(what, ms, true);
  }

  /** Adds the p50 and p99 of {@code ms}, and the max when {@code max}, as rows of section 1. */
  void ackRows(String what, List<Double> ms, boolean max) {
    if (ms.isEmpty()) {
      return;
    }
    results.add(ACK, what + " p50", Results.Unit.MS, Stats.percentile(ms, 50));
    results.add(ACK, what + " p99", Results.Unit.MS, Stats.percentile(ms, 99));
    if (max) {
      results.add(ACK, what + " max", Results.Unit.MS, Stats.max(ms));
    }
    results.note(ACK, what + " p50", Results.Unit.MS, ms.size() + " requests per repetition");
  }

  private static String machine() {
    Runtime rt = Runtime.getRuntime();
    String cpu = "";
    long memKb = 0;
    try {
      Matcher m = Pattern.compile("model name\\s*:\\s*(.+)").matcher(Files.readString(Path.of("/proc/cpuinfo"),
          StandardCharsets.UTF_8));
      cpu = m.find() ? m.group(1).strip() : "";
      Matcher mem = Pattern.compile("MemTotal:\\s+(\\d+) kB").matcher(Files.readString(Path.of("/proc/meminfo")));
      memKb = mem.find() ? Long.parseLong(mem.group(1)) : 0;
    } catch (IOException e) {
      // Not Linux: the figures below still name the JVM.
    }
    return String.format(Locale.ROOT, "Machine: %d cores (%s), %.1f GiB RAM, %s %s; Java %s (%s); %s",
        rt.availableProcessors(), cpu.isEmpty() ? "cpu unknown" : cpu, memKb / 1048576.0,
        System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("java.runtime.version"),
        System.getProperty("java.vm.name"), Instant.now().truncatedTo(ChronoUnit.SECONDS));
  }
}
