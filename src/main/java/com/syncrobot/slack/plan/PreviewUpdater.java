package com.syncrobot.slack.plan;

import com.syncrobot.feature.assign.AssignPlans;
import com.syncrobot.feature.bill.BillResult;
import com.syncrobot.feature.bill.RecoveryPlanner;
import com.syncrobot.slack.DeliveryLog;
import com.syncrobot.slack.QueuedNotice;
import com.syncrobot.slack.SafeLog;
import com.syncrobot.slack.SlackOut;
import com.syncrobot.slack.blocks.Mrkdwn;
import com.syncrobot.slack.blocks.Reply;

import com.syncrobot.syncro.SyncroApi;
import com.syncrobot.syncro.Ticket;
import com.syncrobot.write.Plan;
import com.syncrobot.write.PlanListener;
import com.syncrobot.write.PlanState;
import com.syncrobot.write.PlanStore;
import com.syncrobot.write.Step;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the technician's preview message in step with the plan: replaces it through the plan's
 * latest response_url; when that no longer works (it expires after 30 minutes, e.g. across a
 * restart) it forgets the URL and sends the states that matter as a DM instead. Posts one audit
 * line per completed plan when an audit channel is set. Thread-safe.
 */
public final class PreviewUpdater implements PlanListener {
  private static final Logger log = LoggerFactory.getLogger(PreviewUpdater.class);
  /** Uses of a response_url kept back for the outcome and one decision or repair offer after it. */
  static final int RESERVED_URL_USES = 2;
  /** Uses running progress leaves, so that a wait for Syncro can still be shown once before the outcome. */
  static final int RESERVED_FROM_PROGRESS = RESERVED_URL_USES + 1;

  private final PlanStore store;
  private final SlackOut out;
  private final Function<String, Optional<SyncroApi>> apis;
  private final DeliveryLog once;
  private final @Nullable String auditChannel;
  private final RecoveryPlanner recovery;
  private final @Nullable String webUrl;
  private final ResultAddendum addenda;
  private final QueuedNotice budget;

  /**
   * Creates the updater; {@code addenda} adds feature-specific results (e.g. a created ticket's number), {@code
   * budget} says when a running plan's next request waits for Syncro's request budget.
   */
  PreviewUpdater(PlanStore store, SlackOut out, Function<String, Optional<SyncroApi>> apis, DeliveryLog once,
      @Nullable String auditChannel, RecoveryPlanner recovery, @Nullable String webUrl, ResultAddendum addenda,
      QueuedNotice budget) {
    this.store = store;
    this.out = out;
    this.apis = apis;
    this.once = once;
    this.auditChannel = auditChannel;
    this.recovery = recovery;
    this.webUrl = webUrl;
    this.addenda = addenda;
    this.budget = budget;
  }

  @Override
  public void planChanged(Plan plan) {
    int reserve = switch (plan.state()) {
      case EXECUTING -> RESERVED_FROM_PROGRESS;
      case WAITING -> RESERVED_URL_USES;
      default -> 0;
    };
    if (reserve > 0 && plan.responseUrl() != null && out.usesLeft(plan.responseUrl()) <= reserve) {
      // A response_url takes five messages; progress and re-checks must never use up the ones the outcome
      // needs. The message already says the bot is on it and will update it.
      return;
    }
    ResultAddendum.Addendum addendum = addenda.of(plan);
    String extra = addendum.text();
    if (plan.state() == PlanState.EXECUTING) {
      // e.g. just confirmed while the team uses the whole budget: say so, not a spinner for a minute
      String queued = budget.now(QueuedNotice.Awaited.PLAN).orElse(null);
      extra = queued == null ? extra : extra == null ? queued : extra + "\n" + queued;
    }
    if (extra == null && plan.state() == PlanState.DONE) {
      String status = readBack(plan);
      String billed = BillResult.result(plan, webUrl);
      extra = status == null ? billed : billed == null ? status : billed + "\n" + status;
    }
    Reply reply = addendum.appendTo(PlanPreview.render(plan, extra));
    boolean replaced = out.replace(plan.responseUrl(), reply);
    if (!replaced) {
      if (plan.responseUrl() != null) {
        // One failure means the URL expired or was used up: later updates go by DM.
        store.setResponseUrl(plan.id(), null);
      }
      // By DM: every state that ends or asks something, and a wait only once (a long outage re-checks
      // many times and must not fill the technician's DMs).
      boolean worthADm = switch (plan.state()) {
        case EXECUTING -> false;
        case WAITING -> once.firstTime("waiting-dm:" + plan.id());
        default -> true;
      };
      if (worthADm) {
        replaced = out.post(plan.slackUserId(), reply);
      }
    }
    if (replaced && endsOrAsks(plan.state())) {
      once.firstTime(toldKey(plan));
    }
    if (plan.state() == PlanState.DONE && auditChannel != null && once.firstTime("audit:" + plan.id())) {
      out.post(auditChannel, Reply.of(auditLine(plan)));
    }
    String summary = plan.state() == PlanState.DONE ? BillResult.summary(plan, webUrl) : null;
    if (summary != null && once.firstTime("summary:" + plan.id())) {
      // public on purpose: the channel sees that the work was billed, never the comment text
      out.post(plan.channelId(), Reply.of(summary));
    }
    if (plan.state() == PlanState.NEEDS_RECOVERY && once.firstTime("repair-offer:" + plan.id())) {
      offerRepair(plan);
    }
  }

  /**
   * Returns whether the owner was shown this state of the plan, or it does not need showing. A plan that
   * ended while the bot was going down may not have been told; {@code PlanMachinery} asks at start.
   */
  boolean told(Plan plan) {
    return !endsOrAsks(plan.state()) || once.seen(toldKey(plan));
  }

  private static boolean endsOrAsks(PlanState state) {
    return switch (state) {
      case DONE, FAILED, NEEDS_DECISION, NEEDS_RECOVERY -> true;
      default -> false;
    };
  }

  /** The state and the attempts so far: a second "needs your decision" after a resend is a new thing to tell. */
  private static String toldKey(Plan plan) {
    return "told:" + plan.id() + ":" + plan.state() + ":" + plan.steps().stream().mapToInt(Step::attempt).sum();
  }

  /** Posts the R10 repair's preview beside the stopped billing (or by DM), to be confirmed like any plan. */
  void offerRepair(Plan plan) {
    Reply offer = recovery.offer(plan);
    String url = store.find(plan.id()).map(Plan::responseUrl).orElse(null);
    if (url == null || !out.ephemeral(url, offer)) {
      out.post(plan.slackUserId(), offer);
    }
  }

  /**
   * Tells the ticket's status after a status change as Syncro holds it: as Syncro answered the last
   * change (the ticket it saved), or, when that answer is not at hand (a change found by verification,
   * an answer cut short), read back from Syncro.
   */
  private @Nullable String readBack(Plan plan) {
    if (plan.ticket() == null || !plan.steps().stream().anyMatch(s -> "PUT".equals(s.method()))) {
      return null;
    }
    try {
      Step last = plan.steps().stream().filter(s -> "PUT".equals(s.method())).reduce((a, b) -> b).orElseThrow();
      Optional<Ticket> answered = SyncroApi.ticketInAnswer(last.resultBody())
          .filter(t -> t.id().equals(plan.ticket().id()));
      String how = answered.isPresent() ? "as Syncro answered" : "read back from Syncro";
      Ticket t;
      if (answered.isPresent()) {
        t = answered.get();
      } else {
        Optional<SyncroApi> api = apis.apply(plan.slackUserId());
        if (api.isEmpty()) {
          return null;
        }
        t = api.get().ticket(plan.ticket().id());
      }
      if (AssignPlans.KIND.equals(plan.kind())) {
        String who = t.userId() == null ? "nobody" : t.userId() == plan.syncroUserId() ? "you"
            : t.assignedTechName() == null ? "another technician" : Mrkdwn.escapeAndTruncate(t.assignedTechName(), 100);
        return "*#" + t.number().value() + " is assigned to (" + how + "):* " + who + " · *Status:* "
            + Mrkdwn.escapeAndTruncate(t.status(), 100);
      }
      return "*Status now (" + how + "):* " + Mrkdwn.escapeAndTruncate(t.status(), 100)
          + (t.priority() == null ? "" : " · *Priority:* " + Mrkdwn.escapeAndTruncate(t.priority(), 50));
    } catch (RuntimeException e) {
      log.info("Reading back ticket of plan {} failed: {}", plan.id(), SafeLog.describe(e));
      return "_Could not read the ticket back from Syncro just now; open it to see its status._";
    }
  }

  static String auditLine(Plan plan) {
    String ids = plan.steps().stream()
        .map(Step::resultId)
        .filter(id -> id != null)
        .map(String::valueOf)
        .collect(Collectors.joining(", "));
    String ticket = plan.ticket() == null ? "" : " · #" + plan.ticket().number().value();
    return ":memo: <@" + plan.slackUserId() + "> as " + Mrkdwn.escapeAndTruncate(plan.syncroUserName(), 100) + ticket
        + " · " + Mrkdwn.escapeAndTruncate(plan.title(), 200) + (ids.isEmpty() ? "" : " · Syncro ids " + ids);
  }
}
