package com.syncrobot.feature.assign;

import com.syncrobot.slack.Asker;
import com.syncrobot.slack.Invocation;
import com.syncrobot.slack.Subcommand;
import com.syncrobot.slack.TicketArg;
import com.syncrobot.slack.UserMessages;
import com.syncrobot.slack.blocks.Mrkdwn;
import com.syncrobot.slack.blocks.Replies;
import com.syncrobot.slack.plan.PlanRequests;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import com.syncrobot.store.ConnectedUserStore;
import com.syncrobot.syncro.TicketNumber;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * {@code /syncro assign 32203}: assigns the ticket to the technician who asks, after a preview and their
 * Confirm (R1). Only "me" is supported; naming someone else is refused with what to do instead.
 */
public record AssignCommand(ConnectedUserStore users, PlanRequests requests) implements Subcommand {
  static final String USAGE = "`/syncro assign 32203`";
  private static final Set<String> ME = Set.of("me", "to me", "myself", "to myself");

  @Override
  public String name() {
    return "assign";
  }

  @Override
  public String usage() {
    return USAGE + " – assign the ticket to yourself; preview, then Confirm";
  }

  @Override
  public Response handle(Invocation call, SlashCommandContext ctx) {
    TicketArg arg = TicketArg.parse(call.args(), USAGE);
    if (arg.number().isEmpty()) {
      return Replies.ack(ctx, arg.problem());
    }
    TicketNumber number = arg.number().get();
    if (!arg.rest().isEmpty() && !ME.contains(arg.rest().toLowerCase(Locale.ROOT).replaceAll("\\s+", " "))) {
      return Replies.ack(ctx, notMe(number, arg.rest()));
    }
    Asker asker = Asker.find(users, call.userId());
    if (asker.refusal() != null) {
      return Replies.ack(ctx, asker.refusal());
    }
    String responseUrl = Objects.requireNonNullElse(ctx.getResponseUrl(), "");
    boolean queued = requests.submit(AssignPlans.KIND, call.userId(), number, responseUrl,
        AssignPlans.maker(Objects.requireNonNullElse(ctx.getChannelId(), ""), responseUrl));
    return queued ? ctx.ack() : Replies.ack(ctx, UserMessages.BUSY);
  }

  /** The refusal of {@code /syncro assign N @someone}: only "me" is supported, and what to do instead. */
  static String notMe(TicketNumber number, String rest) {
    long n = number.value();
    return "The bot assigns tickets only to the technician who asks, not to `" + Mrkdwn.inCode(rest, 60)
        + "`; nothing was sent. To take #" + n + " yourself, run `/syncro assign " + n + "`. To give it to someone"
        + " else, ask them to run `/syncro assign " + n + "` (or press *Assign to me* on the ticket), or assign it"
        + " in Syncro.";
  }
}
