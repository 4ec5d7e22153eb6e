package com.syncrobot.app;

import com.github.benmanes.caffeine.cache.Ticker;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.syncrobot.digest.DigestScheduler;
import com.syncrobot.digest.DigestStore;
import com.syncrobot.notify.NotifyScheduler;
import com.syncrobot.notify.NotifyStore;
import com.syncrobot.draft.OllamaClient;
import com.syncrobot.metrics.Metrics;
import com.syncrobot.slack.SlackBot;
import com.syncrobot.slack.plan.PlanSettings;
import com.syncrobot.store.ConnectedUserStore;
import com.syncrobot.store.Database;
import com.syncrobot.store.RateStore;
import com.syncrobot.store.StoreLock;
import com.syncrobot.store.StoreLockedException;
import com.syncrobot.store.StoreRequestLedger;
import com.syncrobot.syncro.Redactor;
import com.syncrobot.syncro.RequestBudget;
import com.syncrobot.syncro.Sleeper;
import com.syncrobot.syncro.SyncroClient;
import com.syncrobot.write.PlanState;
import com.syncrobot.write.PlanStore;
import com.syncrobot.write.Scheduler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running bot: the Bolt app served over HTTP ({@code POST /slack/events}) or Socket Mode,
 * plus {@code GET /healthz} (alive) and {@code GET /readyz} (every part up, see {@link Readiness}) in both modes. {@link #start(BotConfig)} does the production wiring;
 * {@link #stop()} releases everything it started, in reverse order.
 */
public final class BotServer implements AutoCloseable {
  /** Where {@code serve} listens: every interface, as a container expects. */
  public static final String DEFAULT_BIND_HOST = "0.0.0.0";
  /** Parallel Socket Mode listeners; without it Bolt runs them one at a time. */
  static final int SOCKET_MODE_CONCURRENCY = 8;
  /** How often the preview sweeper runs. */
  private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);

  private static final Logger log = LoggerFactory.getLogger(BotServer.class);

  /**
   * How long {@link #stop()} takes at most (give or take a Slack call being made): inside Docker's stop timeout
   * (10 s from SIGTERM to SIGKILL), with room for the JVM to end.
   */
  static final Duration STOP_WITHIN = Duration.ofSeconds(8);
  /** Of {@link #STOP_WITHIN}, what is kept for closing the HTTP side, the Slack client and the store. */
  private static final Duration CLOSE_RESERVE = Duration.ofSeconds(1);

  private final HttpTransport http;
  private final SlackBot bot;
  private final Deque<AutoCloseable> resources;
  /** Socket Mode's connection (nothing in HTTP mode): closed first when stopping (also in {@link #resources}). */
  private final AutoCloseable socket;
  /** The schedulers: stopped while the bot's work finishes (each also in {@link #resources}). */
  private final Deque<AutoCloseable> schedulers;
  /** The loops behind readiness parts, by part name; for tests. */
  private final Map<String, AutoCloseable> loops;
  private boolean stopped;

  private BotServer(HttpTransport http, SlackBot bot, Deque<AutoCloseable> resources, AutoCloseable socket,
      Deque<AutoCloseable> schedulers, Map<String, AutoCloseable> loops) {
    this.http = http;
    this.bot = bot;
    this.resources = resources;
    this.socket = socket;
    this.schedulers = schedulers;
    this.loops = loops;
  }

  /**
   * Starts the bot from {@code config}: opens the store (creating the token key on first start),
   * builds the Syncro client and the Slack app, then serves.
   *
   * @throws ConfigException when a required variable is missing; its message names it
   */
  public static BotServer start(BotConfig config) {
    return start(config, DEFAULT_BIND_HOST);
  }

  /**
   * Starts the bot from {@code config} exactly as {@link #start(BotConfig)} does, listening on
   * {@code bindHost} instead of every interface; the playground binds it to loopback.
   *
   * @throws ConfigException when a required variable is missing; its message names it
   */
  public static BotServer start(BotConfig config, String bindHost) {
    return start(config, bindHost, SyncroClient.builder(), null);
  }

  /**
   * Starts the bot as {@link #start(BotConfig, String)} does, except for two seams that test rigs set:
   * the Syncro client's builder (e.g. a request budget of its own; without one the bot spends the budget of
   * {@code SYNCRO_BOT_EGRESS} in the store) and the scheduler of the engine's
   * re-checks (e.g. one that runs a minute's wait in 100 ms). {@code recheck} null means the bot's own.
   *
   * @throws ConfigException when a required variable is missing; its message names it
   */
  public static BotServer start(BotConfig config, String bindHost, SyncroClient.Builder syncroClient,
      @Nullable Scheduler recheck) {
    // Check every required variable before touching disk or network, so a misconfiguration stops
    // the bot with one line naming all that are missing and leaves nothing behind.
    config.requireForServing();
    String syncroBaseUrl = config.requireSyncroBaseUrl();

    Clock clock = Clock.systemUTC();
    Metrics metrics = metrics(config);
    Deque<AutoCloseable> owned = new ArrayDeque<>();
    try {
      // One serving bot per store, held until it stops; the command-line tools do not take it.
      owned.push(StoreLock.acquire(config.dbUrl(), clock));
    } catch (StoreLockedException e) {
      throw new ConfigException(e.getMessage());
    }
    CompletableFuture<Slack> slack = slackAsync(config);
    SyncroReach reach;
    Storage storage;
    SyncroClient syncro;
    OllamaClient ollama;
    try {
      reach = new SyncroReach(syncroBaseUrl, clock);
      storage = Storage.open(config, clock);
      owned.push(storage);
      if (!syncroClient.hasBudget()) {
        syncroClient.budget(storeBudget(config, storage.db(), clock));
      }
      syncro = syncroClient.baseUrl(syncroBaseUrl).observer(reach).metrics(metrics).build();
      ollama = ollama(config);
    } catch (RuntimeException e) {
      closeAll(owned);
      closeWhenMade(slack);
      throw e;
    }
    // From here on a failed start releases everything itself, the Slack client included.
    return start(config, bindHost, storage.db(), syncro, reach, storage.users(), clock, ollama, recheck, owned,
        slack, metrics);
  }

  /**
   * Starts the bot from parts already made, listening on {@code bindHost}; for tests and tools.
   * The caller keeps ownership of {@code db}.
   */
  static BotServer start(BotConfig config, String bindHost, Database db, SyncroClient syncro, ConnectedUserStore users,
      Clock clock) {
    return start(config, bindHost, db, syncro, null, users, clock, ollama(config), null, new ArrayDeque<>(),
        slackAsync(config), metrics(config));
  }

  /** Starts the bot from parts already made, with its own language-model client (timeouts for tests). */
  static BotServer start(BotConfig config, String bindHost, Database db, SyncroClient syncro, ConnectedUserStore users,
      Clock clock, OllamaClient ollama) {
    return start(config, bindHost, db, syncro, null, users, clock, ollama, null, new ArrayDeque<>(),
        slackAsync(config), metrics(config));
  }

  /**
   * The Syncro request budget of {@code SYNCRO_BOT_EGRESS}, counted in the store: shared with every process
   * on the same database that names the same egress, and remembered across a restart.
   */
  private static RequestBudget storeBudget(BotConfig config, Database db, Clock clock) {
    return new RequestBudget(config.syncroRequestsPerMinute(), new StoreRequestLedger(db, config.egress()), clock,
        Sleeper.system());
  }

  /** A registry for {@code GET /metrics} when {@code SYNCRO_BOT_METRICS=true}, else nothing recorded. */
  private static Metrics metrics(BotConfig config) {
    return config.metrics() ? Metrics.prometheus() : Metrics.NONE;
  }

  /** The drafting model at {@code OLLAMA_URLS} (R13); without URLs every draft uses the technician's words. */
  static OllamaClient ollama(BotConfig config) {
    return OllamaClient.builder().urls(config.ollamaUrls()).build();
  }

  /**
   * {@code reach} sees the answers of {@code syncro}; null when the client was made elsewhere (tests), where
   * only readiness's probes tell whether Syncro answers.
   */
  private static BotServer start(BotConfig config, String bindHost, Database db, SyncroClient syncro,
      @Nullable SyncroReach reach, ConnectedUserStore users, Clock clock, OllamaClient ollama,
      @Nullable Scheduler recheck, Deque<AutoCloseable> resources, CompletableFuture<Slack> slackAsync,
      Metrics metrics) {
    String botToken;
    boolean socketMode = config.socketMode();
    String signingSecret;
    try {
      botToken = config.requireSlackBotToken();
      signingSecret = socketMode ? config.slackSigningSecret() : config.requireSigningSecret();
    } catch (ConfigException e) {
      closeAll(resources);
      closeWhenMade(slackAsync);
      throw e;
    }
    try {
      Slack slack = joinSlack(slackAsync);
      resources.push(slack);
      // One thread for the engine's re-checks and the preview sweeper; both are short.
      ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bot-timers");
        t.setDaemon(true);
        return t;
      });
      Deque<AutoCloseable> schedulers = new ArrayDeque<>();
      resources.push(once(timers::shutdownNow, schedulers));
      String web = config.syncroBaseUrl() == null ? null : PlanSettings.webUrlOf(config.syncroBaseUrl());
      PlanSettings writeOptions = new PlanSettings(config.previewTtl(), config.auditChannel(), config.sessionLogDir(),
          ollama, new RateStore(db), web, recheck != null ? recheck : Scheduler.of(timers), Ticker.systemTicker(),
          config.settleWindow(), config.runnerLease(), metrics);
      metrics.planStates(PlanState.values(), new PlanStore(db.jdbi())::countByState);
      SlackBot bot = SlackBot.create(slack, botToken, signingSecret, syncro, users, clock, db.jdbi(), writeOptions,
          new DigestStore(db, clock), config.requireSyncroBaseUrl(), config.digest());
      resources.push(bot);
      InetSocketAddress address = new InetSocketAddress(bindHost, config.port());
      // Not ready until every part below is added (started()); /healthz answers from the moment it listens.
      Readiness readiness = new Readiness().add("store", Readiness.store(db::healthy));
      Map<String, AutoCloseable> loops = new LinkedHashMap<>();
      HttpTransport http;
      AutoCloseable socketClose = () -> {};
      if (socketMode) {
        http = listen(() -> HttpTransport.serveHealthOnly(address, readiness), address);
        resources.push(http);
        http.serveMetrics(metrics);
        SocketModeApp socket = new SocketModeApp(appToken(config), bot.app(), SOCKET_MODE_CONCURRENCY);
        socketClose = once(socket::close, new ArrayDeque<>());
        resources.push(socketClose);
        connect(socket);
        // Logs "Connected" only once a session is open, and each loss and reconnection after.
        SocketModeWatch watch = SocketModeWatch.start(socket, clock);
        resources.push(watch);
        readiness.add("slack", watch::state);
        log.info("Socket Mode: {} and {} on port {}", HttpTransport.HEALTH_PATH, HttpTransport.READY_PATH,
            http.port());
      } else {
        bot.app().start();
        resources.push(() -> bot.app().stop());
        readiness.add("slack", () -> bot.app().status() == App.Status.Running ? Readiness.State.ok()
            : Readiness.State.down("the Slack app is stopped"));
        http = listen(() -> HttpTransport.serveSlack(address, bot, readiness), address);
        resources.push(http);
        http.serveMetrics(metrics);
        log.info("Serving Slack over HTTP on port {} ({}, {} and {})", http.port(), HttpTransport.EVENTS_PATH,
            HttpTransport.HEALTH_PATH, HttpTransport.READY_PATH);
      }
      SyncroReach syncroReach = reach != null ? reach : new SyncroReach(config.requireSyncroBaseUrl(), clock);
      readiness.add("syncro", syncroReach::state);
      // The runner's heartbeat has a thread of its own: a slow sweep must never make it look dead.
      ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "runner-heartbeat");
        t.setDaemon(true);
        return t;
      });
      resources.push(once(beats::shutdownNow, schedulers));
      int resumed = bot.resumePlans();
      Instant since = clock.instant();
      Duration beatEvery = bot.heartbeatEvery();
      long every = beatEvery.toMillis();
      Pulse beat = new Pulse(clock);
      beats.scheduleWithFixedDelay(beat.around(bot::heartbeat), every, every, TimeUnit.MILLISECONDS);
      // Silent for a lease (three beats), other processes take this one's plans over.
      readiness.add("plan_runner_heartbeat", Readiness.loop(clock, beatEvery, beatEvery.multipliedBy(3), since,
          () -> !beats.isShutdown(), beat::last));
      loops.put("plan_runner_heartbeat", beats::shutdownNow);
      if (resumed > 0) {
        log.info("Resuming {} plan(s) that were running when the bot stopped", resumed);
      }
      Pulse sweep = new Pulse(clock);
      timers.scheduleWithFixedDelay(sweep.around(bot::sweep), SWEEP_EVERY.toMillis(), SWEEP_EVERY.toMillis(),
          TimeUnit.MILLISECONDS);
      readiness.add("preview_sweeper", Readiness.loop(clock, SWEEP_EVERY, Readiness.overdue(SWEEP_EVERY), since,
          () -> !timers.isShutdown(), sweep::last));
      loops.put("preview_sweeper", timers::shutdownNow);
      AutoCloseable digests = bot.startDigestScheduler();
      resources.push(once(digests, schedulers));
      if (digests instanceof DigestScheduler d) {
        readiness.add("digest_scheduler", Readiness.loop(clock, DigestScheduler.TICK,
            Readiness.overdue(DigestScheduler.TICK), since, d::running, d::lastBeat));
        loops.put("digest_scheduler", d);
      }
      AutoCloseable notices = bot.startNotifyScheduler(
          new NotifyStore(db, clock, config.notifications().batchWindow()), config.notifications());
      resources.push(once(notices, schedulers));
      if (notices instanceof NotifyScheduler n) {
        readiness.add("notify_scheduler", Readiness.loop(clock, NotifyScheduler.TICK,
            Readiness.overdue(NotifyScheduler.TICK), since, n::running, n::lastBeat));
        loops.put("notify_scheduler", n);
      }
      readiness.started();
      return new BotServer(http, bot, resources, socketClose, schedulers, loops);
    } catch (ConfigException e) {
      closeAll(resources);
      throw e;
    } catch (Exception e) {
      closeAll(resources);
      throw new IllegalStateException("the bot could not start: " + e.getClass().getSimpleName(), e);
    }
  }

  /** Starts one of the two HTTP transports. */
  private interface Listener {
    HttpTransport open() throws IOException;
  }

  /** Opens the HTTP side; a port that cannot be bound is the operator's to fix, so the message says which. */
  private static HttpTransport listen(Listener listener, InetSocketAddress address) {
    try {
      return listener.open();
    } catch (IOException e) {
      throw new ConfigException("cannot listen on " + address.getHostString() + ":" + address.getPort() + " ("
          + e.getMessage() + "); is " + BotConfig.PORT + " already in use?");
    }
  }

  /**
   * Makes the Slack client and checks the bot token ({@link #checkBotToken}) on a thread of its own, so that
   * the HTTP client's TLS set-up and the round trip to Slack overlap the opening of the store instead of
   * delaying the first healthy answer. {@link #joinSlack} waits for it; if the start fails before that,
   * {@link #closeWhenMade} releases it.
   */
  private static CompletableFuture<Slack> slackAsync(BotConfig config) {
    String botToken = config.requireSlackBotToken();
    CompletableFuture<Slack> made = new CompletableFuture<>();
    Thread t = new Thread(() -> {
      Slack slack = null;
      try {
        slack = Slack.getInstance(slackConfig(config));
        checkBotToken(slack, botToken);
        made.complete(slack);
      } catch (RuntimeException | Error e) {
        closeQuietly(slack);
        made.completeExceptionally(e);
      }
    }, "slack-start");
    t.setDaemon(true);
    t.start();
    return made;
  }

  /** Waits for {@link #slackAsync}; a refused token surfaces as the {@link ConfigException} it was. */
  private static Slack joinSlack(CompletableFuture<Slack> slack) {
    try {
      return slack.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  /** Closes the Slack client of {@link #slackAsync} once it is made; nothing when making it failed. */
  private static void closeWhenMade(CompletableFuture<Slack> slack) {
    slack.thenAccept(BotServer::closeQuietly);
  }

  private static void closeQuietly(@Nullable AutoCloseable r) {
    if (r == null) {
      return;
    }
    try {
      r.close();
    } catch (Exception e) {
      log.warn("Shutdown step failed: {}", e.getClass().getName());
    }
  }

  /**
   * Asks Slack who the bot token belongs to, so a wrong token stops the bot at start with a
   * plain message; an unreachable Slack is only logged, since it may be back in a moment.
   */
  private static void checkBotToken(Slack slack, String botToken) {
    try {
      AuthTestResponse auth = slack.methods(botToken).authTest(r -> r);
      if (!auth.isOk()) {
        throw new ConfigException("Slack refused " + BotConfig.SLACK_BOT_TOKEN + " (" + auth.getError()
            + "); copy the Bot User OAuth Token from the app's OAuth & Permissions page");
      }
      log.info("Slack bot token belongs to bot user {} in team {}", auth.getUserId(), auth.getTeamId());
    } catch (IOException | SlackApiException e) {
      log.warn("Could not reach Slack's Web API to check the bot token: {}", e.getClass().getName());
    }
  }

  /** Connects Socket Mode; the SDK reports a refused app token as an IllegalStateException. */
  private static void connect(SocketModeApp socket) throws Exception {
    try {
      socket.startAsync();
    } catch (IllegalStateException e) {
      throw new ConfigException("could not connect to Slack in Socket Mode ("
          + Redactor.redact(String.valueOf(e.getMessage())) + "); check " + BotConfig.SLACK_APP_TOKEN
          + " (an app-level xapp- token with connections:write) and that Slack is reachable");
    }
  }

  private static String appToken(BotConfig config) {
    String token = config.slackAppToken();
    if (token == null) {
      throw new ConfigException("missing required environment variable " + BotConfig.SLACK_APP_TOKEN);
    }
    return token;
  }

  /** One Slack client for the whole process: several leak threads (java-slack-sdk #1060). */
  static SlackConfig slackConfig(BotConfig config) {
    SlackConfig sc = new SlackConfig();
    sc.setMethodsEndpointUrlPrefix(config.slackApiUrl());
    sc.setStatsEnabled(false);
    sc.setHttpClientReadTimeoutMillis((int) Duration.ofSeconds(10).toMillis());
    sc.setHttpClientWriteTimeoutMillis((int) Duration.ofSeconds(10).toMillis());
    sc.setHttpClientCallTimeoutMillis((int) Duration.ofSeconds(15).toMillis());
    return sc;
  }

  /** Stops the loop behind readiness part {@code name}, as a thread that died would; for tests. */
  void stopLoop(String name) throws Exception {
    AutoCloseable loop = loops.get(name);
    if (loop == null) {
      throw new IllegalArgumentException("no loop named " + name + "; there are " + loops.keySet());
    }
    loop.close();
  }

  /** Runs the preview sweeper now instead of at its next minute; for tests. */
  void sweepNow() {
    bot.sweep();
  }

  /** Returns the port the HTTP side listens on (health check, and Slack events in HTTP mode). */
  public int port() {
    return http.port();
  }

  /**
   * Stops within {@link #STOP_WITHIN} and releases everything this server started; safe to call twice. In order:
   * takes no new work (Slack's requests are answered "restarting", Socket Mode's connection is closed so Slack sends
   * elsewhere or again later, plans send no further step); stops the schedulers while the work under way finishes
   * (a plan's step waits for Syncro's answer and records it; its plan is left for the next start, its owner told
   * so; a step whose answer does not come in time stays recorded as maybe sent, checked at the next start); writes
   * what is written behind; closes the HTTP side, the Slack client and the store.
   */
  public synchronized void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    long began = System.nanoTime();
    bot.stopTaking();
    log.info("Taking no new work; the work under way has {} s to finish", STOP_WITHIN.minus(CLOSE_RESERVE).toSeconds());
    closeQuietly(socket);
    // The schedulers stop (each waits briefly for a digest or a poll under way) while the bot's work finishes.
    Thread stopping = new Thread(() -> closeAll(schedulers), "stop-schedulers");
    stopping.start();
    Duration left = STOP_WITHIN.minus(CLOSE_RESERVE).minusNanos(System.nanoTime() - began);
    bot.close(left.isNegative() ? Duration.ZERO : left);
    try {
      stopping.join(Math.max(1, STOP_WITHIN.minus(CLOSE_RESERVE).toMillis()
          - (System.nanoTime() - began) / 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    closeAll(resources);
    log.info("Stopped in {} ms", (System.nanoTime() - began) / 1_000_000);
  }

  /** {@code r}, closed once however often it is asked; also added to {@code group}. */
  private static AutoCloseable once(AutoCloseable r, Deque<AutoCloseable> group) {
    AtomicBoolean closed = new AtomicBoolean();
    AutoCloseable c = () -> {
      if (closed.compareAndSet(false, true)) {
        r.close();
      }
    };
    group.push(c);
    return c;
  }

  @Override
  public void close() {
    stop();
  }

  private static void closeAll(Deque<AutoCloseable> resources) {
    while (!resources.isEmpty()) {
      closeQuietly(resources.pop());
    }
  }

  @Override
  public String toString() {
    return "BotServer[port=" + http.port() + "]";
  }
}
