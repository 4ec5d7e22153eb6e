package com.syncrobot.slack.plan;

import com.syncrobot.feature.bill.RecoveryPlanner;
import com.syncrobot.slack.SlackOut;
import com.syncrobot.slack.UserMessages;
import com.syncrobot.slack.WorkQueue;
import com.syncrobot.slack.blocks.Mrkdwn;
import com.syncrobot.slack.blocks.Reply;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.syncrobot.write.CancelResult;
import com.syncrobot.write.ConfirmResult;
import com.syncrobot.write.DecisionResult;
import com.syncrobot.write.Plan;
import com.syncrobot.write.PlanExecutor;
import com.syncrobot.write.PlanStore;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The buttons on a plan's message: Confirm, Cancel, Send it again, It landed / It did not land.
 * Each handler acks at once and does the work on the work queue. Only the technician who
 * asked may press them; anyone else gets an ephemeral refusal and nothing changes (R1). The
 * engine's atomic state changes make a double click or a second device harmless (R2); every
 * click that loses is told why. The preview itself is updated by {@link PreviewUpdater}.
 */
record PlanButtons(PlanStore store, PlanExecutor executor, WorkQueue work, SlackOut out) {
  private static final Logger log = LoggerFactory.getLogger(PlanButtons.class);

  /** A click's work once it is known to come from the plan's owner. */
  private interface OwnerWork {
    Optional<String> run(PlanClick click, Plan plan);
  }

  BlockActionHandler confirm() {
    return handler("confirm", (click, plan) -> Optional.ofNullable(confirmed(plan,
        executor.confirm(click.planId(), click.userId()))));
  }

  BlockActionHandler cancel() {
    return handler("cancel", (click, plan) -> Optional.ofNullable(cancelled(plan,
        executor.cancel(click.planId(), click.userId()))));
  }

  BlockActionHandler resend() {
    return handler("resend", (click, plan) -> Optional.ofNullable(decided(
        executor.resend(click.planId(), click.stepIndex(), click.userId()))));
  }

  BlockActionHandler settle(boolean landed) {
    return handler(landed ? "landed" : "not landed", (click, plan) -> Optional.ofNullable(decided(
        executor.settle(click.planId(), click.stepIndex(), click.userId(), landed))));
  }

  /** "Prepare the repair" on a billing stopped by a $0.00 invoice (R10): shows the repair plan again or anew. */
  BlockActionHandler recover(RecoveryPlanner recovery) {
    return handler("repair", (click, plan) -> {
      Reply offer = recovery.offer(plan);
      if (click.responseUrl() == null || !out.ephemeral(click.responseUrl(), offer)) {
        out.post(click.userId(), offer);
      }
      return Optional.empty();
    });
  }

  private BlockActionHandler handler(String what, OwnerWork ownerWork) {
    return (BlockActionRequest req, ActionContext ctx) -> {
      Optional<PlanClick> parsed = PlanClick.of(req);
      if (parsed.isEmpty()) {
        return ctx.ack();
      }
      PlanClick click = parsed.get();
      if (!work.submit("plan " + what, () -> run(click, ownerWork))) {
        tell(click, UserMessages.BUSY);
      }
      return ctx.ack();
    };
  }

  private void run(PlanClick click, OwnerWork ownerWork) {
    Optional<Plan> plan = store.find(click.planId());
    if (plan.isEmpty()) {
      tell(click, "That preview no longer exists; nothing was sent. Run the command again.");
      return;
    }
    if (!plan.get().isOwnedBy(click.userId())) {
      log.info("{} pressed a button on plan {} of {}: refused", click.userId(), click.planId(),
          plan.get().slackUserId());
      tell(click, ":no_entry: Only <@" + plan.get().slackUserId() + ">, who asked for this, can use these buttons."
          + " Nothing was changed.");
      return;
    }
    if (click.responseUrl() != null) {
      store.setResponseUrl(click.planId(), click.responseUrl());
    }
    ownerWork.run(click, plan.get()).ifPresent(message -> tell(click, message));
  }

  private void tell(PlanClick click, String mrkdwn) {
    if (click.responseUrl() == null || !out.ephemeral(click.responseUrl(), Reply.of(mrkdwn))) {
      out.post(click.userId(), Reply.of(mrkdwn));
    }
  }

  private static String rerun(Plan plan) {
    return "`" + Mrkdwn.inCode(PreviewData.fromJson(plan.previewJson(), "/syncro").rerun(), 100) + "`";
  }

  private static String confirmed(Plan plan, ConfirmResult result) {
    return switch (result) {
      case CONFIRMED -> null;
      case NOT_OWNER -> "Only <@" + plan.slackUserId() + ">, who asked for this, can confirm it. Nothing was changed.";
      case ALREADY_RUNNING -> "This is already running; your click changed nothing (it is never sent twice).";
      case ALREADY_DONE -> "This has already finished; your click changed nothing (it is never sent twice).";
      case CANCELLED -> "This was cancelled; nothing more is sent. Run " + rerun(plan) + " to start again.";
      case EXPIRED -> ":alarm_clock: This preview expired, so nothing was sent. Run " + rerun(plan) + " again.";
      case NOT_FOUND -> "That preview no longer exists; nothing was sent. Run " + rerun(plan) + " again.";
    };
  }

  private static String cancelled(Plan plan, CancelResult result) {
    return switch (result) {
      case CANCELLED -> null;
      case NOT_OWNER -> "Only <@" + plan.slackUserId() + ">, who asked for this, can cancel it.";
      case ALREADY_RUNNING -> "It is already running and cannot be cancelled now; watch the message for the result.";
      case ALREADY_DONE -> "It has already finished; there is nothing to cancel.";
      case ALREADY_CANCELLED -> "It was already cancelled.";
      case EXPIRED -> "This preview had already expired; nothing was sent.";
      case NOT_FOUND -> "That preview no longer exists; nothing was sent.";
    };
  }

  private static String decided(DecisionResult result) {
    return switch (result) {
      case ACCEPTED -> null;
      case NOT_OWNER -> "Only the technician who asked can decide this. Nothing was changed.";
      case NOT_APPLICABLE -> "That was already decided; your click changed nothing (nothing is sent twice).";
      case NOT_FOUND -> "That plan no longer exists.";
    };
  }
}
