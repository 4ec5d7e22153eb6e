package com.syncrobot.app;

import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import java.lang.reflect.Field;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.websocket.Session;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a Socket Mode WebSocket session to Slack is open, and one log line each time that changes. Bolt's
 * client (1.51.0, Tyrus backend) neither throws when a handshake fails nor tells when a session opens: it logs,
 * and its session monitor retries every 5 to 10 s. So this looks at the client's current session itself, once
 * a second on a thread of its own and at each readiness check: the first open session logs "Connected", a lost
 * one "lost", the next one "Reconnected", a session replaced while open (Slack refreshes connections every few
 * hours) "refreshed". The session is read from the client's private {@code currentSession} field, the only
 * place 1.51.0 keeps it ({@code SocketModeWatchTest} runs the real client against a loopback server, so an
 * upgrade that moves it fails there). Thread-safe.
 */
final class SocketModeWatch implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SocketModeWatch.class);
  private static final Duration EVERY = Duration.ofSeconds(1);
  static final String CHECK = "check " + BotConfig.SLACK_APP_TOKEN
      + " (an app-level xapp- token with connections:write, Socket Mode turned on in the app's settings) and that"
      + " this host reaches Slack over HTTPS and WebSocket on port 443 (firewall, proxy)";

  private final SocketModeApp socket;
  private final Clock clock;
  private final ScheduledExecutorService poll;
  private @Nullable String session;
  private boolean everOpen;
  private Instant since;

  private SocketModeWatch(SocketModeApp socket, Clock clock) {
    this.socket = socket;
    this.clock = clock;
    this.since = clock.instant();
    this.poll = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "socket-mode-watch");
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Starts watching {@code socket}, whose {@code startAsync} has returned (its first handshake is over): logs
   * "Connected" if a session is open, else a warning saying what to check.
   */
  static SocketModeWatch start(SocketModeApp socket, Clock clock) {
    SocketModeWatch w = new SocketModeWatch(Objects.requireNonNull(socket, "socket"), clock);
    String open;
    try {
      open = w.check();
    } catch (IllegalStateException e) {
      // Only after a Bolt upgrade that moved the session; SocketModeWatchTest fails first.
      log.warn("Cannot tell whether Socket Mode is connected ({}); GET /readyz reports slack down", e.getMessage());
      open = "";
    }
    if (open == null) {
      log.warn("Could not connect to Slack in Socket Mode: the WebSocket handshake failed. The bot keeps retrying "
          + "every few seconds and GET /readyz reports slack down until a session opens; {}", CHECK);
    }
    w.poll.scheduleWithFixedDelay(w::checkQuietly, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
    return w;
  }

  /** Up while a session is open. */
  Readiness.State state() {
    if (check() != null) {
      return Readiness.State.ok();
    }
    String quiet = Readiness.words(Duration.between(sinceNow(), clock.instant()));
    return Readiness.State
        .down(everOpen ? "the Socket Mode connection to Slack was lost " + quiet + " ago; reconnecting"
            : "no Socket Mode connection to Slack yet (trying for " + quiet + "); " + BotConfig.SLACK_APP_TOKEN
                + " and the network are worth checking");
  }

  private synchronized Instant sinceNow() {
    return since;
  }

  private void checkQuietly() {
    try {
      check();
    } catch (RuntimeException e) {
      log.debug("Socket Mode: reading the session failed: {}", e.getClass().getName());
    }
  }

  /** Reads the session, logs a change, returns the open session's id or null. */
  private synchronized @Nullable String check() {
    String now = openSession(socket.getClient());
    String before = session;
    if (Objects.equals(before, now)) {
      return now;
    }
    Instant t = clock.instant();
    Duration gap = Duration.between(since, t);
    if (now == null) {
      log.warn("Socket Mode connection to Slack lost; the client is reconnecting");
    } else if (before != null) {
      log.info("Socket Mode connection to Slack refreshed (a new session replaced the old one)");
    } else if (everOpen) {
      log.info("Reconnected to Slack in Socket Mode after {}", Readiness.words(gap));
    } else {
      log.info("Connected to Slack in Socket Mode");
      everOpen = true;
    }
    if (before == null || now == null) {
      since = t;
    }
    session = now;
    return now;
  }

  /** The id of the client's current session if it is open, else null. */
  static @Nullable String openSession(@Nullable SocketModeClient client) {
    if (client == null) {
      return null;
    }
    Object s = read(client);
    if (s instanceof Session ws && ws.isOpen()) {
      return ws.getId();
    }
    return null;
  }

  private static @Nullable Object read(SocketModeClient client) {
    for (Class<?> c = client.getClass(); c != null; c = c.getSuperclass()) {
      try {
        Field f = c.getDeclaredField("currentSession");
        f.setAccessible(true);
        return f.get(client);
      } catch (NoSuchFieldException e) {
        // Look in the superclass.
      } catch (IllegalAccessException | RuntimeException e) {
        throw new IllegalStateException("cannot read the Socket Mode session: " + e.getClass().getName(), e);
      }
    }
    throw new IllegalStateException("this Socket Mode client keeps no currentSession field: "
        + client.getClass().getName());
  }

  @Override
  public void close() {
    poll.shutdownNow();
  }
}
