package com.syncrobot.feature.tickets;

import com.syncrobot.slack.Invocation;
import com.syncrobot.slack.ReadRunner;
import com.syncrobot.slack.Subcommand;
import com.syncrobot.slack.SyncroCommand;
import com.syncrobot.slack.blocks.Replies;
import com.syncrobot.slack.blocks.Reply;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import com.syncrobot.syncro.Ticket;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code /syncro} (or {@code /syncro list}): open tickets, one line each, newest first, with a count.
 *
 * @param webUrl Syncro's web app, e.g. {@code https://acme.syncromsp.com}, for links; null for none
 */
public record OpenTicketsCommand(ReadRunner reads, @Nullable String webUrl) implements Subcommand {
  @Override
  public String name() {
    return SyncroCommand.DEFAULT_SUBCOMMAND;
  }

  @Override
  public String usage() {
    return "`/syncro` or `/syncro list` – open tickets (not Resolved, Invoiced or Closed), newest first";
  }

  @Override
  public Response handle(Invocation call, SlashCommandContext ctx) {
    if (!call.args().isEmpty()) {
      return Replies.ack(ctx, "`/syncro list` takes no text. To find tickets, use `/syncro search TEXT`.");
    }
    return reads.run("open tickets", call, ctx, "Syncro has no ticket list for this account.",
        api -> reply(api.openTickets(), webUrl));
  }

  static Reply reply(List<Ticket> tickets, @Nullable String webUrl) {
    if (tickets.isEmpty()) {
      return Reply.of("No open tickets. :tada:");
    }
    String count = tickets.size() + (tickets.size() == 1 ? " open ticket" : " open tickets");
    String heading = "*" + count + "*, newest first";
    return TicketLines.list(heading, tickets, webUrl);
  }
}
