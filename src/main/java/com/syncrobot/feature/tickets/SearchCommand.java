package com.syncrobot.feature.tickets;

import com.syncrobot.slack.Invocation;
import com.syncrobot.slack.ReadRunner;
import com.syncrobot.slack.Subcommand;
import com.syncrobot.slack.blocks.Reply;
import com.syncrobot.slack.blocks.SearchText;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import com.syncrobot.syncro.Ticket;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code /syncro search TEXT}: tickets whose subject or customer match, one line each.
 *
 * @param webUrl Syncro's web app, e.g. {@code https://acme.syncromsp.com}, for links; null for none
 */
public record SearchCommand(ReadRunner reads, @Nullable String webUrl) implements Subcommand {
  static final String USAGE = "`/syncro search printer`";

  @Override
  public String name() {
    return "search";
  }

  @Override
  public String usage() {
    return "`/syncro search TEXT` – tickets whose subject or customer match TEXT";
  }

  @Override
  public Response handle(Invocation call, SlashCommandContext ctx) {
    return reads.search("ticket search", USAGE, call, ctx, "Syncro found nothing for that search.",
        (api, text) -> reply(text, api.searchTickets(text), webUrl));
  }

  static Reply reply(String text, List<Ticket> tickets, @Nullable String webUrl) {
    if (tickets.isEmpty()) {
      return Reply.of("No tickets match " + SearchText.quoted(text) + ".");
    }
    String heading = "*" + tickets.size() + (tickets.size() == 1 ? " ticket matches* " : " tickets match* ")
        + SearchText.quoted(text) + ", newest first";
    return TicketLines.list(heading, tickets, webUrl);
  }
}
