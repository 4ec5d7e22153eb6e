package com.syncrobot.syncro;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.threeten.extra.MutableClock;

/** A sleeper that never sleeps: it records each wait and moves the fake clock, if any, instead. */
final class RecordingSleeper implements Sleeper {
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  private final @Nullable MutableClock clock;

  RecordingSleeper(@Nullable MutableClock clock) {
    this.clock = clock;
  }

  RecordingSleeper() {
    this(null);
  }

  @Override
  public void sleep(Duration d) {
    sleeps.add(d);
    if (clock != null) {
      clock.add(d);
    }
  }

  List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }
}
