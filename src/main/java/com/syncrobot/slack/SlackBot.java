package com.syncrobot.slack;

import com.syncrobot.digest.DigestSettings;
import com.syncrobot.digest.DigestStore;
import com.syncrobot.feature.alerts.AlertsFeature;
import com.syncrobot.feature.alerts.DirectNotices;
import com.syncrobot.feature.assign.AssignFeature;
import com.syncrobot.feature.bill.BillFeature;
import com.syncrobot.feature.comment.CommentFeature;
import com.syncrobot.feature.connect.ConnectFeature;
import com.syncrobot.feature.create.CreateFeature;
import com.syncrobot.feature.digest.DigestFeature;
import com.syncrobot.feature.home.HomeFeature;
import com.syncrobot.feature.subscribe.ChannelNotices;
import com.syncrobot.feature.subscribe.SubscribeFeature;
import com.syncrobot.feature.tickets.TicketsFeature;
import com.syncrobot.notify.AlertSettings;
import com.syncrobot.notify.AlertStore;
import com.syncrobot.notify.Audience;
import com.syncrobot.notify.Delivered;
import com.syncrobot.notify.Notice;
import com.syncrobot.notify.NoticeSink;
import com.syncrobot.notify.NotifyEngine;
import com.syncrobot.notify.NotifyScheduler;
import com.syncrobot.notify.NotifySettings;
import com.syncrobot.notify.NotifyStatus;
import com.syncrobot.notify.NotifyStore;
import com.syncrobot.notify.PeriodicCheck;
import com.syncrobot.notify.StoreAudience;
import com.syncrobot.notify.Subscription;
import com.syncrobot.slack.plan.PlanMachinery;
import com.syncrobot.slack.plan.PlanSettings;

import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.builtin.IgnoringSelfEvents;
import com.slack.api.bolt.middleware.builtin.SSLCheck;
import com.slack.api.bolt.middleware.builtin.SingleTeamAuthorization;
import com.syncrobot.feature.digest.ChannelAccess;
import com.syncrobot.metrics.Metrics;
import com.syncrobot.notify.SubscriptionStore;
import com.syncrobot.store.ConnectedUserStore;
import com.syncrobot.syncro.SyncroClient;
import com.syncrobot.write.PlanExecutor;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;

/**
 * The Bolt app with every feature registered, listed in one place ({@link Feature}): reading
 * tickets, connecting a token, comment / close / update, assign and the ticket buttons, bill,
 * create / move / message shortcuts, digests, channel subscriptions, personal alerts and the Messages
 * tab, the Home tab and link previews, then {@code /syncro help}. One instance
 * serves both transports (HTTP and Socket Mode). Owns the two work queues its handlers use (one for
 * clicks and short work, one for slow work); {@link #close()} drains them.
 */
public final class SlackBot implements AutoCloseable {
  private final App app;
  private final WorkQueue work;
  private final WorkQueue slow;
  private final @Nullable PlanMachinery plans;
  private final @Nullable DigestFeature digests;
  private final @Nullable FeatureContext ctx;
  private final @Nullable NotifyParts notices;
  private final Restarting restarting;
  private final ClickAck clickAck;
  private final @Nullable DeliveryLog deliveries;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Metrics metrics;

  private SlackBot(App app, WorkQueue work, WorkQueue slow, @Nullable PlanMachinery plans,
      @Nullable DigestFeature digests, @Nullable FeatureContext ctx, @Nullable NotifyParts notices,
      Restarting restarting, ClickAck clickAck, @Nullable DeliveryLog deliveries, Metrics metrics) {
    this.app = app;
    this.restarting = restarting;
    this.clickAck = clickAck;
    this.deliveries = deliveries;
    this.metrics = metrics;
    this.work = work;
    this.slow = slow;
    this.plans = plans;
    this.digests = digests;
    this.ctx = ctx;
    this.notices = notices;
  }

  /**
   * Builds the app with the read-only features (tickets, connect, help). {@code signingSecret} is
   * required for HTTP requests and may be null in Socket Mode, where Slack authenticates the WebSocket
   * instead.
   */
  public static SlackBot create(Slack slack, String botToken, @Nullable String signingSecret, SyncroClient syncro,
      ConnectedUserStore users, Clock clock) {
    return create(slack, botToken, signingSecret, syncro, users, clock, null, null);
  }

  /**
   * Builds the app with every feature: the write features on the plan store in {@code jdbi} (R1, R2),
   * digests on {@code digests}, the Home tab and link previews of the Syncro account at
   * {@code syncroBaseUrl}.
   *
   * @throws IllegalArgumentException if {@code syncroBaseUrl} is not an http(s) URL
   */
  public static SlackBot create(Slack slack, String botToken, @Nullable String signingSecret, SyncroClient syncro,
      ConnectedUserStore users, Clock clock, Jdbi jdbi, PlanSettings settings, DigestStore digests,
      String syncroBaseUrl, DigestSettings digestSettings) {
    return create(slack, botToken, signingSecret, syncro, users, clock, new WriteSetup(jdbi, settings),
        new AmbientSetup(Objects.requireNonNull(digests, "digests == null"),
            Objects.requireNonNull(syncroBaseUrl, "syncroBaseUrl == null"),
            Objects.requireNonNull(digestSettings, "digestSettings == null"), new DeliveryLog(jdbi, clock),
            new SubscriptionStore(jdbi, clock), new AlertStore(jdbi, clock)));
  }

  /** The store and settings of the write features. */
  private record WriteSetup(Jdbi jdbi, PlanSettings settings) {}

  /** The digest store and settings, and the Syncro account whose links get previews. */
  private record AmbientSetup(DigestStore digests, String syncroBaseUrl, DigestSettings settings,
      DeliveryLog deliveries, SubscriptionStore subscriptions, AlertStore alerts) {}

  private static SlackBot create(Slack slack, String botToken, @Nullable String signingSecret, SyncroClient syncro,
      ConnectedUserStore users, Clock clock, @Nullable WriteSetup writes, @Nullable AmbientSetup ambient) {
    Objects.requireNonNull(slack, "slack == null");
    Objects.requireNonNull(botToken, "botToken == null");
    AppConfig config = AppConfig.builder()
        .slack(slack)
        .singleTeamBotToken(botToken)
        .signingSecret(signingSecret)
        // Events we subscribe to but do not handle yet still get their 200, so Slack stops retrying.
        .allEventsApiAutoAckEnabled(true)
        .build();
    App app = new App(config, middleware(config, slack, signingSecret, clock));
    app.asOAuthApp(false);
    Metrics metrics = writes == null ? Metrics.NONE : writes.settings().metrics();
    if (metrics.enabled()) {
      app.use(new AckTimer(metrics));
    }
    app.use(new LogContext());
    Restarting restarting = new Restarting();
    app.use(restarting);

    QueuedNotice budget = new QueuedNotice(syncro);
    WorkQueue work = WorkQueue.standard(budget);
    WorkQueue slow = WorkQueue.slow(budget);
    metrics.workQueue("work", work::waiting, work::heldCount);
    metrics.workQueue("slow", slow::waiting, slow::heldCount);
    String webUrl = writes == null ? null : writes.settings().syncroWebUrl();
    FeatureContext ctx = new FeatureContext(slack, botToken, syncro, users, clock, work, slow,
        new SlackOut(slack, botToken), webUrl);
    PlanMachinery plans = writes == null ? null : PlanMachinery.start(app, ctx, writes.jdbi(), writes.settings());
    DigestFeature digests = ambient == null ? null : new DigestFeature(ctx, ambient.digests(), ambient.settings());

    // The features, in the order /syncro help lists their subcommands.
    List<Feature> features = new ArrayList<>();
    features.add(new TicketsFeature(ctx));
    features.add(new ConnectFeature(ctx));
    if (plans != null) {
      features.add(new CommentFeature(ctx, plans));
      features.add(new AssignFeature(ctx, plans));
      features.add(new BillFeature(ctx, plans));
      features.add(new CreateFeature(ctx, plans));
    }
    NotifyParts parts = null;
    // How current a technician's notifications are is the engine's to say, once the scheduler started it.
    EngineRef engine = new EngineRef();
    if (ambient != null) {
      features.add(digests);
      SubscribeFeature subscribe = new SubscribeFeature(ctx, ambient.subscriptions(), new ChannelAccess(
          ambient.settings().admins(), ambient.settings().allowSharedChannels()), engine::status);
      AlertsFeature alerts = new AlertsFeature(ctx, ambient.alerts(), ambient.deliveries());
      features.add(subscribe);
      features.add(alerts);
      parts = new NotifyParts(new StoreAudience(ambient.subscriptions(), ambient.alerts()),
          new SlackNotices(subscribe.notices(), alerts.directNotices()), alerts.checks(), engine);
      features.add(new HomeFeature(ctx, ambient.settings(), ambient.syncroBaseUrl(), plans != null,
          ambient.deliveries()));
    }
    Subcommands subcommands = new Subcommands();
    for (Feature feature : features) {
      feature.register(app, subcommands);
    }
    subcommands.register(new HelpCommand(subcommands));
    app.command(SyncroCommand.COMMAND, new SyncroCommand(subcommands));
    ClickAck clickAck = new ClickAck(signingSecret, clock, restarting::stopping);
    return new SlackBot(app, work, slow, plans, digests, ctx, parts, restarting, clickAck,
        ambient == null ? null : ambient.deliveries(), metrics);
  }

  /**
   * Who hears about ticket changes, how it reaches Slack, the periodic checks of live notifications, and the
   * engine that {@link #startNotifyScheduler} creates.
   */
  private record NotifyParts(Audience audience, NoticeSink sink, List<PeriodicCheck> checks, EngineRef engine) {}

  /** The notification engine, once started; until then nothing is known about how current a view is. */
  private static final class EngineRef {
    private volatile @Nullable NotifyEngine engine;

    Optional<NotifyStatus> status(String owner) {
      NotifyEngine e = engine;
      return e == null ? Optional.empty() : Optional.of(e.status(owner));
    }
  }

  /** Channel notices to the subscription's channel, a technician's alerts to their direct messages. */
  private record SlackNotices(ChannelNotices channel, DirectNotices direct) implements NoticeSink {
    @Override
    public Delivered toChannel(Subscription s, Notice notice, String batchId, boolean retry) {
      return channel.toChannel(s, notice, batchId, retry);
    }

    @Override
    public Delivered toUser(AlertSettings user, List<Notice> notices, String batchId, boolean retry) {
      return direct.toUser(user, notices, batchId, retry);
    }
  }

  /**
   * Starts live notifications on {@code store} (first tick now); close it to stop. Its leases and claims name this
   * bot's plan runner, so call {@link #resumePlans()} first and keep {@link #heartbeat()} running, as for the
   * digest scheduler. Does nothing without the digest and write features.
   */
  public AutoCloseable startNotifyScheduler(NotifyStore store, NotifySettings settings) {
    if (notices == null || ctx == null || plans == null) {
      return () -> {};
    }
    PlanExecutor runner = plans.executor();
    NotifyEngine engine = new NotifyEngine(store, notices.audience(), notices.sink(), ctx.users(), ctx.syncro(),
        ctx.clock(), settings, runner.runnerId(), runner.runnerLease());
    notices.engine().engine = engine;
    NotifyScheduler scheduler = new NotifyScheduler(engine, notices.checks(), ctx.clock());
    scheduler.start();
    return scheduler;
  }

  /**
   * Starts the digest scheduler (first tick now: catches up a run missed while down); close it to
   * stop. Its claims name this bot's plan runner, so call {@link #resumePlans()} (which records the
   * runner's first heartbeat) first and keep {@link #heartbeat()} running. Does nothing without the
   * digest feature.
   */
  public AutoCloseable startDigestScheduler() {
    if (digests == null) {
      return () -> {};
    }
    // Digests come only with the write side (see create): its plan runner's heartbeat is this
    // process's sign of life, named by each digest claim.
    PlanExecutor runner = Objects.requireNonNull(plans, "digests without the write side").executor();
    return digests.startScheduler(runner.runnerId(), runner.runnerLease(), metrics);
  }

  /**
   * Resumes every plan that was executing when the bot stopped, verifying before resending (R2);
   * returns how many. Does nothing without the write side.
   */
  public int resumePlans() {
    return plans == null ? 0 : plans.resume();
  }

  /**
   * Records that this bot's plan runner is alive and looks again at plans held by a runner that was;
   * run it every {@link #heartbeatEvery()}. Does nothing without the write side.
   */
  public void heartbeat() {
    if (plans != null) {
      plans.executor().heartbeat();
    }
  }

  /** How often {@link #heartbeat()} must run. */
  public Duration heartbeatEvery() {
    return plans == null ? PlanExecutor.DEFAULT_RUNNER_LEASE.dividedBy(3) : plans.executor().heartbeatEvery();
  }

  /** Expires stale previews (and updates them) and prunes old delivery keys; run it about once a minute. */
  public void sweep() {
    if (plans != null) {
      plans.sweep();
    }
  }

  /**
   * Mirrors Bolt's default chain (App.buildDefaultMiddlewareList in 1.51.0) with the signature
   * check replaced by {@link SlackSignatureCheck}: ssl_check, signature, single-team auth, then
   * dropping the bot's own events. {@code BoltChainPinTest} fails when Bolt's default chain changes.
   */
  static List<Middleware> middleware(AppConfig config, Slack slack, @Nullable String signingSecret,
      Clock clock) {
    List<Middleware> chain = new ArrayList<>();
    // No legacy verification token: ssl_check is simply acknowledged.
    chain.add(new SSLCheck(null));
    chain.add(new SlackSignatureCheck(signingSecret, clock));
    // The installation service is only read for user tokens (alwaysRequestUserTokenNeeded), which a
    // single-workspace bot does not use.
    chain.add(new SingleTeamAuthorization(config, null));
    chain.add(new IgnoringSelfEvents(slack.getConfig()));
    return chain;
  }

  /** Returns the Bolt app for a transport to drive. */
  public App app() {
    return app;
  }

  /** Returns what lets the HTTP transport answer a click before handing it to {@link #app()}. */
  public ClickAck clickAck() {
    return clickAck;
  }

  /**
   * The bot is stopping: from now on Slack's requests are answered "restarting" ({@link Restarting}) and plans send
   * no further step. Returns at once; {@link #close(Duration)} then waits for the work under way.
   */
  public void stopTaking() {
    restarting.stop();
    if (plans != null) {
      plans.stopTaking();
    }
  }

  /** Stops taking background work and waits briefly for replies still being sent. */
  @Override
  public void close() {
    close(Duration.ofSeconds(15));
  }

  /**
   * Stops within {@code within} (give or take a Slack call being made): work under way (a reply being built, a
   * plan's step waiting for Syncro's answer) finishes if it can; drafts are abandoned; plans are left for the
   * next start, and their owners told so.
   */
  public void close(Duration within) {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    long end = System.nanoTime() + within.toNanos();
    stopTaking();
    // The replies under way and the plans' running steps share the time; telling the owners needs the last of it.
    Duration replies = Duration.ofNanos(Math.max(0, end - System.nanoTime())).minus(PlanMachinery.TELL_RESERVE);
    work.shutdown(replies.isNegative() ? Duration.ZERO : replies);
    slow.shutdown(Duration.ZERO);
    if (plans != null) {
      plans.close(Duration.ofNanos(Math.max(0, end - System.nanoTime())));
    }
    if (deliveries != null) {
      // the alerts' and Home tab's delivery keys, written behind
      deliveries.close();
    }
  }
}
