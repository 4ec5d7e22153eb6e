package com.syncrobot.feature.digest;

import com.github.benmanes.caffeine.cache.Ticker;
import com.slack.api.bolt.App;
import com.syncrobot.digest.DigestReader;
import com.syncrobot.digest.DigestScheduler;
import com.syncrobot.digest.DigestSettings;
import com.syncrobot.digest.DigestStore;
import com.syncrobot.metrics.Metrics;
import com.syncrobot.slack.Feature;
import com.syncrobot.slack.FeatureContext;
import com.syncrobot.slack.Subcommands;
import com.syncrobot.slack.UserZones;
import com.syncrobot.syncro.Sleeper;
import java.time.Duration;
import java.util.Objects;

/**
 * Daily digests of open tickets in a channel: {@code /syncro digest add|list|remove|now} and the
 * scheduler that posts each digest once a day. The server starts and stops the scheduler.
 */
public final class DigestFeature implements Feature {
  private final FeatureContext ctx;
  private final DigestStore digests;
  private final DigestSettings settings;
  private final ChannelAccess access;
  private final ChannelDigests channelDigests;

  public DigestFeature(FeatureContext ctx, DigestStore digests, DigestSettings settings) {
    this.ctx = ctx;
    this.digests = Objects.requireNonNull(digests, "digests == null");
    this.settings = Objects.requireNonNull(settings, "settings == null");
    this.access = new ChannelAccess(settings.admins(), settings.allowSharedChannels());
    this.channelDigests = new ChannelDigests(ctx.slack().methods(ctx.botToken()), ctx.users(), ctx.syncro(),
        new DigestReader(ctx.clock(), settings.maxLineItemReads()), new DigestRenderer(settings.untouchedDays()),
        Sleeper.system(), access);
  }

  @Override
  public void register(App app, Subcommands subcommands) {
    subcommands.register(new DigestCommand(digests, ctx.users(), channelDigests, new UserZones(Ticker.systemTicker()),
        ctx.work(), ctx.slow(), ctx.clock(), access));
  }

  /**
   * Starts the digest scheduler (first tick now: catches up a run missed while down); close it to
   * stop. Its claims name {@code holder}, this process's plan runner, whose heartbeat shows other
   * processes that it is alive; a claim whose holder is silent for {@code lease} is taken over.
   */
  public DigestScheduler startScheduler(String holder, Duration lease, Metrics metrics) {
    DigestScheduler scheduler = new DigestScheduler(digests, channelDigests, ctx.clock(), settings.lateWindow(),
        holder, lease, metrics);
    scheduler.start();
    return scheduler;
  }
}
