package com.syncrobot.bench;

import com.syncrobot.playground.sandbox.RequestLog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The Syncro calls of one interval, read from the sandbox's request log: how many there were, and how
 * many "waves" they formed. With a fixed latency L added to every request, a call that depends on an
 * earlier answer arrives at least L after that call did, while independent calls sent together arrive
 * within a few milliseconds of each other. So, in arrival order, a call arriving L/2 or more after the
 * first call of the current wave opens a new wave; the number of waves is the length of the chain of
 * dependent calls (the critical path in calls).
 */
record Waves(int calls, int waves) {
  static Waves of(List<RequestLog.Entry> entries, Instant from, Instant to, Duration latency) {
    List<Instant> times = new ArrayList<>();
    for (RequestLog.Entry e : entries) {
      if (!e.time().isBefore(from) && !e.time().isAfter(to)) {
        times.add(e.time());
      }
    }
    times.sort(null);
    Duration half = latency.dividedBy(2);
    int waves = 0;
    Instant waveStart = null;
    for (Instant t : times) {
      if (waveStart == null || !t.isBefore(waveStart.plus(half))) {
        waves++;
        waveStart = t;
      }
    }
    return new Waves(times.size(), waves);
  }
}
