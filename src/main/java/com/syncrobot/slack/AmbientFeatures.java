package com.syncrobot.slack;

import com.github.benmanes.caffeine.cache.Ticker;
import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.LinkSharedEvent;
import com.syncrobot.digest.DigestReader;
import com.syncrobot.digest.DigestScheduler;
import com.syncrobot.digest.DigestSettings;
import com.syncrobot.digest.DigestStore;
import com.syncrobot.store.ConnectedUserStore;
import com.syncrobot.syncro.Sleeper;
import com.syncrobot.syncro.SyncroClient;
import java.time.Clock;
import java.util.Objects;

/**
 * The bot's ambient side (issue 6): scheduled channel digests and {@code /syncro digest}, the Home
 * tab with the technician's own tickets, and previews of Syncro links. {@link SlackBot} registers its
 * listeners; the server starts and stops its digest scheduler.
 */
public final class AmbientFeatures {
  private final SyncroClient syncro;
  private final ConnectedUserStore users;
  private final DigestStore digests;
  private final SyncroLinks links;
  private final DigestSettings settings;
  private final Clock clock;
  private final Ticker ticker;
  private final DigestRenderer renderer;
  private final ChannelDigests channelDigests;
  private final ChannelAccess access;

  private AmbientFeatures(Slack slack, String botToken, SyncroClient syncro, ConnectedUserStore users,
      DigestStore digests, SyncroLinks links, DigestSettings settings, Clock clock, Sleeper pacer, Ticker ticker) {
    this.syncro = syncro;
    this.users = users;
    this.digests = digests;
    this.links = links;
    this.settings = settings;
    this.clock = clock;
    this.ticker = ticker;
    this.renderer = new DigestRenderer(settings.untouchedDays());
    this.access = new ChannelAccess(settings.admins(), settings.allowSharedChannels());
    this.channelDigests = new ChannelDigests(slack.methods(botToken), users, syncro,
        new DigestReader(clock, settings.maxLineItemReads()), renderer, pacer, access);
  }

  /**
   * Creates the features; {@code syncroBaseUrl} (the API base) names the host whose links get previews.
   *
   * @throws IllegalArgumentException if {@code syncroBaseUrl} is not an http(s) URL
   */
  public static AmbientFeatures create(Slack slack, String botToken, SyncroClient syncro, ConnectedUserStore users,
      DigestStore digests, String syncroBaseUrl, DigestSettings settings, Clock clock) {
    return create(slack, botToken, syncro, users, digests, syncroBaseUrl, settings, clock, Sleeper.system(),
        Ticker.systemTicker());
  }

  /** As {@link #create}, with the post pacing and cache time injected (tests). */
  static AmbientFeatures create(Slack slack, String botToken, SyncroClient syncro, ConnectedUserStore users,
      DigestStore digests, String syncroBaseUrl, DigestSettings settings, Clock clock, Sleeper pacer, Ticker ticker) {
    return new AmbientFeatures(Objects.requireNonNull(slack, "slack == null"),
        Objects.requireNonNull(botToken, "botToken == null"), Objects.requireNonNull(syncro, "syncro == null"),
        Objects.requireNonNull(users, "users == null"), Objects.requireNonNull(digests, "digests == null"),
        new SyncroLinks(syncroBaseUrl), Objects.requireNonNull(settings, "settings == null"),
        Objects.requireNonNull(clock, "clock == null"), pacer, ticker);
  }

  /**
   * Registers {@code /syncro digest}, {@code app_home_opened}, the Home buttons and {@code link_shared};
   * digests on demand and the Home tab's ticket list run on {@code slow}; {@code writeModals} says whether the comment/close modal's submission is handled, so that the Home
   * tab's Comment and Close buttons can open it.
   */
  void register(App app, Subcommands subcommands, WorkQueue work, WorkQueue slow, TicketDetail detail,
      boolean writeModals) {
    subcommands.register(new DigestCommand(digests, users, channelDigests, new UserZones(ticker), work, slow, clock,
        access));
    HomeTab home = new HomeTab(users, syncro, new HomeView(renderer), clock, ticker);
    app.event(AppHomeOpenedEvent.class, new AppHomeOpened(home, slow));
    HomeButtons buttons = new HomeButtons(users, syncro, detail, work, writeModals);
    for (String actionId : HomeButtons.actionIds()) {
      app.blockAction(actionId, buttons);
    }
    app.event(LinkSharedEvent.class, new LinkUnfurls(links, users, syncro, work, clock, ticker, access));
  }

  /** Starts the digest scheduler (first tick now: catches up a run missed while down); close it to stop. */
  public DigestScheduler startDigestScheduler() {
    DigestScheduler scheduler = new DigestScheduler(digests, channelDigests, clock, settings.lateWindow());
    scheduler.start();
    return scheduler;
  }

  /** Returns the digest publisher, for tests that drive a scheduler by hand. */
  ChannelDigests channelDigests() {
    return channelDigests;
  }
}
