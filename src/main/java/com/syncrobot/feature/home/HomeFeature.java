package com.syncrobot.feature.home;

import com.github.benmanes.caffeine.cache.Ticker;
import com.slack.api.bolt.App;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.LinkSharedEvent;
import com.syncrobot.digest.DigestSettings;
import com.syncrobot.feature.digest.ChannelAccess;
import com.syncrobot.feature.digest.DigestRenderer;
import com.syncrobot.feature.tickets.TicketDetail;
import com.syncrobot.slack.DeliveryLog;
import com.syncrobot.slack.Feature;
import com.syncrobot.slack.FeatureContext;
import com.syncrobot.slack.Subcommands;

/**
 * The bot's Home tab (the technician's own open tickets with View / Comment / Bill / Close) and
 * previews of links to this account's Syncro tickets and invoices.
 */
public final class HomeFeature implements Feature {
  private final FeatureContext ctx;
  private final DigestSettings settings;
  private final SyncroLinks links;
  private final boolean writeModals;
  private final DeliveryLog deliveries;

  /**
   * {@code syncroBaseUrl} (the API base) names the host whose links get previews; {@code writeModals}
   * says whether the comment/close modal's submission is handled, so the Home tab's Comment and Close
   * buttons can open it. {@code deliveries} recognises a link_shared event delivered again.
   *
   * @throws IllegalArgumentException if {@code syncroBaseUrl} is not an http(s) URL
   */
  public HomeFeature(FeatureContext ctx, DigestSettings settings, String syncroBaseUrl, boolean writeModals,
      DeliveryLog deliveries) {
    this.ctx = ctx;
    this.settings = settings;
    this.links = new SyncroLinks(syncroBaseUrl);
    this.writeModals = writeModals;
    this.deliveries = deliveries;
  }

  @Override
  public void register(App app, Subcommands subcommands) {
    Ticker ticker = Ticker.systemTicker();
    ChannelAccess access = new ChannelAccess(settings.admins(), settings.allowSharedChannels());
    HomeTab home = new HomeTab(ctx.users(), ctx.syncro(), new HomeView(new DigestRenderer(settings.untouchedDays())),
        ctx.clock(), ticker);
    app.event(AppHomeOpenedEvent.class, new AppHomeOpened(home, ctx.slow()));
    HomeButtons buttons = new HomeButtons(ctx.users(), ctx.syncro(), new TicketDetail(ctx.clock(), ctx.webUrl()),
        ctx.work(), writeModals);
    for (String actionId : HomeButtons.actionIds()) {
      app.blockAction(actionId, buttons);
    }
    app.event(LinkSharedEvent.class, new LinkUnfurls(links, ctx.users(), ctx.syncro(), ctx.work(), ctx.clock(),
        deliveries, access));
  }
}
