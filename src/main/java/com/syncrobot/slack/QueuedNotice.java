package com.syncrobot.slack;

import com.syncrobot.syncro.SyncroClient;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Syncro's shared request budget as a technician meets it: whether work asked for now is held back long enough
 * to say so at once, for about how long, and the words ("Queued … about N s") that reads, forms and plans show
 * then. Thread-safe.
 */
public final class QueuedNotice {
  /** A wait for Syncro's budget from which the technician is told the work is queued. */
  public static final Duration FROM = Duration.ofSeconds(2);

  /** What comes by itself once the budget has room. */
  public enum Awaited {
    /** The answer to a read command, through its response_url. */
    ANSWER,
    /** The form in the dialog that shows the notice. */
    FORM,
    /** The preview of a change, through the command's response_url. */
    PREVIEW,
    /** The next request of a confirmed plan. */
    PLAN
  }

  private final SyncroClient syncro;

  public QueuedNotice(SyncroClient syncro) {
    this.syncro = Objects.requireNonNull(syncro, "syncro");
  }

  /**
   * Returns about how long a technician's work asked for now would wait for the budget behind {@code
   * queuedAhead} more requests that are not waiting for it yet, when that is at least {@link #FROM}; empty
   * when the budget has room enough.
   */
  public Optional<Duration> heldBack(long queuedAhead) {
    Duration wait = syncro.expectedWait(queuedAhead);
    return wait.compareTo(FROM) >= 0 ? Optional.of(wait) : Optional.empty();
  }

  /** Returns what to tell the technician when {@code what} asked for now is held back (see {@link #heldBack}). */
  public Optional<String> now(Awaited what) {
    return heldBack(0).map(wait -> text(wait, what));
  }

  /** Returns the words for {@code what}, held back by the budget for about {@code wait}. */
  public String text(Duration wait, Awaited what) {
    long s = Math.max(1, (wait.toMillis() + 999) / 1000);
    String about = s < 90 ? s + " s" : (s + 59) / 60 + " min";
    String comes = switch (what) {
      case ANSWER -> "The answer will appear here by itself in about " + about + "; no need to run the command again.";
      case FORM -> "The form will appear here by itself in about " + about + "; keep this dialog open, no need to"
          + " run the command again.";
      case PREVIEW -> "The preview will appear here by itself in about " + about + "; no need to submit again.";
      case PLAN -> "The bot sends it to Syncro by itself in about " + about + "; nothing is sent twice, no need to"
          + " click again.";
    };
    return ":hourglass: Queued: your team is using Syncro's limit of " + syncro.requestsPerMinute()
        + " requests a minute right now. " + comes;
  }

  /** Returns the budget's limit a minute, as the technician is told it. */
  int perMinute() {
    return syncro.requestsPerMinute();
  }
}
