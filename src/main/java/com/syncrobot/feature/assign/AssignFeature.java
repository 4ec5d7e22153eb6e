package com.syncrobot.feature.assign;

import com.syncrobot.feature.bill.BillCommand;
import com.syncrobot.feature.tickets.TicketDetail;
import com.syncrobot.slack.Feature;
import com.syncrobot.slack.FeatureContext;
import com.syncrobot.slack.Subcommands;
import com.syncrobot.slack.blocks.TicketButtons;
import com.syncrobot.slack.plan.PlanMachinery;
import com.syncrobot.slack.plan.PlanSettings;

import com.slack.api.bolt.App;

/**
 * Taking a ticket: {@code /syncro assign 32203} (to yourself only), a previewed plan confirmed once and
 * checked by reading the ticket back (R1, R2); and the handlers of the {@link TicketButtons} that messages
 * about a ticket carry (View, Comment, Assign to me, Bill).
 */
public record AssignFeature(FeatureContext ctx, PlanMachinery plans) implements Feature {
  @Override
  public void register(App app, Subcommands subcommands) {
    subcommands.register(new AssignCommand(ctx.users(), plans.requests()));
    PlanSettings options = plans.settings();
    BillCommand bill = new BillCommand(ctx.users(), ctx.syncro(), options.rates(), options.ollama(), ctx.work(),
        ctx.out(), plans.unfinished());
    TicketButtonActions buttons = new TicketButtonActions(ctx.users(), ctx.syncro(), ctx.work(), ctx.out(),
        plans.requests(), new TicketDetail(ctx.clock(), ctx.webUrl()), bill);
    for (String actionId : TicketButtons.ACTION_IDS) {
      app.blockAction(actionId, buttons);
    }
  }
}
