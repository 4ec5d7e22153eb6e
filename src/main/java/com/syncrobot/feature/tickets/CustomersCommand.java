package com.syncrobot.feature.tickets;

import com.syncrobot.slack.Invocation;
import com.syncrobot.slack.ReadRunner;
import com.syncrobot.slack.Subcommand;
import com.syncrobot.slack.blocks.Mrkdwn;
import com.syncrobot.slack.blocks.Reply;
import com.syncrobot.slack.blocks.SearchText;
import com.syncrobot.slack.blocks.SectionPacker;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.LayoutBlock;
import com.syncrobot.syncro.Customer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** {@code /syncro customers TEXT}: matching customers with e-mail, phone and prepaid hours. */
public record CustomersCommand(ReadRunner reads) implements Subcommand {
  static final String USAGE = "`/syncro customers burger`";

  @Override
  public String name() {
    return "customers";
  }

  @Override
  public String usage() {
    return "`/syncro customers TEXT` – customers matching TEXT, with e-mail, phone and prepaid hours";
  }

  @Override
  public Response handle(Invocation call, SlashCommandContext ctx) {
    return reads.search("customer search", USAGE, call, ctx, "Syncro found nothing for that search.",
        (api, text) -> reply(text, api.searchCustomers(text)));
  }

  static Reply reply(String text, List<Customer> customers) {
    if (customers.isEmpty()) {
      return Reply.of("No customers match " + SearchText.quoted(text) + ".");
    }
    String heading = "*" + customers.size() + (customers.size() == 1 ? " customer matches* " : " customers match* ")
        + SearchText.quoted(text);
    List<String> lines = customers.stream().map(CustomersCommand::line).toList();
    SectionPacker.Packed packed = new SectionPacker(Reply.MAX_BLOCKS - 2, Reply.MAX_SECTION_CHARS,
        TicketLines.MAX_LIST_CHARS).pack(lines);
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(Reply.section(heading));
    blocks.addAll(packed.blocks());
    if (packed.omitted() > 0) {
      blocks.add(TicketLines.moreNote(packed.omitted(), "Narrow it down with a longer search text."));
    }
    return new Reply(heading, blocks);
  }

  static String line(Customer c) {
    StringBuilder sb = new StringBuilder("*").append(Mrkdwn.escapeAndTruncate(c.displayName(), 100)).append('*');
    if (c.email() != null && !c.email().isBlank()) {
      sb.append("  ").append(Mrkdwn.escapeAndTruncate(c.email(), 100));
    }
    if (c.phone() != null && !c.phone().isBlank()) {
      sb.append("  ").append(Mrkdwn.escapeAndTruncate(c.phone(), 40));
    }
    BigDecimal prepaid = c.prepayHours();
    if (prepaid != null && prepaid.signum() > 0) {
      sb.append("  prepaid ").append(prepaid.stripTrailingZeros().toPlainString()).append(" h");
    }
    return sb.toString();
  }
}
