package com.syncrobot.playground.slack.workspace;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The short-lived handles Slack gives an app: trigger_ids (one use, about 3 seconds) and
 * response_urls (five uses within 30 minutes). Expiry follows the injected clock. Thread-safe.
 */
public final class Handles {
  static final Duration TRIGGER_LIFETIME = Duration.ofSeconds(3);
  static final Duration RESPONSE_URL_LIFETIME = Duration.ofMinutes(30);
  static final int RESPONSE_URL_USES = 5;

  private record Trigger(String user, Instant issued, boolean used) {}

  private static final class Url {
    final ResponseTarget target;
    final Instant issued;
    int uses;

    Url(ResponseTarget target, Instant issued) {
      this.target = target;
      this.issued = issued;
    }
  }

  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Trigger> triggers = new HashMap<>();
  private final Map<String, Url> urls = new HashMap<>();
  private long counter;

  public Handles(Clock clock) {
    this.clock = clock;
  }

  /** Issues a trigger_id for an action of {@code user}. */
  public synchronized String newTrigger(String user) {
    String id = (++counter) + "." + Math.abs(Team.TEAM_ID.hashCode()) + "." + hex(16);
    triggers.put(id, new Trigger(user, clock.instant(), false));
    return id;
  }

  /**
   * Exchanges a trigger_id for the user it was issued to.
   *
   * @throws SlackError {@code invalid_trigger_id}, {@code expired_trigger_id} or {@code exchanged_trigger_id}
   */
  public synchronized String useTrigger(String id) {
    Trigger t = triggers.get(id);
    if (t == null) {
      throw new SlackError("invalid_trigger_id");
    }
    if (t.used()) {
      throw new SlackError("exchanged_trigger_id");
    }
    if (clock.instant().isAfter(t.issued().plus(TRIGGER_LIFETIME))) {
      throw new SlackError("expired_trigger_id");
    }
    triggers.put(id, new Trigger(t.user(), t.issued(), true));
    return t.user();
  }

  /** Issues the id of a response_url posting to {@code target}. */
  public synchronized String newResponseUrl(ResponseTarget target) {
    String id = (++counter) + "-" + hex(12);
    urls.put(id, new Url(target, clock.instant()));
    return id;
  }

  /**
   * Counts one use of a response_url and returns its target.
   *
   * @throws SlackError {@code not_found}, {@code expired_url} or {@code used_url}
   */
  public synchronized ResponseTarget useResponseUrl(String id) {
    Url u = urls.get(id);
    if (u == null) {
      throw new SlackError("not_found");
    }
    if (clock.instant().isAfter(u.issued.plus(RESPONSE_URL_LIFETIME))) {
      throw new SlackError("expired_url");
    }
    if (u.uses >= RESPONSE_URL_USES) {
      throw new SlackError("used_url");
    }
    u.uses++;
    return u.target;
  }

  /** Records the reply a command's response_url just posted, the "original" of its next reply. */
  public synchronized void posted(ResponseTarget target, String ts) {
    target.originalTs = ts;
  }

  public synchronized @Nullable String original(ResponseTarget target) {
    return target.originalTs;
  }

  public synchronized void forgetOriginal(ResponseTarget target) {
    target.originalTs = null;
  }

  private String hex(int bytes) {
    byte[] b = new byte[bytes];
    random.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
