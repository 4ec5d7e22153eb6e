package com.syncrobot.feature.tickets;

import com.syncrobot.slack.blocks.Reply;

import static com.syncrobot.feature.tickets.TicketFixtures.ticket;
import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.syncrobot.syncro.Ticket;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

final class TicketLinesTest {
  @Test
  void line_matchesTheBriefsFormat_R26() {
    Ticket t = ticket(32164, "New", "Jerry Burger", "Own cloud thing again", "2024-05-01T10:00:00Z");
    assertThat(TicketLines.line(t)).isEqualTo("#32164 · New · Jerry Burger · Own cloud thing again");
  }

  @Test
  void line_columnsSurviveSlacksSpaceCollapsing_andTheNumberLinksToSyncro() {
    Ticket t = ticket(32164, "In Progress", "Saguaro Landscaping LLC", "Outlook keeps asking", "2024-05-01T10:00:00Z");
    String line = TicketLines.line(t, "https://acme.syncromsp.com");
    // Slack shows runs of spaces as one: the columns must be told apart by something that is not a space
    String rendered = line.replaceAll(" +", " ");
    assertThat(rendered).isEqualTo(line);
    assertThat(line).isEqualTo("<https://acme.syncromsp.com/tickets/" + t.id().value() + "|#32164> · In Progress"
        + " · Saguaro Landscaping LLC · Outlook keeps asking");
  }

  @Test
  void line_syncroText_isEscapedSoItCannotPingAChannel() {
    Ticket t = ticket(1, "New", "Tom & Jerry <Ltd>", "<!channel> printer & fax", "2024-05-01T10:00:00Z");
    assertThat(TicketLines.line(t))
        .isEqualTo("#1 · New · Tom &amp; Jerry &lt;Ltd&gt; · &lt;!channel&gt; printer &amp; fax");
  }

  @Test
  void list_sortsNewestFirstAndCounts() {
    Reply r = OpenTicketsCommand.reply(List.of(
        ticket(100, "New", "A", "older", "2024-05-01T10:00:00Z"),
        ticket(102, "New", "C", "newest", "2024-05-03T10:00:00+02:00"),
        ticket(101, "Scheduled", "B", "middle", "2024-05-02T10:00:00Z")), null);
    assertThat(r.text()).isEqualTo("*3 open tickets*, newest first");
    assertThat(text(r.blocks().get(1)))
        .isEqualTo("#102 · New · C · newest\n#101 · Scheduled · B · middle\n#100 · New · A · older");
  }

  @Test
  void list_tooManyForOneMessage_showsFirstNAndHowManyMore() {
    List<Ticket> many = IntStream.range(0, 1000)
        .mapToObj(i -> ticket(20000 + i, "New", "Customer " + i, "Subject number " + i + " " + "w".repeat(80),
            "2024-01-01T00:00:00Z"))
        .toList();
    Reply r = OpenTicketsCommand.reply(many, null);
    assertThat(r.blocks().size()).isLessThanOrEqualTo(Reply.MAX_BLOCKS);
    LayoutBlock last = r.blocks().get(r.blocks().size() - 1);
    assertThat(last).isInstanceOf(ContextBlock.class);
    String note = ((MarkdownTextObject) ((ContextBlock) last).getElements().get(0)).getText();
    int shown = r.blocks().subList(1, r.blocks().size() - 1).stream()
        .mapToInt(b -> text(b).split("\n").length).sum();
    assertThat(note).startsWith("…and " + (1000 - shown) + " more.");
    assertThat(shown).isPositive();
  }

  @Test
  void list_empty_saysSo() {
    assertThat(OpenTicketsCommand.reply(List.of(), null).text()).isEqualTo("No open tickets. :tada:");
  }

  static String text(LayoutBlock b) {
    return ((SectionBlock) b).getText().getText();
  }
}
