package com.syncrobot.slack;

import com.github.benmanes.caffeine.cache.Ticker;
import com.slack.api.methods.MethodsClient;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Each technician's time zone for appointment times ({@link UserZones}: {@code users.info} →
 * {@code user.tz}, cached) bound to the bot's Slack client: an appointment once landed on the wrong
 * weekday, so times are shown in the zone the technician picks them in. UTC when Slack cannot say
 * (not cached, so the next call asks again). Thread-safe.
 */
public final class SlackZones {
  private final MethodsClient methods;
  private final UserZones zones;

  public SlackZones(MethodsClient methods, Ticker ticker) {
    this.methods = methods;
    this.zones = new UserZones(ticker);
  }

  /** Returns the user's zone, asking Slack when it is not cached; UTC when Slack cannot say. */
  public ZoneId zone(String slackUserId) {
    return zones.zoneOf(methods, slackUserId).orElse(ZoneOffset.UTC);
  }
}
