package com.syncrobot.slack.plan;

import com.syncrobot.threads.Background;
import com.syncrobot.feature.bill.RecoveryPlanner;
import com.syncrobot.feature.bill.UnfinishedBills;
import com.syncrobot.slack.DeliveryLog;
import com.syncrobot.slack.FeatureContext;
import com.syncrobot.slack.RedeliveryFilter;
import com.syncrobot.slack.SlackOut;
import com.syncrobot.slack.QueuedNotice;
import com.syncrobot.slack.WorkQueue;

import com.syncrobot.slack.SafeLog;
import com.slack.api.bolt.App;
import com.syncrobot.store.ConnectedUserStore;
import com.syncrobot.syncro.SyncroApi;
import com.syncrobot.write.Plan;
import com.syncrobot.write.PlanExecutor;
import com.syncrobot.write.PlanListener;
import com.syncrobot.write.PlanStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.IntSupplier;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every write feature shares: the plan store and engine (with its thread pool), the preview
 * updater and results, the redelivery filter and the buttons on a plan's message (Confirm, Cancel,
 * Send it again, It landed / did not land, Show request, the $0.00 repair, Finish the remaining
 * steps), and {@link PlanRequests}, through which a feature turns a submission into a previewed plan
 * (R1, R2). Owns the engine's thread pool.
 */
public final class PlanMachinery implements AutoCloseable {
  /** Of the time to stop, what is kept for telling owners how their plans were left. */
  public static final Duration TELL_RESERVE = Duration.ofMillis(1500);
  private static final Logger log = LoggerFactory.getLogger(PlanMachinery.class);

  private final PlanSettings settings;
  private final PlanStore store;
  private final PlanExecutor executor;
  private final DeliveryLog deliveries;
  private final PlanRequests requests;
  private final PlanResults results;
  private final UnfinishedBills unfinished;
  private final FinishButton finish;
  private final Function<String, Optional<SyncroApi>> apis;
  private final ExecutorService pool;
  /** Tells owners the plans that ended unannounced; returns how many. */
  private final IntSupplier retell;
  private final OrderedNotices notices;

  private PlanMachinery(PlanSettings settings, PlanStore store, PlanExecutor executor, DeliveryLog deliveries,
      PlanRequests requests, PlanResults results, UnfinishedBills unfinished, FinishButton finish,
      Function<String, Optional<SyncroApi>> apis, ExecutorService pool, IntSupplier retell, OrderedNotices notices) {
    this.settings = settings;
    this.store = store;
    this.executor = executor;
    this.deliveries = deliveries;
    this.requests = requests;
    this.results = results;
    this.unfinished = unfinished;
    this.finish = finish;
    this.apis = apis;
    this.pool = pool;
    this.retell = retell;
    this.notices = notices;
  }

  /** Builds the machinery on the plan store in {@code jdbi} and registers the plan buttons on {@code app}. */
  public static PlanMachinery start(App app, FeatureContext ctx, Jdbi jdbi, PlanSettings options) {
    Clock clock = ctx.clock();
    ConnectedUserStore users = ctx.users();
    SlackOut out = ctx.out();
    WorkQueue work = ctx.work();
    PlanStore store = new PlanStore(jdbi);
    DeliveryLog deliveries = new DeliveryLog(jdbi, clock);
    Function<String, Optional<SyncroApi>> apis = slackUserId -> users.find(slackUserId)
        .map(u -> ctx.syncro().as(u.token()));
    // Unbounded on purpose: a plan refused by a full queue would sit EXECUTING until the next start.
    ThreadPoolExecutor pool = new ThreadPoolExecutor(4, 4, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
        Background.numbered("plan-run"));
    pool.allowCoreThreadTimeOut(true);
    RecoveryPlanner recovery = new RecoveryPlanner(store, apis, options.rates(), clock, options.previewTtl());
    PlanResults results = new PlanResults(apis, out, deliveries, options.ticker());
    PreviewUpdater updater = new PreviewUpdater(store, out, apis, deliveries, options.auditChannel(), recovery,
        options.syncroWebUrl(), results, new QueuedNotice(ctx.syncro()));
    PlanListener tell = plan -> {
      updater.planChanged(plan);
      results.planChanged(plan);
    };
    // Off the runner's thread: a Slack round trip must not sit between one Syncro step and the next.
    OrderedNotices notices = new OrderedNotices(tell, 4);
    PlanExecutor executor = PlanExecutor.builder()
        .store(store)
        .apis(apis)
        .tokenUser(slackUserId -> users.find(slackUserId).map(u -> u.syncroUserId()))
        .settleWindow(options.settleWindow())
        .listener(notices)
        .executor(pool)
        .scheduler(options.scheduler())
        .clock(clock)
        .runnerLease(options.runnerLease())
        .metrics(options.metrics())
        .build();

    app.use(new RedeliveryFilter(deliveries));
    PlanButtons buttons = new PlanButtons(store, executor, work, out);
    app.blockAction(PlanPreview.CONFIRM, buttons.confirm());
    app.blockAction(PlanPreview.CANCEL, buttons.cancel());
    app.blockAction(PlanPreview.RESEND, buttons.resend());
    app.blockAction(PlanPreview.LANDED, buttons.settle(true));
    app.blockAction(PlanPreview.NOT_LANDED, buttons.settle(false));
    app.blockAction(PlanPreview.SHOW_REQUEST, new ShowRequestAction(store, out));
    app.blockAction(PlanPreview.RECOVER, buttons.recover(recovery));

    PlanRequests requests = new PlanRequests(users, ctx.syncro(), store, work, ctx.slow(), out, clock,
        options.previewTtl());
    // "Finish the remaining steps": on a stopped plan's message, a new preview of what did not happen
    FinishButton finish = new FinishButton(store, apis, out, work, deliveries, results, clock, options.previewTtl());
    app.blockAction(PlanResults.FINISH, finish.handler());
    IntSupplier retell = () -> {
      int told = 0;
      for (Plan plan : store.endedSince(clock.instant().minus(DeliveryLog.KEEP))) {
        if (!updater.told(plan)) {
          tell.planChanged(plan);
          told++;
        }
      }
      return told;
    };
    return new PlanMachinery(options, store, executor, deliveries, requests, results, new UnfinishedBills(store),
        finish, apis, pool, retell, notices);
  }

  /** The settings of the write side. */
  public PlanSettings settings() {
    return settings;
  }

  /** The plan store. */
  public PlanStore store() {
    return store;
  }

  /** The Slack deliveries already handled, for the redelivery checks of view submissions. */
  public DeliveryLog deliveries() {
    return deliveries;
  }

  /** Turns a submission into a stored plan and its preview. */
  public PlanRequests requests() {
    return requests;
  }

  /** The results of plans; for a plan that came from a Slack message, posted in its thread. */
  public PlanResults results() {
    return results;
  }

  /** Billings of this bot that stopped before their invoice. */
  public UnfinishedBills unfinished() {
    return unfinished;
  }

  /** "Finish the remaining steps" of a plan that stopped part-way. */
  public FinishButton finish() {
    return finish;
  }

  /** The Syncro API of a connected technician, by Slack user id. */
  public Function<String, Optional<SyncroApi>> apis() {
    return apis;
  }

  public PlanExecutor executor() {
    return executor;
  }

  /**
   * At start: tells each owner how their plans ended when the bot stopped between a plan ending (or
   * stopping to ask) and the message saying so; then resumes the plans that were running or waiting.
   * Returns how many plans were resumed.
   */
  public int resume() {
    int told = retell.getAsInt();
    if (told > 0) {
      log.info("Told {} technician(s) how a plan ended while the bot was stopping", told);
    }
    return executor.resume();
  }

  public void sweep() {
    try {
      int expired = executor.expirePreviews().size();
      int pruned = deliveries.prune();
      if (expired > 0 || pruned > 0) {
        log.debug("Sweep: {} previews expired, {} delivery keys pruned", expired, pruned);
      }
    } catch (RuntimeException e) {
      log.warn("Sweep failed: {}", SafeLog.describe(e));
    }
  }

  /** The bot is stopping: no plan starts a pass, and running passes send no further step. */
  public void stopTaking() {
    executor.stopTaking();
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(15));
  }

  /**
   * Stops within {@code within}: the running passes get all of it but {@link #TELL_RESERVE} to finish the request
   * each has in flight (their plans are then left for the next start); the rest goes to recording the delivery
   * keys and telling the owners. A pass still waiting for Syncro's answer after that is abandoned: its step stays
   * recorded as being sent, which the next start verifies in Syncro before anything else.
   */
  public void close(Duration within) {
    long end = System.nanoTime() + within.toNanos();
    executor.stopTaking();
    pool.shutdown();
    try {
      if (!pool.awaitTermination(Math.max(0, end - System.nanoTime() - TELL_RESERVE.toNanos()), TimeUnit.NANOSECONDS)) {
        log.warn("A plan step was still waiting for Syncro's answer when the bot had to stop; it is checked in Syncro"
            + " at the next start");
        executor.leaveRunning();
        pool.shutdownNow();
      }
    } catch (InterruptedException e) {
      pool.shutdownNow();
      Thread.currentThread().interrupt();
    }
    // After the clicks' work: the delivery keys taken before the stop reach the store for the next start.
    try {
      deliveries.flush(Duration.ofNanos(Math.max(0, (end - System.nanoTime()) / 2)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    deliveries.close();
    notices.close(Duration.ofNanos(Math.max(0, end - System.nanoTime())));
    executor.retire();
  }

  public static Duration sweepEvery() {
    return Duration.ofMinutes(1);
  }
}
