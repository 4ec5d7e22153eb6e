package com.syncrobot.notify;

import java.time.Duration;
import java.time.Instant;

/**
 * A look at Syncro that the notification scheduler runs now and then besides the ticket poll (a
 * technician's upcoming appointments, their prepaid customers' hours), announcing what it finds.
 */
public interface PeriodicCheck {
  /** How often to run; the scheduler runs it at its first tick after this has passed since the last run. */
  Duration every();

  /** Looks, and offers what should be told; reads Syncro at background priority. */
  void run(Instant now, Announcements out) throws InterruptedException;
}
