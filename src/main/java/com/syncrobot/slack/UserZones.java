package com.syncrobot.slack;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.users.UsersInfoResponse;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The time zone each Slack user set in their profile ({@code users.info}, scope {@code users:read}),
 * cached for a few hours so that repeated commands cost no Slack call. Per process on purpose: it is the
 * user's own setting, read from Slack by whichever replica needs it, and nothing the bot's store or an
 * admin changes. A form that is checked inside Slack's 3 s carries the zone it was filled in with. Thread-safe.
 */
public final class UserZones {
  static final Duration TTL = Duration.ofHours(6);
  private static final Logger log = LoggerFactory.getLogger(UserZones.class);

  private final Cache<String, ZoneId> cache;

  public UserZones(Ticker ticker) {
    this.cache = Caffeine.newBuilder().maximumSize(5_000).expireAfterWrite(TTL).ticker(ticker).build();
  }

  /** Returns {@code userId}'s zone, or empty when Slack does not say or cannot be asked. */
  public Optional<ZoneId> zoneOf(MethodsClient slack, String userId) {
    ZoneId cached = cache.getIfPresent(userId);
    if (cached != null) {
      return Optional.of(cached);
    }
    try {
      UsersInfoResponse r = slack.usersInfo(b -> b.user(userId));
      if (!r.isOk() || r.getUser() == null || r.getUser().getTz() == null) {
        log.warn("users.info for {} gave no time zone: {}", userId, r.getError());
        return Optional.empty();
      }
      ZoneId zone = ZoneId.of(r.getUser().getTz());
      cache.put(userId, zone);
      return Optional.of(zone);
    } catch (IOException | SlackApiException | DateTimeException e) {
      log.warn("users.info for {} failed: {}", userId, SafeLog.describe(e));
      return Optional.empty();
    }
  }
}
