package com.syncrobot.feature.home;

import com.syncrobot.slack.Asker;
import com.syncrobot.slack.SafeLog;
import com.syncrobot.slack.UserMessages;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Ticker;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.views.ViewsPublishResponse;
import com.slack.api.model.view.View;
import com.syncrobot.store.ConnectedUser;
import com.syncrobot.store.ConnectedUserStore;
import com.syncrobot.syncro.AccountDataCache;
import com.syncrobot.syncro.SyncroAuthException;
import com.syncrobot.syncro.SyncroClient;
import com.syncrobot.syncro.SyncroException;
import com.syncrobot.syncro.Ticket;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds and publishes a technician's Home tab: their open tickets read with their own token (R11),
 * cached for {@link AccountDataCache#MAX_AGE} so that flipping between tabs costs Syncro nothing. Thread-safe.
 */
public final class HomeTab {
  private static final Logger log = LoggerFactory.getLogger(HomeTab.class);

  private final ConnectedUserStore users;
  private final SyncroClient syncro;
  private final HomeView views;
  private final Clock clock;
  // Keyed by Slack and Syncro user, so a reconnect as someone else never shows the old list.
  private final Cache<String, List<Ticket>> tickets;

  public HomeTab(ConnectedUserStore users, SyncroClient syncro, HomeView views, Clock clock, Ticker ticker) {
    this.users = users;
    this.syncro = syncro;
    this.views = views;
    this.clock = clock;
    this.tickets = AccountDataCache.create(1_000, ticker);
  }

  /** Returns the Home view for {@code slackUserId}. */
  View render(String slackUserId) {
    ConnectedUser u = Asker.find(users, slackUserId).user();
    if (u == null) {
      return views.notConnected();
    }
    try {
      String key = slackUserId + ":" + u.syncroUserId();
      List<Ticket> mine = tickets.getIfPresent(key);
      if (mine == null) {
        // Read outside the cache: a slow Syncro call must not hold a lock other users' entries share.
        mine = syncro.as(u.token()).openTicketsAssignedTo(u.syncroUserId());
        tickets.put(key, mine);
      }
      return views.tickets(u.summary(), mine, clock.instant());
    } catch (SyncroAuthException e) {
      return views.problem(u.summary(), UserMessages.TOKEN_REFUSED.replace("run `/syncro connect`", "press Reconnect"));
    } catch (SyncroException e) {
      log.info("Home tab of {} could not read Syncro: {}", slackUserId, SafeLog.describe(e));
      return views.problem(u.summary(), UserMessages.forSyncro(e, "Syncro has no ticket list for this account.")
          + " Open the tab again to retry.");
    }
  }

  /** Publishes the view for {@code slackUserId}; {@code hash} is the event's view hash (guards races). */
  void publish(MethodsClient slack, String slackUserId, @Nullable String hash) {
    View view = render(slackUserId);
    try {
      ViewsPublishResponse r = slack.viewsPublish(b -> b.userId(slackUserId).hash(hash).view(view));
      if (!r.isOk()) {
        // hash_conflict: a newer publish won the race; nothing to do.
        log.warn("views.publish for {} failed: {}", slackUserId, r.getError());
      }
    } catch (IOException | SlackApiException e) {
      log.warn("views.publish for {} failed: {}", slackUserId, SafeLog.describe(e));
    }
  }
}
