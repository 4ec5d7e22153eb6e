package com.syncrobot.slack;

import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.syncrobot.draft.BillingDrafter;
import com.syncrobot.draft.CommentDrafter;
import com.syncrobot.store.ConnectedUserStore;
import com.syncrobot.syncro.SyncroApi;
import com.syncrobot.syncro.SyncroClient;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntSupplier;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the write side into the Bolt app: the plan store and engine, the preview updater, the
 * redelivery filter, the plan buttons and the comment / close / update / bill commands (R1, R2).
 * Owns the engine's thread pool.
 */
final class SafeWrites implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SafeWrites.class);

  private final PlanExecutor executor;
  private final DeliveryLog deliveries;
  private final ExecutorService pool;
  /** Tells owners the plans that ended unannounced; returns how many. */
  private final IntSupplier retell;

  private SafeWrites(PlanExecutor executor, DeliveryLog deliveries, ExecutorService pool, IntSupplier retell) {
    this.executor = executor;
    this.deliveries = deliveries;
    this.pool = pool;
    this.retell = retell;
  }

  static SafeWrites wire(App app, Subcommands subcommands, Slack slack, String botToken, SyncroClient syncro,
      ConnectedUserStore users, Clock clock, WorkQueue work, WorkQueue slow, Jdbi jdbi, WriteOptions options) {
    PlanStore store = new PlanStore(jdbi);
    DeliveryLog deliveries = new DeliveryLog(jdbi, clock);
    SlackOut out = new SlackOut(slack, botToken);
    Function<String, Optional<SyncroApi>> apis = slackUserId -> users.find(slackUserId).map(u -> syncro.as(u.token()));
    AtomicInteger n = new AtomicInteger();
    // Unbounded on purpose: a plan refused by a full queue would sit EXECUTING until the next start.
    ThreadPoolExecutor pool = new ThreadPoolExecutor(4, 4, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
      Thread t = new Thread(r, "plan-run-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    pool.allowCoreThreadTimeOut(true);
    RecoveryPlanner recovery = new RecoveryPlanner(store, apis, options.rates(), clock, options.previewTtl());
    PlanResults results = new PlanResults(apis, out, deliveries, options.ticker());
    PreviewUpdater updater = new PreviewUpdater(store, out, apis, deliveries, options.auditChannel(), recovery,
        options.syncroWebUrl(), results);
    PlanListener tell = plan -> {
      updater.planChanged(plan);
      results.planChanged(plan);
    };
    PlanExecutor executor = PlanExecutor.builder()
        .store(store)
        .apis(apis)
        .tokenUser(slackUserId -> users.find(slackUserId).map(u -> u.syncroUserId()))
        .settleWindow(options.settleWindow())
        .listener(tell)
        .executor(pool)
        .scheduler(options.scheduler())
        .clock(clock)
        .runnerLease(options.runnerLease())
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
    app.blockAction(PlanPreview.SESSION_LOG,
        new SessionLogAction(store, apis, work, out, options.sessionLogDir(), clock));

    PlanRequests requests = new PlanRequests(users, syncro, store, work, slow, out, clock, options.previewTtl());
    UnfinishedBills unfinished = new UnfinishedBills(store);
    BillCommand bill = new BillCommand(users, syncro, options.rates(), options.ollama(), work, out, unfinished);
    subcommands.register(WriteCommand.comment(users)).register(WriteCommand.close(users))
        .register(new UpdateCommand(users, syncro, new AccountSettings(options.ticker()), work, out))
        .register(bill);
    app.viewSubmission(WriteModal.CALLBACK_ID, new WriteSubmission(requests, deliveries,
        new CommentDrafter(options.ollama())));
    app.viewSubmission(UpdateModal.CALLBACK_ID, new UpdateSubmission(requests, deliveries));
    BillPlanner planner = new BillPlanner(options.rates(), new BillingDrafter(options.ollama()), unfinished);
    app.viewSubmission(BillModal.CALLBACK_ID, BillSubmission.bill(requests, deliveries, planner));
    app.viewSubmission(BillModal.TIMERS_CALLBACK_ID, BillSubmission.timers(requests, deliveries, planner));
    // "Finish the remaining steps": on a stopped plan's message, a billing preview and the bill form
    FinishAction finish = new FinishAction(store, apis, out, work, deliveries, results, clock,
        options.previewTtl());
    app.blockAction(PlanResults.FINISH, finish.handler());
    app.blockAction(FinishBillModal.ANYWAY, bill.billAnyway());
    app.viewSubmission(FinishBillModal.CALLBACK_ID, FinishBillModal.submission(finish, work, deliveries));
    CreateFeatures.wire(app, subcommands, users, syncro, requests, deliveries, out, work, clock, options);
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
    return new SafeWrites(executor, deliveries, pool, retell);
  }

  PlanExecutor executor() {
    return executor;
  }

  /**
   * At start: tells each owner how their plans ended when the bot stopped between a plan ending (or
   * stopping to ask) and the message saying so; then resumes the plans that were running or waiting.
   * Returns how many plans were resumed.
   */
  int resume() {
    int told = retell.getAsInt();
    if (told > 0) {
      log.info("Told {} technician(s) how a plan ended while the bot was stopping", told);
    }
    return executor.resume();
  }

  void sweep() {
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

  @Override
  public void close() {
    pool.shutdown();
    try {
      if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
        pool.shutdownNow();
      }
    } catch (InterruptedException e) {
      pool.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  static Duration sweepEvery() {
    return Duration.ofMinutes(1);
  }
}
