package com.syncrobot.digest;

/** Builds and posts one scheduled digest; implemented on the Slack side. */
public interface DigestPublisher {
  /**
   * Posts the digest of {@code schedule} for {@code slot}; {@code late} means the bot was down at the
   * due time and the message should say so. Syncro and Slack failures come back as the {@link
   * Delivery}, not as exceptions.
   */
  Delivery publish(DigestSchedule schedule, DigestSlot slot, boolean late);
}
