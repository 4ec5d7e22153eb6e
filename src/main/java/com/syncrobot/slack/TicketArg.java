package com.syncrobot.slack;

import com.syncrobot.slack.blocks.Mrkdwn;

import com.syncrobot.syncro.TicketNumber;
import java.util.Optional;

/**
 * The ticket number and the rest of a ticket command's arguments, or the message that says what is
 * wrong with them, worded like {@code /syncro ticket}'s (R26: a number, never an id).
 */
public record TicketArg(Optional<TicketNumber> number, String rest, String problem) {

  public static TicketArg parse(String args, String usage) {
    String[] parts = args.strip().split("\\s+", 2);
    if (parts[0].isEmpty()) {
      return new TicketArg(Optional.empty(), "", "Which ticket? Usage: " + usage);
    }
    Optional<TicketNumber> n = TicketNumber.parse(parts[0]);
    if (n.isEmpty()) {
      return new TicketArg(Optional.empty(), "",
          "`" + Mrkdwn.inCode(parts[0], 40) + "` is not a ticket number. Usage: " + usage);
    }
    return new TicketArg(n, parts.length > 1 ? parts[1].strip() : "", "");
  }
}
