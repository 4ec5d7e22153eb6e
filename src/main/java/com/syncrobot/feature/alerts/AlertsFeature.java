package com.syncrobot.feature.alerts;

import com.github.benmanes.caffeine.cache.Ticker;
import com.slack.api.bolt.App;
import com.slack.api.model.event.MessageEvent;
import com.syncrobot.feature.tickets.TicketCommand;
import com.syncrobot.feature.tickets.TicketDetail;
import com.syncrobot.notify.AlertStore;
import com.syncrobot.notify.PeriodicCheck;
import com.syncrobot.slack.DeliveryLog;
import com.syncrobot.slack.Feature;
import com.syncrobot.slack.FeatureContext;
import com.syncrobot.slack.Subcommands;
import com.syncrobot.slack.UserZones;
import java.util.List;
import java.util.Objects;

/**
 * Personal alerts by direct message: {@code /syncro notify} (the settings, in {@link AlertStore}), the direct
 * message half of the notification sink ({@link #directNotices()}), the appointment and prepaid looks at Syncro
 * ({@link #checks()}), and the bot's Messages tab, where a direct message to the bot is answered.
 */
public final class AlertsFeature implements Feature {
  private final FeatureContext ctx;
  private final AlertStore alerts;
  private final DeliveryLog deliveries;
  private final NotifyReplies replies;
  private final DirectNotices notices;

  public AlertsFeature(FeatureContext ctx, AlertStore alerts, DeliveryLog deliveries) {
    this.ctx = ctx;
    this.alerts = Objects.requireNonNull(alerts, "alerts == null");
    this.deliveries = Objects.requireNonNull(deliveries, "deliveries == null");
    this.replies = new NotifyReplies(alerts, ctx.users(), new UserZones(Ticker.systemTicker()));
    this.notices = new DirectNotices(ctx.out().methods(), ctx.clock(), ctx.webUrl());
  }

  @Override
  public void register(App app, Subcommands subcommands) {
    subcommands.register(new NotifyCommand(replies, ctx.work()));
    TicketCommand tickets = new TicketCommand(ctx.reads(), new TicketDetail(ctx.clock(), ctx.webUrl()));
    app.event(MessageEvent.class, new DirectMessages(tickets, replies, ctx.users(), ctx.syncro(), ctx.out(),
        ctx.work(), deliveries));
  }

  /** The direct-message half of the notification sink. */
  public DirectNotices directNotices() {
    return notices;
  }

  /** The looks at Syncro the notification scheduler runs besides its ticket poll. */
  public List<PeriodicCheck> checks() {
    return List.of(new AppointmentCheck(alerts, ctx.users(), ctx.syncro()),
        new PrepaidCheck(alerts, ctx.users(), ctx.syncro()));
  }
}
