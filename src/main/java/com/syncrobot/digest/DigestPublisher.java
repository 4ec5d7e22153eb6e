package com.syncrobot.digest;

import java.util.Optional;

/** Builds and posts one scheduled digest, and finds one already posted; implemented on the Slack side. */
public interface DigestPublisher {
  /**
   * Posts the digest of {@code schedule} for {@code slot}; {@code late} means the bot was down at the
   * due time and the message should say so. Syncro and Slack failures come back as the {@link
   * Delivery}, not as exceptions.
   */
  Delivery publish(DigestSchedule schedule, DigestSlot slot, boolean late);

  /**
   * Looks in the schedule's channel for the message {@link #publish} posted for {@code slot} (the
   * digest or its short notice), for a run whose poster stopped before recording it: the delivery it
   * was, or empty when the channel has none.
   *
   * @throws Unreadable when the channel cannot be read now (then nobody can tell, and nothing is posted)
   */
  Optional<Delivery> find(DigestSchedule schedule, DigestSlot slot) throws Unreadable;

  /** The channel could not be read; {@code getMessage()} says why, in words fit for the log. */
  final class Unreadable extends Exception {
    private static final long serialVersionUID = 1L;

    public Unreadable(String why) {
      super(why);
    }
  }
}
