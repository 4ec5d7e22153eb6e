package com.syncrobot.feature.digest;

import com.syncrobot.slack.blocks.Reply;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.util.json.GsonFactory;
import com.syncrobot.digest.DigestSnapshot;
import com.syncrobot.syncro.CustomerId;
import com.syncrobot.syncro.LineItem;
import com.syncrobot.syncro.Ticket;
import com.syncrobot.syncro.TicketId;
import com.syncrobot.syncro.TicketNumber;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

public final class DigestRendererTest {
  public static final Instant NOW = Instant.parse("2024-03-11T07:00:00Z");
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final Pattern NUMBER = Pattern.compile("#(\\d+) · ");

  private final DigestRenderer renderer = new DigestRenderer(7);

  public static Ticket ticket(long number, String status, @Nullable Long userId, @Nullable String tech,
      String createdAt,
      @Nullable String updatedAt, @Nullable String due) {
    return new Ticket(new TicketId(number + 500_000), new TicketNumber(number), "Subject of " + number
        + " with some words to make the line realistic <b>", status, "2 Normal", null, new CustomerId(77),
        "Customer & Sons " + (number % 13), null, OffsetDateTime.parse(createdAt), due == null ? null
            : OffsetDateTime.parse(due),
        updatedAt == null ? null : OffsetDateTime.parse(updatedAt), userId, tech,
        List.of(), List.of(), false);
  }

  /** 1,000 open tickets over four technicians and the unassigned, some overdue, some untouched. */
  static List<Ticket> thousand() {
    List<Ticket> out = new ArrayList<>();
    String[] techs = {"Jane Tech", "Sam Field", "Ola Remote", null};
    String[] statuses = {"New", "In Progress", "Waiting on Customer", "Waiting on Vendor", "Scheduled"};
    for (int i = 0; i < 1000; i++) {
      String tech = techs[i % 4];
      Long user = tech != null ? Long.valueOf(1735L + i % 4) : i % 8 == 3 ? null : Long.valueOf(1760L);
      String created = OffsetDateTime.parse("2023-06-01T09:00:00Z").plusHours(i * 6L).toString();
      String updated = i % 3 == 0 ? "2024-02-01T09:00:00Z" : "2024-03-10T09:00:00Z";
      String due = i % 10 == 0 ? "2024-03-01T17:00:00Z" : i % 10 == 1 ? "2024-04-01T17:00:00Z" : null;
      out.add(ticket(40_000 + i, statuses[i % 5], user, tech, created, updated, due));
    }
    return out;
  }

  public static List<String> texts(List<LayoutBlock> blocks) {
    List<String> out = new ArrayList<>();
    for (LayoutBlock b : blocks) {
      if (b instanceof SectionBlock s && s.getText() != null) {
        out.add(s.getText().getText());
      } else if (b instanceof ContextBlock c) {
        c.getElements().forEach(e -> out.add(((MarkdownTextObject) e).getText()));
      }
    }
    return out;
  }

  static List<Long> numbers(List<String> texts) {
    List<Long> out = new ArrayList<>();
    for (String t : texts) {
      for (String line : t.split("\n")) {
        Matcher m = NUMBER.matcher(line);
        if (m.lookingAt()) {
          out.add(Long.parseLong(m.group(1)));
        }
      }
    }
    return out;
  }

  private static DigestSnapshot snapshot(List<Ticket> open, List<Ticket> resolved,
      Map<TicketId, List<LineItem>> uninvoiced) {
    return new DigestSnapshot(NOW, open, resolved, Map.of(1760L, "Pat Night"), uninvoiced, 100, 1003, false);
  }

  @Test
  void thousandTickets_mainMessageWithinLimits_threadCarriesEveryTicketOnce() throws Exception {
    List<Ticket> open = thousand();

    DigestMessages m = renderer.render(snapshot(open, List.of(), Map.of()), BERLIN, null);

    assertThat(m.main().blocks()).hasSizeLessThanOrEqualTo(50);
    assertThat(texts(m.main().blocks())).allSatisfy(t -> assertThat(t.length()).isLessThanOrEqualTo(3000));
    assertThat(m.thread()).hasSizeGreaterThan(1);
    List<String> threadTexts = new ArrayList<>();
    for (Reply part : m.thread()) {
      assertThat(part.blocks()).hasSizeLessThanOrEqualTo(50);
      assertThat(texts(part.blocks())).allSatisfy(t -> assertThat(t.length()).isLessThanOrEqualTo(3000));
      // What Slack receives: the serialised payload of one message stays small.
      assertThat(GsonFactory.createSnakeCase().toJson(part.blocks()).length()).isLessThan(40_000);
      threadTexts.addAll(texts(part.blocks()));
    }
    List<Long> listed = numbers(threadTexts);
    assertThat(listed).hasSize(1000).doesNotHaveDuplicates();
    assertThat(listed).containsExactlyInAnyOrderElementsOf(open.stream().map(t -> t.number().value()).toList());
  }

  @Test
  void summary_countsByStatusTechOverdueUntouched() {
    DigestMessages m = renderer.render(snapshot(thousand(), List.of(), Map.of()), BERLIN, null);
    String main = String.join("\n", texts(m.main().blocks()));

    assertThat(main).contains("*Syncro digest* · Monday 11 March 2024");
    assertThat(main).contains("*1,000 open tickets* · :warning: 100 overdue · :zzz: 334 untouched for 7+ days");
    assertThat(main).contains("New: 200 · In Progress: 200 · Waiting on Customer: 200 · Waiting on Vendor: 200 · "
        + "Scheduled: 200 · Resolved (not invoiced): 0");
    assertThat(main).contains("• *Jane Tech*: 250 open (oldest 283d)", "• *Unassigned*: ", "• *Pat Night*: ");
    assertThat(main).contains("*Overdue* (longest overdue first)", "more overdue, all flagged in the thread");
    assertThat(m.main().text()).isEqualTo("Syncro digest: 1,000 open tickets, 100 overdue");
  }

  @Test
  void line_isTheBriefsListFormatPlusAgeAndFlags_escaped() {
    Ticket t = ticket(32164, "New", 1735L, "Jane Tech", "2024-02-10T09:00:00Z", "2024-03-01T09:00:00Z",
        "2024-03-05T17:00:00Z");

    assertThat(renderer.line(t, NOW, BERLIN)).isEqualTo(
        "#32164 · New · Customer &amp; Sons 2 · Subject of 32164 with some words to make the line realistic &lt;b&gt;"
            + "  ·  29d old  ·  :warning: overdue (due 2024-03-05)  ·  :zzz: untouched 9d");
  }

  @Test
  void moneyLeftOnTheTable_resolvedAndUninvoicedLineItemsWithTotals() {
    Ticket resolved = ticket(31000, "Resolved", 1735L, "Jane Tech", "2024-01-05T09:00:00Z", null, null);
    Ticket open = ticket(31001, "In Progress", 1735L, "Jane Tech", "2024-03-01T09:00:00Z", null, null);
    Map<TicketId, List<LineItem>> uninvoiced = new HashMap<>();
    uninvoiced.put(resolved.id(), List.of(new LineItem(1, "Labor - Onsite Business", "d", new BigDecimal("2.0"),
        new BigDecimal("175.00"), 26118L, null)));
    uninvoiced.put(open.id(), List.of(
        new LineItem(2, "Labor - Remote Business", "d", new BigDecimal("0.75"), new BigDecimal("150.00"), 1L, null),
        new LineItem(3, "Cable", "d", BigDecimal.ONE, null, null, null)));

    DigestMessages m = renderer.render(snapshot(List.of(open), List.of(resolved), uninvoiced), BERLIN, null);
    String main = String.join("\n", texts(m.main().blocks()));

    assertThat(main).contains("*Money left on the table*\n• *1 ticket* Resolved but not invoiced");
    assertThat(main).contains("#31000 · Resolved", "1 uninvoiced line item, $350.00");
    assertThat(main).contains("• *2 tickets* with uninvoiced line items worth *$462.50*");
    assertThat(main).contains("2 uninvoiced line items, $112.50 (1 without a price)");
    assertThat(main).contains("Line items checked on 100 of 1,003 tickets (Resolved first");
    String thread = String.join("\n", texts(m.thread().get(0).blocks()));
    assertThat(thread).contains("*Resolved but not invoiced*", "*Uninvoiced line items*");
  }

  @Test
  void lateNote_appearsUnderTheTitle() {
    DigestMessages m = renderer.render(snapshot(List.of(), List.of(), Map.of()),
        ZoneOffset.UTC, "sent late: the bot was down at 08:00");

    assertThat(texts(m.main().blocks()).get(0)).isEqualTo(
        "*Syncro digest* · Monday 11 March 2024\n_(sent late: the bot was down at 08:00)_");
    assertThat(texts(m.main().blocks())).contains("*No open tickets.* :tada:");
    assertThat(m.thread()).isEmpty();
  }

  @Test
  void split_hugeLinesAreCutNotDropped() throws Exception {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      lines.add("#" + i + "  " + "x".repeat(5000));
    }
    List<Reply> parts = DigestRenderer.split(lines);
    int sections = 0;
    for (Reply r : parts) {
      assertThat(r.blocks()).hasSizeLessThanOrEqualTo(50);
      for (String t : texts(r.blocks())) {
        assertThat(t.length()).isLessThanOrEqualTo(3000);
        sections++;
      }
    }
    assertThat(sections).isEqualTo(30);
    JsonNode json = new ObjectMapper().readTree(GsonFactory.createSnakeCase().toJson(parts.get(0).blocks()));
    assertThat(json.get(0).path("type").asText()).isEqualTo("section");
  }
}
