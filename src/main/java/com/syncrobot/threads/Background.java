package com.syncrobot.threads;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads for the bot's background work (work queues, plans, notices, schedulers, page readers, the delivery
 * log): daemons at the lowest priority, which the Docker image maps to nice 19, so that the threads answering
 * Slack get the CPU first (README, "Performance"). The playground's stand-ins for Slack's and Syncro's servers use
 * them too, as those servers take no CPU from the bot. Thread-safe.
 */
public final class Background {
  private Background() {}

  /** A factory of threads named {@code prefix-1}, {@code prefix-2}, … */
  public static ThreadFactory numbered(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> thread(r, prefix + "-" + n.incrementAndGet());
  }

  /** A factory whose threads are all named {@code name} (for a pool of one thread). */
  public static ThreadFactory named(String name) {
    return r -> thread(r, name);
  }

  /** An unstarted background thread named {@code name} that runs {@code r}. */
  public static Thread thread(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    return t;
  }
}
