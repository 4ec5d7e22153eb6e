package com.syncrobot.bench;

import com.syncrobot.playground.sandbox.RequestLog;
import com.syncrobot.playground.sandbox.model.SandboxChange;
import com.syncrobot.playground.slack.SimMessage;
import com.syncrobot.testkit.BotRig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Live notifications at their defaults (a poll a minute per technician's view, a 20 s batch window): 10 channel
 * subscriptions over the seed plus {@code notifyTickets} open tickets while Syncro changes {@code
 * notifyChangesPerMinute} of them a minute (a status change, an internal note or a customer reply, a third
 * each). Two setups: ten technicians with one subscription each (ten views, no poll shared), and one technician
 * with all ten (one view). Measured: Syncro requests a minute spent on notifications once every subscription
 * has had its first check, what that first check costs, and the delay from a change in the sandbox to its post
 * in a subscribed channel (as the simulator received it, seen every 100 ms).
 */
final class NotifyLoad {
  private static final Pattern TICKET = Pattern.compile("#(\\d+)");
  private static final Duration TAIL = Duration.ofSeconds(100);

  private final Bench b;
  private final Results r;

  NotifyLoad(Bench b) {
    this.b = b;
    this.r = b.results;
  }

  void run() throws Exception {
    setup("10 technicians × 1 subscription", 10);
    setup("1 technician × 10 subscriptions", 1);
  }

  private void setup(String name, int creators) throws Exception {
    try (BotRig w = b.world(creators); BotProcess bot = b.startBot(w)) {
      Driver d = new Driver(w.sim);
      w.sandbox.addOpenTickets(b.options.notifyTickets());
      w.sandbox.faults().latency(b.options.latency());
      List<String> channels = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        String creator = w.users.get(i % creators).id();
        String channel = String.format("C0NOTE%02d", i);
        w.sim.createChannel(channel, "notify-" + i, false, false, List.of(creator, w.sim.botUserId()));
        channels.add(channel);
        Driver.Ack a = d.commandIn(creator, channel, "/syncro subscribe here");
        if (!a.ok()) {
          throw new IllegalStateException("subscribe not acked: " + a.ack());
        }
      }
      w.sandbox.requestLog().clear();
      Instant subscribed = Instant.now();
      awaitChecked(w, channels, creators);
      Duration firstCheck = Duration.between(subscribed, Instant.now());
      int baseline = w.sandbox.requestLog().size();
      r.add(Bench.NOTIFY, name + ": first check of every subscription (requests)", Results.Unit.COUNT, baseline);
      r.note(Bench.NOTIFY, name + ": first check of every subscription (requests)", Results.Unit.COUNT,
          "open tickets read once per view (25 a page), done in " + firstCheck.toSeconds() + " s");

      Map<String, Long> firstSeen = new ConcurrentHashMap<>();
      Thread watcher = new Thread(() -> watch(w, channels, firstSeen), "notify-bench-watch");
      watcher.setDaemon(true);
      watcher.start();
      w.sandbox.requestLog().clear();
      Instant from = Instant.now();
      Random random = new Random(16);
      List<long[]> changes = new ArrayList<>();
      Duration spacing = Duration.ofMillis(60_000L / b.options.notifyChangesPerMinute());
      long end = System.nanoTime() + b.options.notifyMinutes().toNanos();
      while (System.nanoTime() < end) {
        SandboxChange c = w.sandbox.randomChange(random);
        if (c.kind() != SandboxChange.Kind.INTERNAL_NOTE) {
          changes.add(new long[] {c.ticket().number(), System.nanoTime()});
        }
        Thread.sleep(spacing.toMillis());
      }
      Instant changesEnd = Instant.now();
      Thread.sleep(TAIL.toMillis());
      watcher.interrupt();
      List<RequestLog.Entry> during = w.sandbox.requestLog().entries().stream()
          .filter(e -> !e.time().isBefore(from) && !e.time().isAfter(changesEnd)).toList();
      double minutes = Duration.between(from, changesEnd).toMillis() / 60_000.0;
      r.add(Bench.NOTIFY, name + ": Syncro requests per minute", Results.Unit.COUNT, during.size() / minutes);
      long lists = during.stream().filter(e -> e.path().equals("/tickets")).count();
      r.note(Bench.NOTIFY, name + ": Syncro requests per minute", Results.Unit.COUNT, String.format(
          java.util.Locale.ROOT, "%.0f list polls + %.0f ticket reads a minute; %d changes a minute", lists / minutes,
          (during.size() - lists) / minutes, b.options.notifyChangesPerMinute()));
      List<Double> delays = delays(w, channels, firstSeen, changes);
      if (!delays.isEmpty()) {
        r.add(Bench.NOTIFY, name + ": change → post p50", Results.Unit.S, Stats.percentile(delays, 50) / 1000);
        r.add(Bench.NOTIFY, name + ": change → post p99", Results.Unit.S, Stats.percentile(delays, 99) / 1000);
        r.note(Bench.NOTIFY, name + ": change → post p50", Results.Unit.S, delays.size() + " (change, channel) "
            + "pairs of " + changes.size() * channels.size());
      }
    }
  }

  /** Waits until every creator's subscriptions say Syncro was read for them (their first check is done). */
  private static void awaitChecked(BotRig w, List<String> channels, int creators) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
    Pattern checked = Pattern.compile("checked \\d+ (s|min) ago");
    for (int i = 0; i < creators; i++) {
      String user = w.users.get(i).id();
      String channel = channels.get(i);
      while (true) {
        int before = w.sim.messages(channel).size();
        w.sim.runSlashCommand(user, channel, "/syncro subscriptions");
        var reply = w.sim.awaitMessage(channel, m -> m.fromBot() && user.equals(m.ephemeralTo())
            && w.sim.messages(channel).indexOf(m) >= before, Duration.ofSeconds(30));
        if (reply.isPresent() && checked.matcher(reply.get().allText()).find()) {
          break;
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("subscriptions never checked: " + reply.map(SimMessage::allText)
              .orElse("(no answer)"));
        }
        Thread.sleep(2000);
      }
    }
  }

  /** Records when each bot message in the channels was first seen ({@link System#nanoTime()}), every 100 ms. */
  private static void watch(BotRig w, List<String> channels, Map<String, Long> firstSeen) {
    while (!Thread.currentThread().isInterrupted()) {
      long now = System.nanoTime();
      for (String c : channels) {
        for (SimMessage m : w.sim.messages(c)) {
          if (m.fromBot() && m.ephemeralTo() == null) {
            firstSeen.putIfAbsent(c + "/" + m.ts(), now);
          }
        }
        for (SimMessage root : w.sim.messages(c)) {
          if (root.fromBot() && root.replyCount() > 0) {
            for (SimMessage m : w.sim.thread(c, root.ts())) {
              firstSeen.putIfAbsent(c + "/" + m.ts(), now);
            }
          }
        }
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /**
   * For each change and channel, the time from the change to the first post about that ticket seen after it (the
   * root, or a reply in its thread), in ms; changes with no post after them in a channel are left out.
   */
  private static List<Double> delays(BotRig w, List<String> channels, Map<String, Long> firstSeen,
      List<long[]> changes) {
    List<Double> out = new ArrayList<>();
    for (String c : channels) {
      Map<Long, List<Long>> postsByTicket = new HashMap<>();
      for (SimMessage root : w.sim.messages(c)) {
        if (!root.fromBot() || root.ephemeralTo() != null) {
          continue;
        }
        Matcher m = TICKET.matcher(root.allText());
        if (!m.find()) {
          continue;
        }
        long number = Long.parseLong(m.group(1));
        List<Long> seen = postsByTicket.computeIfAbsent(number, k -> new ArrayList<>());
        Long rootSeen = firstSeen.get(c + "/" + root.ts());
        if (rootSeen != null) {
          seen.add(rootSeen);
        }
        for (SimMessage reply : w.sim.thread(c, root.ts())) {
          Long at = firstSeen.get(c + "/" + reply.ts());
          if (at != null) {
            seen.add(at);
          }
        }
      }
      for (long[] change : changes) {
        postsByTicket.getOrDefault(change[0], List.of()).stream().filter(t -> t > change[1]).min(Long::compare)
            .ifPresent(t -> out.add((t - change[1]) / 1e6));
      }
    }
    return out;
  }
}
