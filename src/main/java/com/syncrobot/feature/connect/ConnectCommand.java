package com.syncrobot.feature.connect;

import com.syncrobot.slack.Invocation;
import com.syncrobot.slack.LoadingModal;
import com.syncrobot.slack.SafeLog;
import com.syncrobot.slack.Subcommand;
import com.syncrobot.slack.WorkQueue;
import com.syncrobot.slack.blocks.Mrkdwn;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.model.view.View;
import com.syncrobot.store.ConnectedUserStore;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /syncro connect}: acks, then opens the token modal from the work queue with the command's trigger_id,
 * which Slack expires about 3 seconds after the user's action; the token is checked on submission.
 */
public final class ConnectCommand implements Subcommand {
  private static final Logger log = LoggerFactory.getLogger(ConnectCommand.class);

  static final String USAGE = "`/syncro connect`";

  private final ConnectedUserStore users;
  private final WorkQueue work;

  public ConnectCommand(ConnectedUserStore users, WorkQueue work) {
    this.users = users;
    this.work = work;
  }

  @Override
  public String name() {
    return "connect";
  }

  @Override
  public String usage() {
    return "`/syncro connect` – connect your own Syncro API token (needed for everything else)";
  }

  @Override
  public Response handle(Invocation call, SlashCommandContext ctx) {
    return LoadingModal.afterAck(ctx, work, "connect", USAGE, () -> {
      View view = ConnectModal.view(current(call.userId()));
      ViewsOpenResponse opened = ctx.client().viewsOpen(r -> r.triggerId(ctx.getTriggerId()).view(view));
      if (opened.isOk()) {
        return Optional.empty();
      }
      log.warn("views.open for the connect modal failed: {}", opened.getError());
      return Optional.of("Slack did not open the connect dialog (" + Mrkdwn.escapeAndTruncate(
          String.valueOf(opened.getError()), 60) + "); run " + USAGE + " again.");
    });
  }

  private @Nullable String current(String userId) {
    try {
      return users.find(userId)
          .map(u -> "*" + Mrkdwn.escapeAndTruncate(u.syncroUserName(), 100) + "* (Syncro user "
              + u.syncroUserId() + ")")
          .orElse(null);
    } catch (RuntimeException e) {
      // Only a courtesy note in the modal; connecting a new token still works without it.
      log.warn("Could not read the current connection of {}: {}", userId, SafeLog.describe(e));
      return null;
    }
  }
}
