package com.syncrobot.feature.create;

import com.syncrobot.slack.DeliveryLog;
import com.syncrobot.slack.Feature;
import com.syncrobot.slack.FeatureContext;
import com.syncrobot.slack.ReadRunner;
import com.syncrobot.slack.SlackOut;
import com.syncrobot.slack.SlackZones;
import com.syncrobot.slack.Subcommands;
import com.syncrobot.slack.WorkQueue;
import com.syncrobot.slack.plan.PlanMachinery;
import com.syncrobot.slack.plan.PlanRequests;
import com.syncrobot.slack.plan.PlanSettings;

import com.slack.api.bolt.App;
import com.syncrobot.draft.CommentDrafter;
import com.syncrobot.store.ConnectedUserStore;
import com.syncrobot.syncro.SyncroClient;
import java.time.Clock;

/**
 * Making things in Syncro: {@code /syncro create} (modal, type-ahead, live fields, submission),
 * {@code /syncro move-appointment} (list, Move button, modal) and the two message shortcuts ("Create
 * Syncro ticket", "Add to Syncro ticket"). Every write is a plan that is previewed, confirmed once
 * and executed by the one engine (R1, R2); "Finish the remaining steps" of a creation that stopped is
 * {@link com.syncrobot.slack.plan.FinishButton}'s.
 */
public record CreateFeature(FeatureContext ctx, PlanMachinery plans) implements Feature {
  @Override
  public void register(App app, Subcommands subcommands) {
    ConnectedUserStore users = ctx.users();
    SyncroClient syncro = ctx.syncro();
    PlanRequests requests = plans.requests();
    DeliveryLog deliveries = plans.deliveries();
    SlackOut out = ctx.out();
    WorkQueue work = ctx.work();
    Clock clock = ctx.clock();
    PlanSettings options = plans.settings();
    SlackZones zones = new SlackZones(out.methods(), options.ticker());
    CreateVocabulary vocabulary = new CreateVocabulary(options.ticker());
    CreateForms forms = new CreateForms(syncro, vocabulary, zones, work, options.ticker());
    ReadRunner reads = ctx.reads();

    subcommands.register(new CreateCommand(users, forms, work))
        .register(new MoveAppointmentCommand(reads, vocabulary, zones, clock));

    CreateSuggestions suggestions = new CreateSuggestions(users, syncro, work);
    app.blockSuggestion(CreateModal.A_CUSTOMER, suggestions.customers());
    app.blockSuggestion(CreateModal.A_ASSET, suggestions.assets());
    CreateActions actions = new CreateActions(users, forms, work);
    app.blockAction(CreateModal.A_CUSTOMER, actions.customerChanged());
    app.blockAction(CreateModal.A_ISSUE, actions.issueTypeChanged());
    app.viewSubmission(CreateModal.CALLBACK_ID,
        new CreateSubmission(requests, deliveries, forms, vocabulary,
            new CommentDrafter(options.ollama()), clock));

    app.blockAction(MoveModal.PICK, new MovePick());
    app.viewSubmission(MoveModal.CALLBACK_ID, new MoveSubmission(requests, deliveries, clock));

    MessageShortcuts shortcuts = new MessageShortcuts(users, forms, out);
    app.messageShortcut(MessageShortcuts.CREATE, shortcuts.createTicket());
    app.messageShortcut(MessageShortcuts.COMMENT, shortcuts.addComment());
    app.viewSubmission(MessageCommentModal.CALLBACK_ID, new MessageCommentSubmission(requests, deliveries, out));
  }
}
