package com.syncrobot.notify;

/**
 * Names where a notification goes, as the outbox records it: {@code sub:<id>} for a channel
 * subscription, {@code user:<Slack user id>} for a technician's direct messages.
 */
public final class Target {
  private static final String SUB = "sub:";
  private static final String USER = "user:";

  private Target() {}

  public static String subscription(long id) {
    return SUB + id;
  }

  public static String user(String slackUserId) {
    return USER + slackUserId;
  }

  public static boolean isUser(String target) {
    return target.startsWith(USER);
  }

  /** The Slack user id of a {@code user:} target. */
  public static String userOf(String target) {
    if (!isUser(target)) {
      throw new IllegalArgumentException("not a user target: " + target);
    }
    return target.substring(USER.length());
  }

  /** The subscription id of a {@code sub:} target. */
  public static long subscriptionOf(String target) {
    if (!target.startsWith(SUB)) {
      throw new IllegalArgumentException("not a subscription target: " + target);
    }
    return Long.parseLong(target.substring(SUB.length()));
  }
}
