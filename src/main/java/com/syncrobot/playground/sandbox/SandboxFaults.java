package com.syncrobot.playground.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.jspecify.annotations.Nullable;

/**
 * Injected trouble: a latency added to every API request, queued faults for the next writes (one
 * each, in order), and a "down" switch that drops every API connection unanswered. Thread-safe.
 */
public final class SandboxFaults {
  private volatile Duration latency = Duration.ZERO;
  private volatile boolean down;
  /** How long after it arrived a slow write is applied; 25 s: after a client that waits 20 s gave up. */
  static final Duration DEFAULT_COMMIT_DELAY = Duration.ofSeconds(25);
  private volatile Duration commitDelay = DEFAULT_COMMIT_DELAY;
  private final ConcurrentLinkedDeque<WriteFault> nextWrites = new ConcurrentLinkedDeque<>();

  /** Returns the delay added before each API request is handled. */
  public Duration latency() {
    return latency;
  }

  /**
   * Sets the delay added before each API request is handled (zero for none).
   *
   * @throws IllegalArgumentException if negative
   */
  public SandboxFaults latency(Duration d) {
    Objects.requireNonNull(d, "latency");
    if (d.isNegative()) {
      throw new IllegalArgumentException("latency must not be negative: " + d);
    }
    this.latency = d;
    return this;
  }

  /** Returns how long after it arrived a write with a slow fault ({@link WriteFault#SLOW_COMMIT}, ...) is applied. */
  public Duration commitDelay() {
    return commitDelay;
  }

  /**
   * Sets how long after it arrived a write with a slow fault is applied.
   *
   * @throws IllegalArgumentException if negative
   */
  public SandboxFaults commitDelay(Duration d) {
    Objects.requireNonNull(d, "commitDelay");
    if (d.isNegative()) {
      throw new IllegalArgumentException("commit delay must not be negative: " + d);
    }
    this.commitDelay = d;
    return this;
  }

  /** Returns whether every API connection is dropped unanswered (Syncro unreachable). */
  public boolean down() {
    return down;
  }

  public SandboxFaults down(boolean on) {
    this.down = on;
    return this;
  }

  /** Queues faults for the next writes, one per write, in order. */
  public SandboxFaults nextWrite(WriteFault... faults) {
    for (WriteFault f : faults) {
      nextWrites.addLast(Objects.requireNonNull(f, "fault"));
    }
    return this;
  }

  /** Returns the faults still waiting for a write. */
  public List<WriteFault> pendingWrites() {
    return List.copyOf(new ArrayList<>(nextWrites));
  }

  /** Removes queued faults, latency and the down switch (the commit delay stays as set). */
  public void clear() {
    nextWrites.clear();
    latency = Duration.ZERO;
    down = false;
  }

  @Nullable
  WriteFault takeNextWrite() {
    return nextWrites.pollFirst();
  }
}
