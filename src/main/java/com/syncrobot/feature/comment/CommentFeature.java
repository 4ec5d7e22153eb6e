package com.syncrobot.feature.comment;

import com.slack.api.bolt.App;
import com.syncrobot.draft.CommentDrafter;
import com.syncrobot.slack.Feature;
import com.syncrobot.slack.FeatureContext;
import com.syncrobot.slack.Subcommands;
import com.syncrobot.slack.plan.PlanMachinery;
import com.syncrobot.slack.plan.PlanPreview;
import com.syncrobot.slack.plan.PlanSettings;

/**
 * Writing on a ticket: {@code /syncro comment}, {@code close} and {@code update} with their modals,
 * and the session log of a finished close. Every write is a previewed plan (R1, R2).
 */
public record CommentFeature(FeatureContext ctx, PlanMachinery plans) implements Feature {
  @Override
  public void register(App app, Subcommands subcommands) {
    PlanSettings options = plans.settings();
    app.blockAction(PlanPreview.SESSION_LOG, new SessionLogAction(plans.store(), plans.apis(), ctx.work(), ctx.out(),
        options.sessionLogDir(), ctx.clock()));
    subcommands.register(CommentCommand.comment(ctx.users(), ctx.work()))
        .register(CommentCommand.close(ctx.users(), ctx.work()))
        .register(new UpdateCommand(ctx.users(), ctx.syncro(), new AccountSettings(options.ticker()), ctx.work(),
            ctx.out()));
    app.viewSubmission(CommentModal.CALLBACK_ID, new CommentSubmission(plans.requests(), plans.deliveries(),
        new CommentDrafter(options.ollama())));
    app.viewSubmission(UpdateModal.CALLBACK_ID, new UpdateSubmission(plans.requests(), plans.deliveries()));
  }
}
