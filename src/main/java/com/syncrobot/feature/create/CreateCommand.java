package com.syncrobot.feature.create;

import com.syncrobot.slack.Asker;
import com.syncrobot.slack.Invocation;
import com.syncrobot.slack.LoadingModal;
import com.syncrobot.slack.Subcommand;
import com.syncrobot.slack.WorkQueue;
import com.syncrobot.slack.blocks.Replies;
import com.syncrobot.slack.blocks.SearchText;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.SlackApiException;
import com.syncrobot.store.ConnectedUserStore;
import java.io.IOException;
import java.util.Objects;

/**
 * {@code /syncro create [customer words]}: checks the asker's token (R11) and opens the create modal
 * (acked at once, opened from the work queue); the customer the words name is chosen in it when exactly one matches (R14).
 */
record CreateCommand(ConnectedUserStore users, CreateForms forms, WorkQueue work) implements Subcommand {
  static final String USAGE = "`/syncro create [customer]`";

  @Override
  public String name() {
    return "create";
  }

  @Override
  public String usage() {
    return USAGE + " – new ticket with its Initial Issue comment and, given a start, an appointment; preview, then"
        + " Confirm";
  }

  @Override
  public Response handle(Invocation call, SlashCommandContext ctx) throws IOException, SlackApiException {
    if (call.args().length() > SearchText.MAX_CHARS) {
      return Replies.ack(ctx, "That customer text is too long; keep it to " + SearchText.MAX_CHARS + " characters.");
    }
    Asker asker = Asker.find(users, call.userId());
    if (asker.refusal() != null) {
      return Replies.ack(ctx, asker.refusal());
    }
    CreateModal.Meta meta = new CreateModal.Meta(Objects.requireNonNullElse(ctx.getResponseUrl(), ""),
        Objects.requireNonNullElse(ctx.getChannelId(), ""), null, null, null, null);
    return LoadingModal.afterAck(ctx, work, "create", USAGE,
        () -> forms.open(ctx.client(), ctx.getTriggerId(), asker.user(), meta,
            () -> new CreateForms.Prefill(call.args(), "", "")).map(p -> p + " Run " + USAGE + " again."));
  }
}
