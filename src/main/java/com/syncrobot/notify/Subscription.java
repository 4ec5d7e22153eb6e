package com.syncrobot.notify;

import java.time.Instant;
import java.util.Objects;

/**
 * A channel that hears about ticket changes matching {@code filter}, read with the token of {@code
 * createdBy} (a Slack user id), who set it up.
 */
public record Subscription(long id, String channelId, String createdBy, SubscriptionFilter filter,
    Instant createdAt) {
  public Subscription {
    Objects.requireNonNull(channelId, "channelId");
    Objects.requireNonNull(createdBy, "createdBy");
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(createdAt, "createdAt");
    if (id <= 0) {
      throw new IllegalArgumentException("subscription id must be positive: " + id);
    }
  }

  /** The outbox target of this subscription's notifications. */
  public String target() {
    return Target.subscription(id);
  }
}
