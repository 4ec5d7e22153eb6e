package com.syncrobot.notify;

import java.util.List;
import java.util.Optional;

/**
 * Who wants to hear about ticket changes, read from the store at each poll (so a subscription added or
 * removed on any replica counts from the next poll on).
 */
public interface Audience {
  /** Every active channel subscription. */
  List<Subscription> subscriptions();

  /** Every technician with at least one personal alert switched on. */
  List<AlertSettings> alerts();

  /** One subscription, if it is still active. */
  Optional<Subscription> subscription(long id);

  /** One technician's settings (all off when they never set any). */
  AlertSettings alertsOf(String slackUserId);
}
