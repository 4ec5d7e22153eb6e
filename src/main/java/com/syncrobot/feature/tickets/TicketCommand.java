package com.syncrobot.feature.tickets;

import com.syncrobot.slack.Invocation;
import com.syncrobot.slack.ReadRunner;
import com.syncrobot.slack.Subcommand;
import com.syncrobot.slack.blocks.Mrkdwn;
import com.syncrobot.slack.blocks.Replies;
import com.syncrobot.slack.blocks.Reply;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import com.syncrobot.syncro.SyncroApi;
import com.syncrobot.syncro.Ticket;
import com.syncrobot.syncro.TicketNumber;
import java.util.Optional;

/**
 * {@code /syncro ticket 32203}: resolves the typed number with {@code GET /tickets?number=} (never
 * used as an id, R26), then shows the ticket's detail view.
 */
public record TicketCommand(ReadRunner reads, TicketDetail detail) implements Subcommand {
  static final String USAGE = "Which ticket? Usage: `/syncro ticket 32203`";

  @Override
  public String name() {
    return "ticket";
  }

  @Override
  public String usage() {
    return "`/syncro ticket 32203` – one ticket: status, people, dates, newest comments, billing";
  }

  @Override
  public Response handle(Invocation call, SlashCommandContext ctx) {
    if (call.args().isEmpty()) {
      return Replies.ack(ctx, USAGE);
    }
    Optional<TicketNumber> parsed = TicketNumber.parse(call.args());
    if (parsed.isEmpty()) {
      return Replies.ack(ctx, "`" + Mrkdwn.inCode(call.args(), 40) + "` is not a ticket number. " + USAGE);
    }
    TicketNumber number = parsed.get();
    String notFound = notFound(number);
    return reads.run("ticket " + number, call, ctx, notFound, api -> show(api, detail, number));
  }

  /** Returns ticket {@code number}'s detail view as {@code api}'s owner sees it, or that it does not exist. */
  public static Reply show(SyncroApi api, TicketDetail detail, TicketNumber number) {
    Optional<Ticket> found = api.findTicketByNumber(number);
    if (found.isEmpty()) {
      return Reply.of(notFound(number));
    }
    return detail.render(api.ticket(found.get().id()));
  }

  /** Reads ticket {@code number} with {@code api} and renders its detail view (also for a direct message). */
  public Reply show(SyncroApi api, TicketNumber number) {
    return show(api, detail, number);
  }

  public static String notFound(TicketNumber number) {
    return "Ticket #" + number.value() + " does not exist in Syncro.";
  }
}
