package com.syncrobot.feature.subscribe;

import com.github.benmanes.caffeine.cache.Ticker;
import com.slack.api.bolt.App;
import com.syncrobot.feature.comment.AccountSettings;
import com.syncrobot.feature.digest.ChannelAccess;
import com.syncrobot.notify.NotifyStatus;
import com.syncrobot.notify.SubscriptionStore;
import com.syncrobot.slack.Feature;
import com.syncrobot.slack.FeatureContext;
import com.syncrobot.slack.Subcommands;
import com.syncrobot.slack.UserZones;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Channel subscriptions: {@code /syncro subscribe|subscriptions|unsubscribe}, and {@link #notices()}, the
 * channel half of the notification sink. The same channel rules as digests ({@link ChannelAccess}).
 */
public final class SubscribeFeature implements Feature {
  private final FeatureContext ctx;
  private final SubscriptionStore store;
  private final ChannelAccess access;
  private final Function<String, Optional<NotifyStatus>> status;
  private final UserZones zones = new UserZones(Ticker.systemTicker());
  private final ChannelNotices notices;

  /**
   * @param status how current the notifications read with a technician's token are (by Slack user id), for
   *     {@code /syncro subscriptions}; empty before the first poll
   */
  public SubscribeFeature(FeatureContext ctx, SubscriptionStore store, ChannelAccess access,
      Function<String, Optional<NotifyStatus>> status) {
    this.ctx = Objects.requireNonNull(ctx, "ctx == null");
    this.store = Objects.requireNonNull(store, "store == null");
    this.access = Objects.requireNonNull(access, "access == null");
    this.status = Objects.requireNonNull(status, "status == null");
    this.notices = new ChannelNotices(ctx.slack().methods(ctx.botToken()), store, access, zones, ctx.webUrl());
  }

  @Override
  public void register(App app, Subcommands subcommands) {
    subcommands.register(new SubscribeCommand(store, ctx.users(), ctx.syncro(), new AccountSettings(
        Ticker.systemTicker()), access, ctx.work()));
    subcommands.register(new SubscriptionsCommand(store, access, status, zones, ctx.work(), ctx.clock()));
    subcommands.register(new UnsubscribeCommand(store, access));
  }

  /** The channel half of the notification sink. */
  public ChannelNotices notices() {
    return notices;
  }
}
