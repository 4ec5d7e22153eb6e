package com.syncrobot.slack;

import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.builtin.IgnoringSelfEvents;
import com.slack.api.bolt.middleware.builtin.SSLCheck;
import com.slack.api.bolt.middleware.builtin.SingleTeamAuthorization;
import com.syncrobot.store.ConnectedUserStore;
import com.syncrobot.syncro.SyncroClient;
import com.syncrobot.write.PlanExecutor;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;

/**
 * The Bolt app with every listener registered: {@code /syncro} and its subcommands, the connect
 * modal's submission, and the ambient features (digests, Home tab, link previews). One instance
 * serves both transports (HTTP and Socket Mode). Owns the two work queues its handlers use (one for
 * clicks and short work, one for slow work); {@link #close()} drains them.
 */
public final class SlackBot implements AutoCloseable {
  private final App app;
  private final WorkQueue work;
  private final WorkQueue slow;
  private final @Nullable SafeWrites writes;

  private SlackBot(App app, WorkQueue work, WorkQueue slow, @Nullable SafeWrites writes) {
    this.app = app;
    this.work = work;
    this.slow = slow;
    this.writes = writes;
  }

  /**
   * Builds the app. {@code signingSecret} is required for HTTP requests and may be null in
   * Socket Mode, where Slack authenticates the WebSocket instead.
   */
  public static SlackBot create(Slack slack, String botToken, @Nullable String signingSecret, SyncroClient syncro,
      ConnectedUserStore users, Clock clock) {
    return create(slack, botToken, signingSecret, syncro, users, clock, WorkQueue.standard(), null, null);
  }

  /**
   * Builds the app with the safe-write commands ({@code comment}, {@code close}, {@code update}) and
   * the plan buttons, on the plan store in {@code jdbi} (R1, R2), and the ambient features.
   */
  public static SlackBot create(Slack slack, String botToken, @Nullable String signingSecret, SyncroClient syncro,
      ConnectedUserStore users, Clock clock, Jdbi jdbi, WriteOptions options, AmbientFeatures ambient) {
    return create(slack, botToken, signingSecret, syncro, users, clock, WorkQueue.standard(),
        new WriteSetup(jdbi, options), Objects.requireNonNull(ambient, "ambient == null"));
  }

  /** The store and options of the write side. */
  private record WriteSetup(Jdbi jdbi, WriteOptions options) {}

  private static SlackBot create(Slack slack, String botToken, @Nullable String signingSecret, SyncroClient syncro,
      ConnectedUserStore users, Clock clock, WorkQueue work, @Nullable WriteSetup setup,
      @Nullable AmbientFeatures ambient) {
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

    WorkQueue slow = WorkQueue.slow();
    ReadRunner reads = new ReadRunner(users, syncro, work);
    // Lists may take many pages of Syncro's budget: they wait in the slow queue, never before a click.
    ReadRunner listReads = new ReadRunner(users, syncro, slow);
    String webUrl = setup == null ? null : setup.options().syncroWebUrl();
    Subcommands subcommands = new Subcommands()
        .register(new OpenTicketsCommand(listReads, webUrl))
        .register(new TicketCommand(reads, new TicketDetail(clock, webUrl)))
        .register(new SearchCommand(listReads, webUrl))
        .register(new CustomersCommand(listReads))
        .register(new ConnectCommand(users))
        .register(new DisconnectCommand(users));
    SafeWrites writes = null;
    if (setup != null) {
      writes = SafeWrites.wire(app, subcommands, slack, botToken, syncro, users, clock, work, slow,
          setup.jdbi(), setup.options());
    }
    if (ambient != null) {
      ambient.register(app, subcommands, work, slow, new TicketDetail(clock, webUrl), writes != null);
    }
    subcommands.register(new HelpCommand(subcommands));

    app.command(SyncroCommand.COMMAND, new SyncroCommand(subcommands));
    app.viewSubmission(ConnectModal.CALLBACK_ID, new ConnectSubmission(users, syncro, work));
    return new SlackBot(app, work, slow, writes);
  }

  /**
   * Resumes every plan that was executing when the bot stopped, verifying before resending (R2);
   * returns how many. Does nothing without the write side.
   */
  public int resumePlans() {
    return writes == null ? 0 : writes.resume();
  }

  /**
   * Records that this bot's plan runner is alive and looks again at plans held by a runner that was;
   * run it every {@link #heartbeatEvery()}. Does nothing without the write side.
   */
  public void heartbeat() {
    if (writes != null) {
      writes.executor().heartbeat();
    }
  }

  /** How often {@link #heartbeat()} must run. */
  public Duration heartbeatEvery() {
    return writes == null ? PlanExecutor.DEFAULT_RUNNER_LEASE.dividedBy(3) : writes.executor().heartbeatEvery();
  }

  /** Expires stale previews (and updates them) and prunes old delivery keys; run it about once a minute. */
  public void sweep() {
    if (writes != null) {
      writes.sweep();
    }
  }

  /**
   * Mirrors Bolt's default chain (App.buildDefaultMiddlewareList in 1.51.0) with the signature
   * check replaced by {@link SlackSignatureCheck}: ssl_check, signature, single-team auth, then
   * dropping the bot's own events.
   */
  private static List<Middleware> middleware(AppConfig config, Slack slack, @Nullable String signingSecret,
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

  /** Stops taking background work and waits briefly for replies still being sent. */
  @Override
  public void close() {
    work.shutdown(Duration.ofSeconds(10));
    slow.shutdown(Duration.ofSeconds(5));
    if (writes != null) {
      writes.close();
    }
  }
}
