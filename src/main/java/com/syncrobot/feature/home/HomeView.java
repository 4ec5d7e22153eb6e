package com.syncrobot.feature.home;

import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.syncrobot.feature.digest.DigestRenderer;
import com.syncrobot.feature.tickets.TicketLines;
import com.syncrobot.slack.blocks.DisplayTime;
import com.syncrobot.slack.blocks.Mrkdwn;
import com.syncrobot.slack.blocks.Reply;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.DividerBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.model.view.View;
import com.syncrobot.store.ConnectedUserSummary;
import com.syncrobot.syncro.Ticket;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The Home tab's views: a technician's own open tickets with View / Comment / Bill / Close buttons
 * per ticket, their connection status, and a Connect button when no token is connected. Every view
 * stays within Slack's 100 blocks. Pure; the button action ids are stable API for later features.
 */
public final class HomeView {
  static final String VIEW = "home_view";
  static final String COMMENT = "home_comment";
  static final String BILL = "home_bill";
  static final String CLOSE = "home_close";
  static final String CONNECT = "home_connect";
  /** Slack's limit for a Home tab. */
  static final int MAX_BLOCKS = 100;
  /** Two blocks per ticket; the rest is header, status and notes. */
  static final int MAX_TICKETS = 45;

  private static final Comparator<Ticket> OLDEST_FIRST = Comparator
      .comparing(Ticket::createdAt, Comparator.nullsLast(Comparator.<OffsetDateTime>naturalOrder()))
      .thenComparing(t -> t.number().value());

  private final DigestRenderer lines;

  public HomeView(DigestRenderer lines) {
    this.lines = lines;
  }

  /** The view for someone who has not connected a token. */
  View notConnected() {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(header());
    blocks.add(SectionBlock.builder()
        .text(mrkdwn("*Not connected.* Connect your own Syncro API token to see the tickets assigned to you here "
            + "and to use `/syncro`; the bot then acts as you in Syncro."))
        .accessory(connectButton("Connect"))
        .build());
    return home(blocks);
  }

  /** The view of {@code user}'s open tickets, oldest first, as of {@code now}. */
  View tickets(ConnectedUserSummary user, List<Ticket> tickets, Instant now) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(header());
    blocks.add(SectionBlock.builder().text(mrkdwn(connectedAs(user))).accessory(connectButton("Reconnect")).build());
    blocks.add(DividerBlock.builder().build());
    if (tickets.isEmpty()) {
      blocks.add(Reply.section("No open tickets are assigned to you. :tada:"));
      return home(blocks);
    }
    List<Ticket> sorted = tickets.stream().sorted(OLDEST_FIRST).toList();
    blocks.add(context("*" + tickets.size() + (tickets.size() == 1 ? " open ticket" : " open tickets")
        + "* assigned to you, oldest first · as of " + DisplayTime.format(now.atOffset(ZoneOffset.UTC))));
    for (Ticket t : sorted.subList(0, Math.min(MAX_TICKETS, sorted.size()))) {
      blocks.add(Reply.section(lines.line(t, now, ZoneOffset.UTC)));
      blocks.add(ActionsBlock.builder().blockId("home_t_" + t.number().value()).elements(buttons(t)).build());
    }
    if (sorted.size() > MAX_TICKETS) {
      blocks.add(TicketLines.moreNote(sorted.size() - MAX_TICKETS, "See them all with `/syncro list`."));
    }
    return home(blocks);
  }

  /** A view that says Syncro could not be read; {@code message} is escaped mrkdwn. */
  View problem(ConnectedUserSummary user, String message) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(header());
    blocks.add(SectionBlock.builder().text(mrkdwn(connectedAs(user))).accessory(connectButton("Reconnect")).build());
    blocks.add(Reply.section(message));
    return home(blocks);
  }

  private static String connectedAs(ConnectedUserSummary u) {
    return "Connected to Syncro as *" + Mrkdwn.escapeAndTruncate(u.syncroUserName(), 100) + "* (Syncro user "
        + u.syncroUserId() + ").";
  }

  private static List<BlockElement> buttons(Ticket t) {
    String number = Long.toString(t.number().value());
    return List.of(button("View", VIEW, number), button("Comment", COMMENT, number), button("Bill", BILL, number),
        button("Close", CLOSE, number));
  }

  private static ButtonElement button(String label, String actionId, String value) {
    return ButtonElement.builder().text(plainText(label)).actionId(actionId).value(value).build();
  }

  private static ButtonElement connectButton(String label) {
    return ButtonElement.builder().text(plainText(label)).actionId(CONNECT).value("connect").style("primary").build();
  }

  private static LayoutBlock header() {
    return HeaderBlock.builder().text(plainText("Your Syncro tickets")).build();
  }

  private static View home(List<LayoutBlock> blocks) {
    if (blocks.size() > MAX_BLOCKS) {
      throw new IllegalStateException("Home view has " + blocks.size() + " blocks");
    }
    return View.builder().type("home").blocks(blocks).build();
  }

  private static LayoutBlock context(String mrkdwn) {
    return ContextBlock.builder().elements(List.of(mrkdwn(mrkdwn))).build();
  }

  private static MarkdownTextObject mrkdwn(String text) {
    return markdownText(Mrkdwn.truncate(text, Reply.MAX_SECTION_CHARS));
  }
}
