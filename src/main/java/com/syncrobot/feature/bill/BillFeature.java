package com.syncrobot.feature.bill;

import com.slack.api.bolt.App;
import com.syncrobot.draft.BillingDrafter;
import com.syncrobot.slack.Feature;
import com.syncrobot.slack.FeatureContext;
import com.syncrobot.slack.Subcommands;
import com.syncrobot.slack.plan.PlanMachinery;
import com.syncrobot.slack.plan.PlanSettings;

/**
 * Billing time: {@code /syncro bill} (minutes and labour type, or the ticket's timers), its modals,
 * and the form for a ticket that carries an unfinished billing. Every bill is a previewed plan that
 * books the labour, invoices it and marks the ticket Invoiced (R1, R2, R4–R10).
 */
public record BillFeature(FeatureContext ctx, PlanMachinery plans) implements Feature {
  @Override
  public void register(App app, Subcommands subcommands) {
    PlanSettings options = plans.settings();
    UnfinishedBills unfinished = plans.unfinished();
    BillCommand bill = new BillCommand(ctx.users(), ctx.syncro(), options.rates(), options.ollama(), ctx.work(),
        ctx.out(), unfinished);
    subcommands.register(bill);
    BillPlanner planner = new BillPlanner(options.rates(), new BillingDrafter(options.ollama()), unfinished);
    app.viewSubmission(BillModal.CALLBACK_ID, BillSubmission.bill(plans.requests(), plans.deliveries(), planner));
    app.viewSubmission(BillModal.TIMERS_CALLBACK_ID,
        BillSubmission.timers(plans.requests(), plans.deliveries(), planner));
    app.blockAction(FinishBillModal.ANYWAY, bill.billAnyway());
    app.viewSubmission(FinishBillModal.CALLBACK_ID,
        FinishBillModal.submission(plans.finish(), ctx.work(), plans.deliveries()));
  }
}
