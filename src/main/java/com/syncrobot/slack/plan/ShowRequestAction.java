package com.syncrobot.slack.plan;

import com.syncrobot.slack.SafeLog;
import com.syncrobot.slack.SlackOut;
import com.syncrobot.slack.blocks.Reply;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.syncrobot.write.Plan;
import com.syncrobot.write.PlanStore;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Show request": opens a modal with the exact requests of the plan (R1). The modal must open
 * within the click's 3-second trigger window, so this reads the plan (one local query) and calls
 * views.open before acking; only the plan's owner may see it.
 */
record ShowRequestAction(PlanStore store, SlackOut out) implements BlockActionHandler {
  private static final Logger log = LoggerFactory.getLogger(ShowRequestAction.class);

  @Override
  public Response apply(BlockActionRequest req, ActionContext ctx) {
    Optional<PlanClick> click = PlanClick.of(req);
    if (click.isEmpty() || click.get().triggerId() == null) {
      return ctx.ack();
    }
    Optional<Plan> plan = store.find(click.get().planId());
    if (plan.isEmpty() || !plan.get().isOwnedBy(click.get().userId())) {
      if (click.get().responseUrl() != null) {
        out.ephemeral(click.get().responseUrl(), Reply.of("Only the technician who asked can see this request."));
      }
      return ctx.ack();
    }
    try {
      ViewsOpenResponse r = ctx.client().viewsOpen(v -> v.triggerId(click.get().triggerId())
          .view(RequestView.view(plan.get())));
      if (!r.isOk()) {
        log.warn("views.open for the request of plan {} failed: {}", plan.get().id(), r.getError());
      }
    } catch (Exception e) {
      log.warn("views.open for the request of plan {} failed: {}", plan.get().id(), SafeLog.describe(e));
    }
    return ctx.ack();
  }
}
