package com.syncrobot.feature.comment;

import com.syncrobot.slack.Asker;
import com.syncrobot.slack.Invocation;
import com.syncrobot.slack.LoadingModal;
import com.syncrobot.slack.Subcommand;
import com.syncrobot.slack.TicketArg;
import com.syncrobot.slack.WorkQueue;
import com.syncrobot.slack.blocks.Replies;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.SlackApiException;
import com.syncrobot.store.ConnectedUserStore;
import java.io.IOException;
import java.util.Objects;

/**
 * {@code /syncro comment 32203 [text]} and {@code /syncro close 32203 [text]}: checks the number and
 * the asker's token (R11), acks, then opens the comment modal from the work queue with the trigger_id (it expires in
 * about 3 seconds, too soon for a Syncro round trip); the ticket is resolved on submission.
 */
public final class CommentCommand implements Subcommand {
  private final String kind;
  private final ConnectedUserStore users;
  private final WorkQueue work;

  private CommentCommand(String kind, ConnectedUserStore users, WorkQueue work) {
    this.kind = kind;
    this.users = users;
    this.work = work;
  }

  public static CommentCommand comment(ConnectedUserStore users, WorkQueue work) {
    return new CommentCommand("comment", users, work);
  }

  public static CommentCommand close(ConnectedUserStore users, WorkQueue work) {
    return new CommentCommand("close", users, work);
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
    Asker asker = Asker.find(users, call.userId());
    if (asker.refusal() != null) {
      return Replies.ack(ctx, asker.refusal());
    }
    CommentModal.Meta meta = new CommentModal.Meta(kind, arg.number().get().value(),
        Objects.requireNonNullElse(ctx.getResponseUrl(), ""), Objects.requireNonNullElse(ctx.getChannelId(), ""));
    return new LoadingModal(kind).open(ctx, CommentModal.view(meta, arg.rest()), example(), work);
  }
}
