package com.syncrobot.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.syncrobot.playground.slack.BotAck;
import com.syncrobot.playground.slack.SimMessage;
import com.syncrobot.playground.slack.SimModal;
import com.syncrobot.playground.slack.SlackSimulator;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A technician's gestures through the simulator, each timed from just before the simulator signs
 * and sends the request to the moment the bot's HTTP answer is back (the simulator's bookkeeping
 * around it is in-memory and well under a millisecond). Everything happens in {@link #CHANNEL}.
 */
final class Driver {
  static final String CHANNEL = SlackSimulator.SUPPORT;
  static final Duration WAIT = Duration.ofSeconds(60);

  /**
   * One request to the bot: its answer, and when the technician acted ({@link System#nanoTime()}, before the
   * payload was built), from which end-to-end times count.
   */
  record Ack(BotAck ack, long sentNanos) {
    boolean ok() {
      return ack.ok();
    }

    /**
     * The ack latency in ms: from sending the request to its answer, as Slack's ack timer measures it (not the
     * simulator's own time to build the payload and show the answer).
     */
    double ms() {
      return ack.waited().toNanos() / 1e6;
    }
  }

  private final SlackSimulator sim;

  Driver(SlackSimulator sim) {
    this.sim = sim;
  }

  Ack command(String user, String text) {
    long t0 = System.nanoTime();
    BotAck a = sim.runSlashCommand(user, CHANNEL, text);
    return new Ack(a, t0);
  }

  /** A slash command typed in {@code channel} rather than {@link #CHANNEL}. */
  Ack commandIn(String user, String channel, String text) {
    long t0 = System.nanoTime();
    BotAck a = sim.runSlashCommand(user, channel, text);
    return new Ack(a, t0);
  }

  Ack click(String user, SimMessage message, String label) {
    long t0 = System.nanoTime();
    BotAck a = sim.clickButton(user, message, label);
    return new Ack(a, t0);
  }

  Ack submit(String user, Map<String, ?> values) {
    long t0 = System.nanoTime();
    BotAck a = sim.submitModal(user, values);
    return new Ack(a, t0);
  }

  static double millisSince(long t0) {
    return (System.nanoTime() - t0) / 1e6;
  }

  /** The ts of every message {@code user} sees now, so a later wait can tell new ones. */
  Set<String> seen(String user) {
    return sim.messagesVisibleTo(user, CHANNEL).stream().map(SimMessage::ts).collect(Collectors.toSet());
  }

  /** The messages {@code user} sees now. */
  java.util.List<SimMessage> seenMessages(String user) {
    return sim.messagesVisibleTo(user, CHANNEL);
  }

  /** Waits for a bot message that {@code user} sees, not in {@code before}, matching {@code match}. */
  SimMessage awaitNew(String user, Set<String> before, Predicate<SimMessage> match) throws InterruptedException {
    return sim.awaitMessage(CHANNEL, m -> m.fromBot() && m.visibleTo(user) && !before.contains(m.ts()) && match.test(m),
        WAIT).orElseThrow(
            () -> new IllegalStateException("no answer for " + user + " within " + WAIT + "; last: "
                + last(user)));
  }

  /** Waits until the message {@code ts} matches. */
  SimMessage awaitChanged(String ts, Predicate<SimMessage> match) throws InterruptedException {
    return sim.awaitMessage(CHANNEL, m -> m.ts().equals(ts) && match.test(m), WAIT)
        .orElseThrow(() -> new IllegalStateException("message " + ts + " never matched; it reads: "
            + sim.messages(CHANNEL).stream().filter(m -> m.ts().equals(ts)).map(SimMessage::allText).findFirst()
                .orElse("(gone)")));
  }

  /** Waits until the user's modal holds an input block {@code blockId} (the form, not the loading view). */
  SimModal awaitForm(String user, String blockId) throws InterruptedException {
    return sim.awaitModal(user, m -> hasBlock(m, blockId), WAIT)
        .orElseThrow(() -> new IllegalStateException("no form with " + blockId + " for " + user + "; modal: "
            + sim.currentModal(user).map(m -> m.view().path("blocks").toString()).orElse("none")));
  }

  static boolean hasBlock(SimModal m, String blockId) {
    for (JsonNode b : m.view().path("blocks")) {
      if (b.path("block_id").asText().equals(blockId)) {
        return true;
      }
    }
    return false;
  }

  /** Closes the user's modals, if any. */
  void closeModals(String user) {
    while (sim.currentModal(user).isPresent()) {
      sim.closeModal(user);
    }
  }

  /** Polls {@code done} every 5 ms until true; returns when it became true ({@link System#nanoTime()}). */
  static long poll(BooleanSupplier done, Duration timeout, String what) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("timed out waiting for " + what);
      }
      Thread.sleep(5);
    }
    return System.nanoTime();
  }

  private String last(String user) {
    var visible = sim.messagesVisibleTo(user, CHANNEL);
    return visible.isEmpty() ? "(none)" : visible.get(visible.size() - 1).allText();
  }
}
