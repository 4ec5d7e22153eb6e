package com.syncrobot.syncro;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;

/** {@link RequestLedger#inMemory()}: the permits of the last window, oldest first, in this process. */
final class MemoryLedger implements RequestLedger {
  private final ArrayDeque<Instant> granted = new ArrayDeque<>();

  @Override
  public synchronized Take take(RequestBudget.Priority p, int cap, Clock clock) {
    Instant now = clock.instant();
    prune(now);
    if (granted.size() < cap) {
      granted.addLast(now);
      return new Take.Granted(now);
    }
    // The (size - cap + 1) oldest must leave before one more fits under the cap.
    Iterator<Instant> oldest = granted.iterator();
    Instant leaving = oldest.next();
    for (int i = 0; i < granted.size() - cap; i++) {
      leaving = oldest.next();
    }
    return new Take.Full(Duration.between(now, leaving.plus(RequestBudget.WINDOW)));
  }

  @Override
  public synchronized List<Instant> counting(Instant now) {
    prune(now);
    return List.copyOf(granted);
  }

  private void prune(Instant now) {
    while (!granted.isEmpty() && !now.isBefore(granted.getFirst().plus(RequestBudget.WINDOW))) {
      granted.removeFirst();
    }
  }
}
