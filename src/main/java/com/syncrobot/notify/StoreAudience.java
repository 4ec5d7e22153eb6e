package com.syncrobot.notify;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link Audience} as the store holds it: the channel subscriptions and the technicians' alert settings,
 * read at each use, so a change made on any replica counts from the next poll on.
 */
public final class StoreAudience implements Audience {
  private final SubscriptionStore subscriptions;
  private final AlertStore alerts;

  public StoreAudience(SubscriptionStore subscriptions, AlertStore alerts) {
    this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions == null");
    this.alerts = Objects.requireNonNull(alerts, "alerts == null");
  }

  @Override
  public List<Subscription> subscriptions() {
    return subscriptions.active();
  }

  @Override
  public List<AlertSettings> alerts() {
    return alerts.allOn();
  }

  @Override
  public Optional<Subscription> subscription(long id) {
    return subscriptions.find(id);
  }

  /** Stored settings carry the zone the technician set them in; UTC only for someone who never set any. */
  @Override
  public AlertSettings alertsOf(String slackUserId) {
    return alerts.of(slackUserId, ZoneOffset.UTC);
  }
}
