package com.syncrobot.feature.comment;

import com.syncrobot.slack.Invocation;
import com.syncrobot.slack.SafeLog;
import com.syncrobot.slack.Subcommand;
import com.syncrobot.slack.TicketArg;
import com.syncrobot.slack.UserMessages;
import com.syncrobot.slack.blocks.Mrkdwn;
import com.syncrobot.slack.blocks.Replies;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.syncrobot.store.ConnectedUser;
import com.syncrobot.store.ConnectedUserStore;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /syncro comment 32203 [text]} and {@code /syncro close 32203 [text]}: checks the number and
 * the asker's token (R11), then opens the comment modal at once with the trigger_id (it expires in
 * about 3 seconds, too soon for a Syncro round trip); the ticket is resolved on submission.
 */
public final class CommentCommand implements Subcommand {
  private static final Logger log = LoggerFactory.getLogger(CommentCommand.class);

  private final String kind;
  private final ConnectedUserStore users;

  private CommentCommand(String kind, ConnectedUserStore users) {
    this.kind = kind;
    this.users = users;
  }

  public static CommentCommand comment(ConnectedUserStore users) {
    return new CommentCommand("comment", users);
  }

  public static CommentCommand close(ConnectedUserStore users) {
    return new CommentCommand("close", users);
  }

  @Override
  public String name() {
    return kind;
  }

  @Override
  public String usage() {
    return "comment".equals(kind)
        ? "`/syncro comment 32203 [text]` – add a comment (internal note by default); preview, then Confirm"
        : "`/syncro close 32203` – resolution comment + status Resolved; preview, Confirm, then a session log";
  }

  private String example() {
    return "comment".equals(kind) ? "`/syncro comment 32203 [text]`" : "`/syncro close 32203`";
  }

  @Override
  public Response handle(Invocation call, SlashCommandContext ctx) throws IOException, SlackApiException {
    TicketArg arg = TicketArg.parse(call.args(), example());
    if (arg.number().isEmpty()) {
      return Replies.ack(ctx, arg.problem());
    }
    Optional<ConnectedUser> user;
    try {
      user = users.find(call.userId());
    } catch (RuntimeException e) {
      log.error("Reading the connection of {} failed: {}", call.userId(), SafeLog.describe(e));
      return Replies.ack(ctx, UserMessages.STORE_FAILED);
    }
    if (user.isEmpty()) {
      return Replies.ack(ctx, UserMessages.NOT_CONNECTED);
    }
    CommentModal.Meta meta = new CommentModal.Meta(kind, arg.number().get().value(),
        Objects.requireNonNullElse(ctx.getResponseUrl(), ""), Objects.requireNonNullElse(ctx.getChannelId(), ""));
    ViewsOpenResponse opened = ctx.client().viewsOpen(r -> r.triggerId(ctx.getTriggerId())
        .view(CommentModal.view(meta, arg.rest())));
    if (!opened.isOk()) {
      log.warn("views.open for the {} modal failed: {}", kind, opened.getError());
      return Replies.ack(ctx, "Slack did not open the dialog (" + Mrkdwn.escapeAndTruncate(
          String.valueOf(opened.getError()), 60) + "); run " + example() + " again.");
    }
    return ctx.ack();
  }
}
