package com.syncrobot.feature.tickets;

import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.syncrobot.slack.blocks.DisplayTime;
import com.syncrobot.slack.blocks.Mrkdwn;
import com.syncrobot.slack.blocks.Reply;

import com.slack.api.model.block.DividerBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.TextObject;
import com.syncrobot.syncro.Comment;
import com.syncrobot.syncro.LineItem;
import com.syncrobot.syncro.SyncroWebLinks;
import com.syncrobot.syncro.Ticket;
import com.syncrobot.text.CommentHtml;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Renders one ticket's detail view: number (linked to Syncro when its web address is known), subject, status, priority;
 * customer and contact; created, due, last updated; assigned tech; the five newest comments,
 * newest first; line items and billing status. Every Syncro string is escaped.
 */
public final class TicketDetail {
  static final int COMMENTS_SHOWN = 5;
  static final int MAX_COMMENT_BODY = 600;
  static final int MAX_FIELD = 200;

  private static final Comparator<Comment> NEWEST_FIRST = Comparator
      .comparing(Comment::createdAt, Comparator.nullsLast(Comparator.<OffsetDateTime>reverseOrder()))
      .thenComparing(Comment::id, Comparator.reverseOrder());

  private final Clock clock;
  private final @Nullable String webUrl;

  public TicketDetail(Clock clock) {
    this(clock, null);
  }

  /** {@code webUrl} is Syncro's web app, e.g. {@code https://acme.syncromsp.com}, for the ticket's link; null for none. */
  public TicketDetail(Clock clock, @Nullable String webUrl) {
    this.clock = clock;
    this.webUrl = webUrl;
  }

  /** Returns the detail reply for {@code t}. */
  public Reply render(Ticket t) {
    String number = "#" + t.number().value();
    String title = "*" + number + " · " + Mrkdwn.escapeAndTruncate(t.subject(), 300) + "*";
    String linked = webUrl == null ? title
        : "*<" + SyncroWebLinks.ticket(webUrl, t.id()) + "|" + number + "> · "
            + Mrkdwn.escapeAndTruncate(t.subject(), 300)
            + "*";
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(Reply.section(linked));
    blocks.add(SectionBlock.builder().fields(fields(t)).build());
    blocks.add(DividerBlock.builder().build());
    blocks.addAll(comments(t.comments()));
    blocks.add(DividerBlock.builder().build());
    blocks.add(Reply.section(lineItems(t.lineItems())));
    return new Reply(title, blocks);
  }

  private List<TextObject> fields(Ticket t) {
    List<TextObject> fields = new ArrayList<>();
    fields.add(field("Status", t.status()));
    fields.add(field("Priority", t.priority()));
    fields.add(field("Customer", t.customerName()));
    fields.add(field("Contact", t.contactName()));
    fields.add(mrkdwnField("Created", DisplayTime.local(t.createdAt())));
    fields.add(mrkdwnField("Due", due(t)));
    fields.add(mrkdwnField("Last updated", DisplayTime.local(t.updatedAt())));
    fields.add(field("Assigned tech", t.assignedTechName()));
    return fields;
  }

  private String due(Ticket t) {
    OffsetDateTime due = t.dueDate();
    String text = DisplayTime.local(due);
    if (due != null && t.isOpen() && due.toInstant().isBefore(clock.instant())) {
      text += " (overdue)";
    }
    return text;
  }

  private static TextObject field(String label, @Nullable String value) {
    String shown = value == null || value.isBlank() ? "—" : Mrkdwn.escapeAndTruncate(value.strip(), MAX_FIELD);
    return mrkdwnField(label, shown);
  }

  private static TextObject mrkdwnField(String label, String escapedValue) {
    return markdownText("*" + label + "*\n" + escapedValue);
  }

  private static List<LayoutBlock> comments(List<Comment> all) {
    List<Comment> newest = all.stream().sorted(NEWEST_FIRST).limit(COMMENTS_SHOWN).toList();
    List<LayoutBlock> blocks = new ArrayList<>();
    if (newest.isEmpty()) {
      blocks.add(Reply.section("*Comments*\nNo comments yet."));
      return blocks;
    }
    String heading = all.size() > newest.size()
        ? "*Comments* (" + newest.size() + " newest of " + all.size() + ", newest first)"
        : "*Comments* (newest first)";
    blocks.add(Reply.section(heading));
    for (Comment c : newest) {
      blocks.add(Reply.section(comment(c)));
    }
    return blocks;
  }

  static String comment(Comment c) {
    String who = c.tech() == null || c.tech().isBlank() ? "unknown" : Mrkdwn.escapeAndTruncate(c.tech(), 80);
    String visibility = c.hidden() ? "internal note" : "public";
    String body = Mrkdwn.escapeAndTruncate(CommentHtml.toText(c.body()), MAX_COMMENT_BODY);
    return "*" + Mrkdwn.escapeAndTruncate(c.subject(), 150) + "* · " + who + " · "
        + DisplayTime.local(c.createdAt()) + " · _" + visibility + "_"
        + (body.isEmpty() ? "" : "\n" + body);
  }

  static String lineItems(List<LineItem> items) {
    if (items.isEmpty()) {
      return "*Line items*\nNone.\n*Billing:* nothing to bill yet.";
    }
    StringBuilder sb = new StringBuilder("*Line items*");
    int listed = 0;
    for (LineItem li : items) {
      String line = "\n• " + Mrkdwn.escapeAndTruncate(li.name(), 100)
          + " — qty " + li.quantity().stripTrailingZeros().toPlainString()
          + " × " + money(li.priceRetail())
          + (li.priceRetail() == null ? "" : " = " + money(li.priceRetail().multiply(li.quantity())))
          + " — " + (li.invoiced() ? "invoiced" : "not invoiced");
      // Keep the section under Slack's limit; the billing summary below still counts every item.
      if (sb.length() + line.length() > Reply.MAX_SECTION_CHARS - 300) {
        break;
      }
      sb.append(line);
      listed++;
    }
    if (listed < items.size()) {
      sb.append("\n…and ").append(items.size() - listed).append(" more");
    }
    long uninvoiced = items.stream().filter(li -> !li.invoiced()).count();
    sb.append("\n*Billing:* ");
    if (uninvoiced == 0) {
      sb.append("all invoiced (").append(items.size()).append(items.size() == 1 ? " line item)." : " line items).");
    } else if (uninvoiced == items.size()) {
      sb.append("not invoiced yet (").append(uninvoiced).append(uninvoiced == 1 ? " line item)." : " line items).");
    } else {
      sb.append(uninvoiced).append(" of ").append(items.size()).append(" line items not invoiced yet.");
    }
    if (items.stream().anyMatch(li -> li.priceRetail() == null)) {
      sb.append(" Some line items have no price set.");
    }
    return sb.toString();
  }

  public static String money(@Nullable BigDecimal amount) {
    return amount == null ? "no price" : "$" + amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
  }
}
