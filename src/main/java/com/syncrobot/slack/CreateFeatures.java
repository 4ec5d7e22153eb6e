package com.syncrobot.slack;

import com.slack.api.bolt.App;
import com.syncrobot.draft.CommentDrafter;
import com.syncrobot.store.ConnectedUserStore;
import com.syncrobot.syncro.SyncroClient;
import java.time.Clock;

/**
 * Wires issue 5 into the Bolt app on the safe-write path: {@code /syncro create} (modal, type-ahead,
 * live fields, submission; its "Finish the remaining steps" is wired with the other plans' in
 * {@code SafeWrites}), {@code /syncro move-appointment} (list,
 * Move button, modal) and the two message shortcuts. Every write they make is a plan that is
 * previewed, confirmed once and executed by the one engine (R1, R2).
 */
final class CreateFeatures {
  private CreateFeatures() {}

  static void wire(App app, Subcommands subcommands, ConnectedUserStore users, SyncroClient syncro,
      PlanRequests requests, DeliveryLog deliveries, SlackOut out, WorkQueue work, Clock clock, WriteOptions options) {
    SlackZones zones = new SlackZones(out.methods(), options.ticker());
    CreateVocabulary vocabulary = new CreateVocabulary(options.ticker());
    CreateForms forms = new CreateForms(syncro, vocabulary, zones, work, options.ticker());
    ReadRunner reads = new ReadRunner(users, syncro, work);

    subcommands.register(new CreateCommand(users, forms))
        .register(new MoveAppointmentCommand(reads, vocabulary, zones, clock));

    CreateSuggestions suggestions = new CreateSuggestions(users, syncro, work);
    app.blockSuggestion(CreateModal.A_CUSTOMER, suggestions.customers());
    app.blockSuggestion(CreateModal.A_ASSET, suggestions.assets());
    CreateActions actions = new CreateActions(users, forms, work);
    app.blockAction(CreateModal.A_CUSTOMER, actions.customerChanged());
    app.blockAction(CreateModal.A_ISSUE, actions.issueTypeChanged());
    app.viewSubmission(CreateModal.CALLBACK_ID,
        new CreateSubmission(requests, deliveries, forms, vocabulary, zones,
            new CommentDrafter(options.ollama()), clock));

    app.blockAction(MoveModal.PICK, new MovePick(zones));
    app.viewSubmission(MoveModal.CALLBACK_ID, new MoveSubmission(requests, deliveries, zones, clock));

    MessageShortcuts shortcuts = new MessageShortcuts(users, forms, out);
    app.messageShortcut(MessageShortcuts.CREATE, shortcuts.createTicket());
    app.messageShortcut(MessageShortcuts.COMMENT, shortcuts.addComment());
    app.viewSubmission(MessageCommentModal.CALLBACK_ID, new MessageCommentSubmission(requests, deliveries, out));
  }
}
