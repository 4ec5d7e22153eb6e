package com.syncrobot.feature.alerts;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import com.syncrobot.slack.Invocation;
import com.syncrobot.slack.Subcommand;
import com.syncrobot.slack.UserMessages;
import com.syncrobot.slack.WorkQueue;
import com.syncrobot.slack.blocks.Replies;
import com.syncrobot.slack.blocks.Reply;

/**
 * {@code /syncro notify [assigned|replies on|off, appointments on [MINUTES]|off, prepaid on [HOURS]|off, quiet
 * HH:MM-HH:MM|off, off]}: shows or changes the asker's personal alerts. Bad words are answered at once and change
 * nothing; the rest runs on the work queue (it may ask Slack for the asker's time zone) and answers through
 * response_url, visible only to the asker.
 */
record NotifyCommand(NotifyReplies replies, WorkQueue work) implements Subcommand {
  @Override
  public String name() {
    return "notify";
  }

  @Override
  public String usage() {
    return "`/syncro notify` – your alerts by direct message: `assigned on`, `replies on`, `appointments on 30`, "
        + "`prepaid on 2`, `quiet 22:00-07:00`, `off`";
  }

  @Override
  public Response handle(Invocation call, SlashCommandContext ctx) {
    NotifyArgs.Request request = NotifyArgs.parse(call.args());
    if (request instanceof NotifyArgs.Problem p) {
      return Replies.ack(ctx, p.message());
    }
    MethodsClient slack = ctx.client();
    boolean queued = work.submit("notify", () -> Replies.respond(ctx, Reply.of(replies.answer(slack, call.userId(),
        request))));
    return queued ? ctx.ack() : Replies.ack(ctx, UserMessages.BUSY);
  }
}
