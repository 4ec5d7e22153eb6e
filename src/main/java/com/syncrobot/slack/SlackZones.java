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
import java.time.ZoneOffset;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each technician's time zone as Slack knows it ({@code users.info} → {@code user.tz}), cached for
 * an hour: appointment times are shown in it, since an appointment once landed on the wrong weekday.
 * UTC when Slack gives none (not cached, so the next call asks again). Thread-safe.
 */
final class SlackZones {
  private static final Logger log = LoggerFactory.getLogger(SlackZones.class);

  private final MethodsClient methods;
  private final Cache<String, ZoneId> cache;

  SlackZones(MethodsClient methods, Ticker ticker) {
    this.methods = methods;
    this.cache = Caffeine.newBuilder().maximumSize(500).expireAfterWrite(Duration.ofHours(1)).ticker(ticker).build();
  }

  /** Returns the user's zone, asking Slack when it is not cached; UTC when Slack cannot say. */
  ZoneId zone(String slackUserId) {
    ZoneId cached = cache.getIfPresent(slackUserId);
    if (cached != null) {
      return cached;
    }
    Optional<ZoneId> asked = ask(slackUserId);
    asked.ifPresent(z -> cache.put(slackUserId, z));
    return asked.orElse(ZoneOffset.UTC);
  }

  /** Returns the zone if it is cached, without asking Slack (for checks inside a 3-second ack). */
  Optional<ZoneId> cached(String slackUserId) {
    return Optional.ofNullable(cache.getIfPresent(slackUserId));
  }

  private Optional<ZoneId> ask(String slackUserId) {
    try {
      UsersInfoResponse r = methods.usersInfo(b -> b.user(slackUserId));
      if (!r.isOk() || r.getUser() == null || r.getUser().getTz() == null) {
        log.warn("users.info for {} gave no time zone: {}", slackUserId, r.getError());
        return Optional.empty();
      }
      return Optional.of(ZoneId.of(r.getUser().getTz()));
    } catch (DateTimeException e) {
      log.warn("users.info for {} gave an unknown time zone", slackUserId);
      return Optional.empty();
    } catch (IOException | SlackApiException | RuntimeException e) {
      log.warn("users.info for {} failed: {}", slackUserId, SafeLog.describe(e));
      return Optional.empty();
    }
  }
}
