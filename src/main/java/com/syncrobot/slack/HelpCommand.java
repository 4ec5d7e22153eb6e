package com.syncrobot.slack;

import com.syncrobot.slack.blocks.Replies;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;

/** {@code /syncro help}: the usage list; needs no token. */
public final class HelpCommand implements Subcommand {
  private final Subcommands subcommands;

  HelpCommand(Subcommands subcommands) {
    this.subcommands = subcommands;
  }

  @Override
  public String name() {
    return "help";
  }

  @Override
  public String usage() {
    return "`/syncro help` – this list";
  }

  @Override
  public Response handle(Invocation call, SlashCommandContext ctx) {
    return Replies.ack(ctx, subcommands.usage());
  }
}
