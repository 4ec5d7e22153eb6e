package com.syncrobot.feature.comment;

import com.syncrobot.slack.Asker;
import com.syncrobot.slack.Invocation;
import com.syncrobot.slack.LoadingModal;
import com.syncrobot.slack.SafeLog;
import com.syncrobot.slack.SlackOut;
import com.syncrobot.slack.Subcommand;
import com.syncrobot.slack.TicketArg;
import com.syncrobot.slack.UserMessages;
import com.syncrobot.slack.WorkQueue;
import com.syncrobot.slack.blocks.Mrkdwn;
import com.syncrobot.slack.blocks.Replies;
import com.syncrobot.slack.blocks.Reply;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.model.view.View;
import com.syncrobot.store.ConnectedUser;
import com.syncrobot.store.ConnectedUserStore;
import com.syncrobot.syncro.SyncroClient;
import com.syncrobot.syncro.SyncroException;
import com.syncrobot.syncro.TicketSettings;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /syncro update 32203 [status]}: opens a loading modal at once (the trigger_id expires in
 * about 3 seconds), reads the account's statuses (cached) off-thread, then shows the status and
 * priority form, or the list of valid statuses when the typed one is not among them.
 */
public record UpdateCommand(ConnectedUserStore users, SyncroClient syncro, AccountSettings settings, WorkQueue work,
    SlackOut out) implements Subcommand {
  private static final Logger log = LoggerFactory.getLogger(UpdateCommand.class);
  private static final String USAGE = "`/syncro update 32203 [status]`";
  private static final LoadingModal MODAL = new LoadingModal("update");

  @Override
  public String name() {
    return "update";
  }

  @Override
  public String usage() {
    return USAGE + " – change status (from the account's list) and priority; preview, then Confirm";
  }

  @Override
  public Response handle(Invocation call, SlashCommandContext ctx) throws IOException, SlackApiException {
    TicketArg arg = TicketArg.parse(call.args(), USAGE);
    if (arg.number().isEmpty()) {
      return Replies.ack(ctx, arg.problem());
    }
    Asker asker = Asker.find(users, call.userId());
    if (asker.refusal() != null) {
      return Replies.ack(ctx, asker.refusal());
    }
    CommentModal.Meta meta = new CommentModal.Meta("update", arg.number().get().value(),
        Objects.requireNonNullElse(ctx.getResponseUrl(), ""), Objects.requireNonNullElse(ctx.getChannelId(), ""));
    return MODAL.open(ctx, UpdateModal.loading(meta), USAGE, work, "update form",
        (client, viewId) -> fill(client, viewId, meta, asker.user(), arg.rest()));
  }

  private void fill(MethodsClient client, String viewId, CommentModal.Meta meta, ConnectedUser user, String typed) {
    View view;
    try {
      TicketSettings s = settings.get(syncro.as(user.token()));
      String preselect = null;
      if (!typed.isEmpty()) {
        Optional<String> match = AccountSettings.match(s.statuses(), typed);
        if (match.isEmpty()) {
          String message = "`" + Mrkdwn.inCode(typed, 60) + "` is not a status of this Syncro account. Valid statuses: "
              + String.join(", ", s.statuses().stream().map(x -> "`" + Mrkdwn.inCode(x, 60) + "`").toList()) + ".";
          MODAL.update(client, viewId, UpdateModal.message(meta, message));
          if (!meta.responseUrl().isEmpty()) {
            out.ephemeral(meta.responseUrl(), Reply.of(message));
          }
          return;
        }
        preselect = match.get();
      }
      view = UpdateModal.form(meta, s.statuses(), preselect, AccountSettings.priorities(s));
    } catch (SyncroException e) {
      view = UpdateModal.message(meta, UserMessages.forSyncro(e, "Syncro did not find the ticket settings."));
    } catch (RuntimeException e) {
      log.error("Loading the update form failed: {}", SafeLog.describe(e));
      view = UpdateModal.message(meta, UserMessages.INTERNAL);
    }
    MODAL.update(client, viewId, view);
  }
}
