package com.syncrobot.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The bench's settings, from its arguments (each argument may hold several words, as Maven passes
 * {@code -Dbench.args="--reps 3"} as one).
 *
 * @param baseline an older build's jar measured beside {@code jar} in the scenarios that support it
 * @param reps how often each scenario runs, each time on a freshly started bot
 * @param rounds how often the critical-path commands run per repetition (all rounds are samples)
 * @param latency what the sandbox adds to every Syncro request (L)
 * @param tls whether the child-JVM bot talks HTTPS to the sandbox, through a {@code testkit.TlsFront}
 * @param connect what the TLS front charges each new connection before its handshake (TCP + TLS 1.3: 2 round trips)
 * @param budgetCommands the budget scenario's commands, sent evenly over {@code budgetSpread}
 * @param budgetRuns how often the budget scenario runs (it takes minutes)
 * @param bursts the sizes of the ack burst (technicians), each run on a fresh bot and reported side by side
 * @param replicaBurst technicians in the burst of the replicas scenario
 * @param notifyTickets open tickets added for the notification scenario
 * @param notifyChangesPerMinute changes the sandbox makes a minute in it
 * @param notifyMinutes how long it makes them
 * @param only the scenarios to run
 */
record Options(Path jar, Optional<Path> baseline, int reps, int rounds, Duration latency, boolean tls,
    Duration connect, int digestTickets, int budgetCommands, Duration budgetSpread, int budgetTechnicians,
    int budgetRuns, List<Integer> bursts, int replicaBurst, int notifyTickets, int notifyChangesPerMinute,
    Duration notifyMinutes, boolean quick, Set<String> only) {
  static final String USAGE = "bench [--quick] [--reps N] [--rounds N] [--latency-ms L] [--tls|--no-tls] [--connect-ms N] "
      + "[--digest-tickets N] "
      + "[--budget-commands N] [--budget-seconds S] [--budget-runs N] [--only critical,burst,digest,budget,replicas,notify] "
      + "[--bursts N,N] [--replica-burst N] [--notify-tickets N] [--notify-changes N] [--notify-minutes M] [--jar PATH]"
      + " [--baseline PATH]";

  static Options parse(String[] raw) {
    List<String> args = new ArrayList<>();
    for (String a : raw) {
      for (String w : a.strip().split("\\s+")) {
        if (!w.isEmpty()) {
          args.add(w);
        }
      }
    }
    boolean quick = args.contains("--quick");
    Path jar = Path.of("target", "syncro-bot.jar");
    Optional<Path> baseline = Optional.empty();
    int reps = quick ? 1 : 5;
    int rounds = quick ? 1 : 3;
    long latencyMs = 200;
    boolean tls = true;
    long connectMs = 100;
    int digestTickets = quick ? 200 : 1000;
    int budgetCommands = quick ? 30 : 300;
    long budgetSeconds = quick ? 10 : 60;
    int budgetRuns = 1;
    List<Integer> bursts = List.of(20, 60);
    int replicaBurst = 60;
    int notifyTickets = quick ? 200 : 1000;
    int notifyChanges = 20;
    int notifyMinutes = quick ? 2 : 5;
    Set<String> only = Set.of("critical", "burst", "digest", "budget", "replicas", "notify");
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      switch (a) {
        case "--quick" -> {}
        case "--reps" -> reps = positive(args, ++i);
        case "--rounds" -> rounds = positive(args, ++i);
        case "--latency-ms" -> latencyMs = positive(args, ++i);
        case "--tls" -> tls = true;
        case "--no-tls" -> tls = false;
        case "--connect-ms" -> connectMs = Integer.parseInt(value(args, ++i));
        case "--digest-tickets" -> digestTickets = positive(args, ++i);
        case "--budget-commands" -> budgetCommands = positive(args, ++i);
        case "--budget-seconds" -> budgetSeconds = positive(args, ++i);
        case "--budget-runs" -> budgetRuns = Integer.parseInt(value(args, ++i));
        case "--bursts" -> bursts = sizes(args, ++i);
        case "--replica-burst" -> replicaBurst = positive(args, ++i);
        case "--notify-tickets" -> notifyTickets = positive(args, ++i);
        case "--notify-changes" -> notifyChanges = positive(args, ++i);
        case "--notify-minutes" -> notifyMinutes = positive(args, ++i);
        case "--jar" -> jar = Path.of(value(args, ++i));
        case "--baseline" -> baseline = Optional.of(Path.of(value(args, ++i)));
        case "--only" -> only = Set.of(value(args, ++i).split(","));
        default -> throw new IllegalArgumentException("unknown argument " + a + "; usage: " + USAGE);
      }
    }
    if (connectMs < 0) {
      throw new IllegalArgumentException("--connect-ms must not be negative");
    }
    return new Options(jar, baseline, reps, rounds, Duration.ofMillis(latencyMs), tls, Duration.ofMillis(connectMs),
        digestTickets, budgetCommands, Duration.ofSeconds(budgetSeconds), 10, budgetRuns, bursts, replicaBurst,
        notifyTickets, notifyChanges,
        Duration.ofMinutes(notifyMinutes), quick, only);
  }

  private static String value(List<String> args, int i) {
    if (i >= args.size()) {
      throw new IllegalArgumentException("missing value for " + args.get(i - 1) + "; usage: " + USAGE);
    }
    return args.get(i);
  }

  /** Parses a comma-separated list of positive burst sizes, e.g. {@code 20,60}. */
  private static List<Integer> sizes(List<String> args, int i) {
    List<Integer> sizes = new ArrayList<>();
    for (String s : value(args, i).split(",")) {
      int n = Integer.parseInt(s.strip());
      if (n < 1) {
        throw new IllegalArgumentException(args.get(i - 1) + " takes positive sizes, e.g. 20,60");
      }
      sizes.add(n);
    }
    return List.copyOf(sizes);
  }

  private static int positive(List<String> args, int i) {
    int n = Integer.parseInt(value(args, i));
    if (n < 1) {
      throw new IllegalArgumentException(args.get(i - 1) + " must be positive");
    }
    return n;
  }
}
