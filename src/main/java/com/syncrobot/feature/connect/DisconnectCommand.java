package com.syncrobot.feature.connect;

import com.syncrobot.slack.Invocation;
import com.syncrobot.slack.Subcommand;
import com.syncrobot.slack.blocks.Replies;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import com.syncrobot.store.ConnectedUserStore;

/** {@code /syncro disconnect}: deletes the asker's stored Syncro token (R11). */
public final class DisconnectCommand implements Subcommand {
  private final ConnectedUserStore users;

  public DisconnectCommand(ConnectedUserStore users) {
    this.users = users;
  }

  @Override
  public String name() {
    return "disconnect";
  }

  @Override
  public String usage() {
    return "`/syncro disconnect` – delete your stored token";
  }

  @Override
  public Response handle(Invocation call, SlashCommandContext ctx) {
    if (users.remove(call.userId())) {
      return Replies.ack(ctx,
          "Disconnected: the bot deleted your Syncro token. Run `/syncro connect` to connect one again.");
    }
    return Replies.ack(ctx, "You had no Syncro token connected; nothing to delete.");
  }
}
