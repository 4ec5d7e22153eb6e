package com.syncrobot.feature.tickets;

import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.syncrobot.slack.blocks.Mrkdwn;
import com.syncrobot.slack.blocks.Reply;
import com.syncrobot.slack.blocks.SectionPacker;

import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.LayoutBlock;
import com.syncrobot.syncro.SyncroWebLinks;
import com.syncrobot.syncro.Ticket;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Renders ticket lists one line per ticket in a fixed pattern that survives Slack's rendering (which
 * collapses runs of spaces): {@code #32164 · New · Jerry Burger · Own cloud thing again}, the number
 * linked to the ticket in Syncro when the web address is known.
 */
public final class TicketLines {
  static final int MAX_SUBJECT = 150;
  static final int MAX_CUSTOMER = 60;
  /** Keeps a long list readable and well inside Slack's payload size. */
  static final int MAX_LIST_CHARS = 12_000;

  /** Newest first: creation time, then the higher number, tickets without a date last. */
  static final Comparator<Ticket> NEWEST_FIRST = Comparator
      .comparing(Ticket::createdAt, Comparator.nullsLast(Comparator.<OffsetDateTime>reverseOrder()))
      .thenComparing(t -> t.number().value(), Comparator.reverseOrder());

  private TicketLines() {}

  static final String SEPARATOR = " · ";

  /** Returns one escaped mrkdwn line for {@code t}. */
  public static String line(Ticket t) {
    return line(t, null);
  }

  /** Returns one escaped mrkdwn line for {@code t}, its number linked to Syncro when {@code webUrl} is given. */
  public static String line(Ticket t, @Nullable String webUrl) {
    String number = "#" + t.number().value();
    return (webUrl == null ? number : "<" + SyncroWebLinks.ticket(webUrl, t.id()) + "|" + number + ">")
        + SEPARATOR + Mrkdwn.escapeAndTruncate(t.status(), 40)
        + SEPARATOR + Mrkdwn.escapeAndTruncate(t.customerName(), MAX_CUSTOMER)
        + SEPARATOR + Mrkdwn.escapeAndTruncate(t.subject(), MAX_SUBJECT);
  }

  /**
   * Returns a reply listing {@code tickets} newest first under {@code heading} (escaped mrkdwn),
   * with as many lines as fit and a note of how many more there are.
   */
  static Reply list(String heading, List<Ticket> tickets, @Nullable String webUrl) {
    List<String> lines = tickets.stream().sorted(NEWEST_FIRST).map(t -> line(t, webUrl)).toList();
    // Two blocks are kept back: the heading and the "…and K more" note.
    SectionPacker.Packed packed = new SectionPacker(Reply.MAX_BLOCKS - 2, Reply.MAX_SECTION_CHARS, MAX_LIST_CHARS)
        .pack(lines);
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(Reply.section(heading));
    blocks.addAll(packed.blocks());
    if (packed.omitted() > 0) {
      blocks.add(moreNote(packed.omitted(), "Narrow it down with `/syncro search TEXT`."));
    }
    return new Reply(heading, blocks);
  }

  /** Returns the "…and K more" note that ends a list cut short; {@code hint} is escaped mrkdwn. */
  public static LayoutBlock moreNote(int omitted, String hint) {
    return ContextBlock.builder()
        .elements(List.of(markdownText("…and " + omitted + " more. " + hint)))
        .build();
  }
}
