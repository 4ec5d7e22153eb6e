package com.syncrobot.feature.digest;

import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.syncrobot.feature.tickets.TicketDetail;
import com.syncrobot.feature.tickets.TicketLines;
import com.syncrobot.slack.blocks.Mrkdwn;
import com.syncrobot.slack.blocks.Reply;
import com.syncrobot.slack.blocks.SectionPacker;

import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.LayoutBlock;
import com.syncrobot.digest.DigestReader;
import com.syncrobot.digest.DigestSnapshot;
import com.syncrobot.syncro.LineItem;
import com.syncrobot.syncro.Ticket;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Renders a {@link DigestSnapshot} as one main message (the summary: counts by status, per
 * technician, overdue, money left on the table) and thread replies with the full list of open tickets
 * by technician, oldest first, and the full money lists. Every message stays within Slack's limits
 * (50 blocks, 3,000 characters per section) however many tickets there are. Stateless; thread-safe.
 */
public final class DigestRenderer {
  /** Characters per thread reply: keeps each payload small whatever the block count allows. */
  static final int THREAD_MESSAGE_CHARS = 12_000;
  static final int OVERDUE_IN_SUMMARY = 10;
  static final int MONEY_IN_SUMMARY = 5;
  static final String UNASSIGNED = "Unassigned";

  /** The vocabulary's open statuses, in workflow order; any other status follows alphabetically. */
  private static final List<String> STATUS_ORDER = List.of("New", "In Progress", "Waiting on Customer",
      "Waiting on Vendor", "Scheduled");
  private static final Comparator<Ticket> OLDEST_FIRST = Comparator
      .comparing(Ticket::createdAt, Comparator.nullsLast(Comparator.<OffsetDateTime>naturalOrder()))
      .thenComparing(t -> t.number().value());
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.ENGLISH);
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT);

  private final int untouchedDays;

  public DigestRenderer(int untouchedDays) {
    if (untouchedDays < 1) {
      throw new IllegalArgumentException("untouchedDays must be positive: " + untouchedDays);
    }
    this.untouchedDays = untouchedDays;
  }

  /**
   * Renders {@code s} with dates in {@code zone}; {@code lateNote} (plain words, e.g. "sent late: the
   * bot was down at 08:00") goes under the title when given.
   */
  DigestMessages render(DigestSnapshot s, ZoneId zone, @Nullable String lateNote) {
    Instant now = s.readAt();
    List<Ticket> open = s.open().stream().sorted(OLDEST_FIRST).toList();
    long overdue = open.stream().filter(t -> overdue(t, now)).count();
    long untouched = open.stream().filter(t -> untouched(t, now)).count();

    List<LayoutBlock> blocks = new ArrayList<>();
    String title = "*Syncro digest* · " + DAY.format(now.atZone(zone));
    blocks.add(Reply.section(lateNote == null ? title : title + "\n_(" + Mrkdwn.escape(lateNote) + ")_"));
    String headline = open.isEmpty()
        ? "*No open tickets.* :tada:"
        : "*" + count(open.size(), "open ticket", "open tickets") + "* · :warning: " + overdue + " overdue · :zzz: "
            + untouched + " untouched for " + untouchedDays + "+ days";
    blocks.add(Reply.section(headline));
    blocks.add(Reply.section("*By status*\n" + statusCounts(open, s.resolved().size())));
    Map<String, List<Ticket>> byTech = byTech(open, s.techNames());
    if (!byTech.isEmpty()) {
      blocks.add(Reply.section(techSummary(byTech, now)));
    }
    if (overdue > 0) {
      blocks.add(Reply.section(overdueSummary(open, now, zone, overdue)));
    }
    blocks.addAll(moneySummary(s, now, zone));
    List<Reply> thread = thread(s, byTech, now, zone);
    if (!thread.isEmpty()) {
      blocks.add(context("Full lists in the thread: every open ticket by technician, oldest first, and the money "
          + "lists (" + count(thread.size(), "reply", "replies") + ")."));
    }
    String text = "Syncro digest: " + count(open.size(), "open ticket", "open tickets") + ", " + overdue + " overdue"
        + (lateNote == null ? "" : " (" + Mrkdwn.escape(lateNote) + ")");
    return new DigestMessages(new Reply(text, blocks), thread);
  }

  /** One ticket: its {@link TicketLines} list line, then age and flags. */
  public String line(Ticket t, Instant now, ZoneId zone) {
    StringBuilder sb = new StringBuilder(TicketLines.line(t)).append("  ·  ").append(age(t, now));
    if (overdue(t, now)) {
      sb.append("  ·  :warning: overdue (due ").append(DATE.format(t.dueDate().atZoneSameInstant(zone))).append(')');
    }
    if (untouched(t, now)) {
      sb.append("  ·  :zzz: untouched ").append(daysSince(touched(t), now)).append('d');
    }
    return sb.toString();
  }

  private static String statusCounts(List<Ticket> open, int resolved) {
    Map<String, Integer> counts = new TreeMap<>(Comparator
        .comparingInt((String st) -> {
          int i = STATUS_ORDER.indexOf(st);
          return i < 0 ? STATUS_ORDER.size() : i;
        })
        .thenComparing(Comparator.naturalOrder()));
    for (Ticket t : open) {
      counts.merge(t.status().isBlank() ? "(no status)" : t.status().strip(), 1, Integer::sum);
    }
    List<String> parts = new ArrayList<>();
    counts.forEach((st, n) -> parts.add(Mrkdwn.escapeAndTruncate(st, 40) + ": " + n));
    parts.add(DigestReader.RESOLVED + " (not invoiced): " + resolved);
    return Mrkdwn.truncate(String.join(" · ", parts), Reply.MAX_SECTION_CHARS - 20);
  }

  private String techSummary(Map<String, List<Ticket>> byTech, Instant now) {
    List<String> lines = new ArrayList<>();
    byTech.forEach((tech, tickets) -> {
      long od = tickets.stream().filter(t -> overdue(t, now)).count();
      long un = tickets.stream().filter(t -> untouched(t, now)).count();
      Ticket oldest = tickets.get(0);
      String since = oldest.createdAt() == null ? "" : " (oldest " + daysSince(oldest.createdAt(), now) + "d)";
      lines.add("• *" + Mrkdwn.escapeAndTruncate(tech, 80) + "*: " + tickets.size() + " open" + since + " · " + od
          + " overdue · " + un + " untouched");
    });
    return packed("*By technician*", lines, lines.size(), "more technicians in the thread");
  }

  private String overdueSummary(List<Ticket> open, Instant now, ZoneId zone, long overdue) {
    List<String> lines = open.stream()
        .filter(t -> overdue(t, now))
        .sorted(Comparator.comparing(Ticket::dueDate).thenComparing(t -> t.number().value()))
        .limit(OVERDUE_IN_SUMMARY)
        .map(t -> line(t, now, zone))
        .toList();
    return packed("*Overdue* (longest overdue first)", lines, overdue, "more overdue, all flagged in the thread");
  }

  private List<LayoutBlock> moneySummary(DigestSnapshot s, Instant now, ZoneId zone) {
    List<LayoutBlock> blocks = new ArrayList<>();
    List<String> resolved = s.resolved().stream().sorted(OLDEST_FIRST).limit(MONEY_IN_SUMMARY)
        .map(t -> line(t, now, zone) + amountNote(s, t)).toList();
    blocks.add(Reply.section(packed("*Money left on the table*\n• *"
        + count(s.resolved().size(), "ticket*", "tickets*") + " Resolved but not invoiced", resolved,
        s.resolved().size(), "more in the thread")));
    List<Ticket> charged = charged(s);
    BigDecimal total = charged.stream().map(t -> value(s.uninvoiced().get(t.id()))).reduce(BigDecimal.ZERO,
        BigDecimal::add);
    List<String> chargedLines = charged.stream().limit(MONEY_IN_SUMMARY)
        .map(t -> TicketLines.line(t) + amountNote(s, t)).toList();
    blocks.add(Reply.section(packed("• *" + count(charged.size(), "ticket*", "tickets*")
        + " with uninvoiced line items" + (charged.isEmpty() ? "" : " worth *" + TicketDetail.money(total) + "*"),
        chargedLines, charged.size(), "more in the thread")));
    blocks.add(context(chargesNote(s)));
    return blocks;
  }

  private static String chargesNote(DigestSnapshot s) {
    String checked = "Line items checked on " + s.chargesChecked() + " of "
        + count(s.chargesCandidates(), "ticket", "tickets");
    if (s.chargesCutShort()) {
      return checked + "; Syncro stopped answering, so the rest were not checked.";
    }
    if (s.chargesChecked() < s.chargesCandidates()) {
      return checked + " (Resolved first, then the most recently updated; the per-digest limit keeps Syncro's "
          + "request budget for interactive commands).";
    }
    return checked + ".";
  }

  private List<Reply> thread(DigestSnapshot s, Map<String, List<Ticket>> byTech, Instant now, ZoneId zone) {
    List<String> lines = new ArrayList<>();
    if (!byTech.isEmpty()) {
      lines.add("*Open tickets by technician*, oldest first");
      byTech.forEach((tech, tickets) -> {
        lines.add("*" + Mrkdwn.escapeAndTruncate(tech, 80) + "* — " + tickets.size() + " open");
        tickets.forEach(t -> lines.add(line(t, now, zone)));
      });
    }
    if (!s.resolved().isEmpty()) {
      lines.add("*Resolved but not invoiced*, oldest first");
      s.resolved().stream().sorted(OLDEST_FIRST).forEach(t -> lines.add(line(t, now, zone) + amountNote(s, t)));
    }
    List<Ticket> charged = charged(s);
    if (!charged.isEmpty()) {
      lines.add("*Uninvoiced line items*");
      charged.forEach(t -> lines.add(TicketLines.line(t) + amountNote(s, t)));
    }
    return split(lines);
  }

  /** Splits {@code lines} over as many messages as it takes, each within the block and character limits. */
  static List<Reply> split(List<String> lines) {
    List<List<LayoutBlock>> parts = new ArrayList<>();
    SectionPacker packer = new SectionPacker(Reply.MAX_BLOCKS, Reply.MAX_SECTION_CHARS, THREAD_MESSAGE_CHARS);
    int from = 0;
    while (from < lines.size()) {
      SectionPacker.Packed p = packer.pack(lines.subList(from, lines.size()));
      if (p.shown() == 0) {
        throw new IllegalStateException("a single line did not fit a message");
      }
      parts.add(p.blocks());
      from += p.shown();
    }
    List<Reply> out = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      out.add(new Reply("Syncro digest, full lists (" + (i + 1) + "/" + parts.size() + ")", parts.get(i)));
    }
    return out;
  }

  private static List<Ticket> charged(DigestSnapshot s) {
    Map<Long, Ticket> byId = new LinkedHashMap<>();
    for (Ticket t : s.resolved()) {
      byId.putIfAbsent(t.id().value(), t);
    }
    for (Ticket t : s.open()) {
      byId.putIfAbsent(t.id().value(), t);
    }
    return byId.values().stream()
        .filter(t -> s.uninvoiced().containsKey(t.id()))
        .sorted(Comparator.comparing((Ticket t) -> value(s.uninvoiced().get(t.id()))).reversed()
            .thenComparing(t -> t.number().value()))
        .toList();
  }

  private static String amountNote(DigestSnapshot s, Ticket t) {
    List<LineItem> items = s.uninvoiced().get(t.id());
    if (items == null) {
      return "";
    }
    long unpriced = items.stream().filter(li -> li.priceRetail() == null).count();
    return "  ·  " + count(items.size(), "uninvoiced line item", "uninvoiced line items") + ", "
        + TicketDetail.money(value(items)) + (unpriced == 0 ? "" : " (" + unpriced + " without a price)");
  }

  private static BigDecimal value(List<LineItem> items) {
    BigDecimal sum = BigDecimal.ZERO;
    for (LineItem li : items) {
      if (li.priceRetail() != null) {
        sum = sum.add(li.priceRetail().multiply(li.quantity()));
      }
    }
    return sum;
  }

  private static Map<String, List<Ticket>> byTech(List<Ticket> oldestFirst, Map<Long, String> names) {
    Map<String, List<Ticket>> groups = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    List<Ticket> unassigned = new ArrayList<>();
    for (Ticket t : oldestFirst) {
      if (t.userId() == null) {
        unassigned.add(t);
        continue;
      }
      String name = t.assignedTechName() != null && !t.assignedTechName().isBlank()
          ? t.assignedTechName().strip()
          : names.getOrDefault(t.userId(), "Syncro user " + t.userId());
      groups.computeIfAbsent(name, k -> new ArrayList<>()).add(t);
    }
    Map<String, List<Ticket>> ordered = new LinkedHashMap<>(groups);
    if (!unassigned.isEmpty()) {
      ordered.put(UNASSIGNED, unassigned);
    }
    return ordered;
  }

  private static boolean overdue(Ticket t, Instant now) {
    return t.dueDate() != null && t.dueDate().toInstant().isBefore(now);
  }

  private boolean untouched(Ticket t, Instant now) {
    OffsetDateTime touched = touched(t);
    return touched != null && daysSince(touched, now) >= untouchedDays;
  }

  private static @Nullable OffsetDateTime touched(Ticket t) {
    return t.updatedAt() != null ? t.updatedAt() : t.createdAt();
  }

  private static long daysSince(@Nullable OffsetDateTime t, Instant now) {
    return t == null ? 0 : Math.max(0, Duration.between(t.toInstant(), now).toDays());
  }

  private static String age(Ticket t, Instant now) {
    if (t.createdAt() == null) {
      return "age unknown";
    }
    long d = daysSince(t.createdAt(), now);
    return d == 0 ? "opened today" : d + "d old";
  }

  /**
   * A heading and as many of {@code lines} as fit one section; the rest of {@code total} items
   * become "…and K more".
   */
  private static String packed(String heading, List<String> lines, long total, String moreWhat) {
    StringBuilder sb = new StringBuilder(heading);
    int shown = 0;
    for (String l : lines) {
      if (sb.length() + 1 + l.length() > Reply.MAX_SECTION_CHARS - 100) {
        break;
      }
      sb.append('\n').append(l);
      shown++;
    }
    if (shown < total) {
      sb.append("\n…and ").append(String.format(Locale.ROOT, "%,d", total - shown)).append(' ').append(moreWhat)
          .append('.');
    }
    return sb.toString();
  }

  private static String count(long n, String one, String many) {
    return String.format(Locale.ROOT, "%,d", n) + " " + (n == 1 ? one : many);
  }

  private static LayoutBlock context(String mrkdwn) {
    return ContextBlock.builder()
        .elements(List.of(markdownText(Mrkdwn.truncate(mrkdwn, 2000))))
        .build();
  }
}
