package com.syncrobot.feature.tickets;

import com.syncrobot.slack.blocks.Reply;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.TextObject;
import com.syncrobot.syncro.Comment;
import com.syncrobot.syncro.LineItem;
import com.syncrobot.syncro.Ticket;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class TicketDetailTest {
  private final Clock clock = Clock.fixed(Instant.parse("2024-05-10T12:00:00Z"), ZoneOffset.UTC);

  @Test
  void render_showsHeaderFieldsInReadableUtcTimes() {
    Ticket t = TicketFixtures.detailed(List.of(), List.of(), OffsetDateTime.parse("2024-05-09T17:00:00Z"));
    Reply r = new TicketDetail(clock).render(t);
    String all = allText(r);
    assertThat(r.text()).isEqualTo("*#32203 · Printer offline*");
    assertThat(all).contains("*Status*\nIn Progress", "*Priority*\n1 High", "*Customer*\nJerry Burger",
        "*Contact*\nJerry B.", "*Created*\n<!date^1714572180^{date_short_pretty} at {time}|2024-05-01 14:03 UTC>",
        "*Due*\n<!date^1715274000^{date_short_pretty} at {time}|2024-05-09 17:00 UTC> (overdue)",
        "*Last updated*\n<!date^1714667400^{date_short_pretty} at {time}|2024-05-02 16:30 UTC>",
        "*Assigned tech*\nJane Tech", "No comments yet.",
        "*Line items*\nNone.");
  }

  @Test
  void render_withSyncrosWebAddress_linksTheTicketNumber() {
    Ticket t = TicketFixtures.detailed(List.of(), List.of(), null);
    Reply r = new TicketDetail(clock, "https://acme.syncromsp.com").render(t);
    assertThat(allText(r))
        .contains("*<https://acme.syncromsp.com/tickets/" + t.id().value() + "|#32203> · Printer offline*");
    assertThat(r.text()).isEqualTo("*#32203 · Printer offline*");
  }

  @Test
  void render_fiveNewestCommentsNewestFirst_withVisibilityAndPlainBody() {
    List<Comment> comments = new ArrayList<>();
    for (int i = 1; i <= 7; i++) {
      comments.add(new Comment(i, "Update " + i, "line one<br>line <b>two</b> &amp; more", i % 2 == 0, "Jane Tech",
          OffsetDateTime.parse("2024-05-0" + i + "T08:00:00Z"), 1735L));
    }
    Reply r = new TicketDetail(clock).render(TicketFixtures.detailed(comments, List.of(), null));
    List<String> sections = sections(r);
    assertThat(sections).contains("*Comments* (5 newest of 7, newest first)");
    List<String> shown = sections.stream().filter(s -> s.startsWith("*Update ")).toList();
    assertThat(shown).extracting(s -> s.substring(0, 10))
        .containsExactly("*Update 7*", "*Update 6*", "*Update 5*", "*Update 4*", "*Update 3*");
    assertThat(shown.get(0))
        .isEqualTo(
            "*Update 7* · Jane Tech · <!date^1715068800^{date_short_pretty} at {time}|2024-05-07 08:00 UTC> · _public_\nline one\nline two &amp; more");
    assertThat(shown.get(1)).contains("_internal note_");
  }

  @Test
  void render_lineItems_showQuantityPriceAndBillingStatus() {
    List<LineItem> items = List.of(
        new LineItem(1, "Labor - Remote Business", "Fixed it", new BigDecimal("0.75"), new BigDecimal("150.0"),
            1190473L, 555L),
        new LineItem(2, "Fee - Travel Time", "Trip", new BigDecimal("1.0"), new BigDecimal("40"), 26117L, null));
    String s = TicketDetail.lineItems(items);
    assertThat(s).isEqualTo("*Line items*"
        + "\n• Labor - Remote Business — qty 0.75 × $150.00 = $112.50 — invoiced"
        + "\n• Fee - Travel Time — qty 1 × $40.00 = $40.00 — not invoiced"
        + "\n*Billing:* 1 of 2 line items not invoiced yet.");
  }

  @Test
  void render_ticketLineMarkedConverted_countsAsInvoiced() {
    // Ticket line items carry `converted`, not an invoice id, once they are on an invoice.
    String json = "{\"id\":7,\"name\":\"Labor\",\"quantity\":\"1.0\",\"price_retail\":\"150.0\",\"converted\":true}";
    LineItem converted = com.syncrobot.syncro.SyncroJsonAccess.lineItem(json);
    assertThat(TicketDetail.lineItems(List.of(converted))).contains("— invoiced").contains("all invoiced");
  }

  @Test
  void render_lineItemWithoutPrice_isFlagged_R10() {
    List<LineItem> items = List.of(new LineItem(1, "Labor", null, new BigDecimal("2"), null, null, null));
    assertThat(TicketDetail.lineItems(items))
        .contains("qty 2 × no price — not invoiced",
            "not invoiced yet (1 line item). Some line items have no price set.");
  }

  @Test
  void render_syncroText_isEscaped() {
    Comment c = new Comment(1, "<!here> & you", "<script>x</script>&lt;!channel&gt;", false, "<@U1>", null, 1735L);
    String s = TicketDetail.comment(c);
    // a script's text is not something a reader of the comment sees, so it is not shown either
    assertThat(s).doesNotContain("<!", "<@", "x&lt;").contains("&lt;!here&gt; &amp; you", "&lt;@U1&gt;",
        "\n&lt;!channel&gt;");
  }

  @Test
  void render_staysWithinBlockLimits() {
    List<Comment> comments = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      comments.add(new Comment(i, "s".repeat(500), "b".repeat(10_000), false, "t", null, 1735L));
    }
    List<LineItem> items = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      items.add(new LineItem(i, "n".repeat(300), null, BigDecimal.ONE, BigDecimal.TEN, null, null));
    }
    Reply r = new TicketDetail(clock).render(TicketFixtures.detailed(comments, items, null));
    assertThat(r.blocks().size()).isLessThanOrEqualTo(Reply.MAX_BLOCKS);
    assertThat(sections(r)).allSatisfy(s -> assertThat(s.length()).isLessThanOrEqualTo(Reply.MAX_SECTION_CHARS));
    assertThat(sections(r)).anySatisfy(s -> assertThat(s).contains("*Billing:* not invoiced yet (200 line items)."));
  }

  static List<String> sections(Reply r) {
    return r.blocks().stream().filter(b -> b instanceof SectionBlock).map(b -> (SectionBlock) b)
        .filter(b -> b.getText() != null).map(b -> b.getText().getText()).toList();
  }

  static String allText(Reply r) {
    StringBuilder sb = new StringBuilder();
    for (LayoutBlock b : r.blocks()) {
      if (b instanceof SectionBlock s) {
        if (s.getText() != null) {
          sb.append(s.getText().getText()).append('\n');
        }
        if (s.getFields() != null) {
          for (TextObject f : s.getFields()) {
            sb.append(((MarkdownTextObject) f).getText()).append('\n');
          }
        }
      }
    }
    return sb.toString();
  }
}
