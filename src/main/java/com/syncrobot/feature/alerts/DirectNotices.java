package com.syncrobot.feature.alerts;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.methods.response.conversations.ConversationsOpenResponse;
import com.slack.api.model.Message;
import com.slack.api.model.block.LayoutBlock;
import com.syncrobot.notify.AlertSettings;
import com.syncrobot.notify.Delivered;
import com.syncrobot.notify.Notice;
import com.syncrobot.notify.QuietHours;
import com.syncrobot.notify.TicketEvent;
import com.syncrobot.notify.TicketState;
import com.syncrobot.slack.SafeLog;
import com.syncrobot.slack.blocks.Mrkdwn;
import com.syncrobot.slack.blocks.Reply;
import com.syncrobot.slack.blocks.TicketButtons;
import com.syncrobot.syncro.SyncroWebLinks;
import com.syncrobot.syncro.TicketId;
import com.syncrobot.syncro.TicketNumber;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The direct-message half of the notification sink ({@code NoticeSink.toUser}): one message to the technician
 * with every notice of a batch (a line per ticket, its events in words with times in the technician's zone, the
 * ticket's buttons), headed "While you were away" when it was held through their quiet hours. The message carries
 * Slack message metadata naming the batch ({@link #EVENT_TYPE}), by which a retry finds in the DM's history what
 * an earlier attempt posted before its process died, and posts nothing then. Thread-safe.
 */
public final class DirectNotices {
  /** The message metadata type of a batch of alerts. */
  static final String EVENT_TYPE = "syncro_alert";
  /** A batch's message is looked for from this long before its oldest event: Slack's clock and ours may differ. */
  static final Duration CLOCK_SKEW = Duration.ofMinutes(10);
  static final int HISTORY_PAGE = 200;
  /** 2,000 messages of the DM since the batch's oldest event; a DM is rarely that busy. */
  static final int MAX_HISTORY_PAGES = 10;
  /** Room for the header and the "more" note within Slack's 50 blocks. */
  static final int MAX_TICKET_BLOCKS = Reply.MAX_BLOCKS - 4;
  /** Slack's answers that mean the technician can never get a direct message from the bot. */
  static final Set<String> NEVER = Set.of("user_not_found", "user_disabled", "account_inactive", "cannot_dm_bot",
      "channel_not_found", "is_archived", "not_in_channel", "user_is_restricted", "messages_tab_disabled");
  private static final Logger log = LoggerFactory.getLogger(DirectNotices.class);
  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
  private static final DateTimeFormatter DAY_HH_MM = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ENGLISH);

  private final MethodsClient slack;
  private final Clock clock;
  private final @Nullable String webUrl;

  /** {@code webUrl} is Syncro's web app (ticket numbers link there), or null for no links. */
  public DirectNotices(MethodsClient slack, Clock clock, @Nullable String webUrl) {
    this.slack = Objects.requireNonNull(slack, "slack == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
    this.webUrl = webUrl;
  }

  /** Sends {@code user} one direct message with every notice, oldest first (see {@code NoticeSink#toUser}). */
  public Delivered toUser(AlertSettings user, List<Notice> notices, String batchId, boolean retry) {
    if (notices.isEmpty()) {
      throw new IllegalArgumentException("a batch holds at least one notice");
    }
    String who = user.slackUserId();
    String channel;
    try {
      ConversationsOpenResponse r = slack.conversationsOpen(b -> b.users(List.of(who)));
      if (!r.isOk() || r.getChannel() == null) {
        return refused("conversations.open", who, r.getError());
      }
      channel = r.getChannel().getId();
    } catch (IOException | SlackApiException e) {
      log.warn("conversations.open with {} failed: {}", who, SafeLog.describe(e));
      return new Delivered.Later("Slack did not answer");
    }
    if (retry) {
      Instant oldest = notices.stream().flatMap(n -> n.events().stream()).map(TicketEvent::at)
          .min(Comparator.naturalOrder()).orElseThrow().minus(CLOCK_SKEW);
      try {
        Optional<String> ts = find(channel, batchId, oldest);
        if (ts.isPresent()) {
          log.info("Alert batch {} for {} was posted before ({}): not posting it again", batchId, who, ts.get());
          return new Delivered.Posted(ts.get());
        }
      } catch (Unreadable e) {
        // Posting without knowing could post the batch twice; try again later.
        log.warn("Could not look for alert batch {} in the DM with {}: {}", batchId, who, e.getMessage());
        return new Delivered.Later(e.getMessage());
      }
    }
    Reply reply = render(user, notices);
    Message.Metadata metadata = Message.Metadata.builder().eventType(EVENT_TYPE)
        .eventPayload(Map.of("batch_id", batchId)).build();
    try {
      ChatPostMessageResponse r = slack.chatPostMessage(b -> b.channel(channel).text(reply.text())
          .blocks(reply.blocks()).unfurlLinks(false).metadata(metadata));
      if (!r.isOk()) {
        return refused("chat.postMessage", who, r.getError());
      }
      return new Delivered.Posted(r.getTs());
    } catch (SlackApiException e) {
      log.warn("chat.postMessage to {} failed: HTTP {}", who, e.getResponse().code());
      return new Delivered.Later("Slack answered HTTP " + e.getResponse().code());
    } catch (IOException e) {
      // It may have arrived: a retry looks for it by its metadata first.
      log.warn("chat.postMessage to {} failed: {}", who, SafeLog.describe(e));
      return new Delivered.Later("Slack did not answer");
    }
  }

  private static Delivered refused(String method, String who, @Nullable String error) {
    log.warn("{} for the alerts of {} refused: {}", method, who, error);
    if (error != null && NEVER.contains(error)) {
      return new Delivered.Dropped("Slack cannot take a direct message to this technician: " + error);
    }
    return new Delivered.Later("Slack answered " + error);
  }

  /** The DM history could not be read. */
  static final class Unreadable extends Exception {
    private static final long serialVersionUID = 1L;

    Unreadable(String message) {
      super(message);
    }
  }

  /** The ts of the bot's message in {@code channel} carrying {@code batchId}, posted since {@code oldest}. */
  Optional<String> find(String channel, String batchId, Instant oldest) throws Unreadable {
    String from = Long.toString(oldest.getEpochSecond());
    String cursor = null;
    for (int page = 0; page < MAX_HISTORY_PAGES; page++) {
      String at = cursor;
      ConversationsHistoryResponse r;
      try {
        r = slack.conversationsHistory(b -> b.channel(channel).oldest(from).includeAllMetadata(true)
            .limit(HISTORY_PAGE).cursor(at));
      } catch (IOException | SlackApiException e) {
        throw new Unreadable("conversations.history failed: " + SafeLog.describe(e));
      }
      if (!r.isOk()) {
        throw new Unreadable("conversations.history: " + r.getError()
            + ("missing_scope".equals(r.getError()) ? " (the app needs the im:history scope of manifest.yml)" : ""));
      }
      for (Message m : r.getMessages() == null ? List.<Message>of() : r.getMessages()) {
        Message.Metadata md = m.getMetadata();
        if (m.getBotId() != null && md != null && EVENT_TYPE.equals(md.getEventType()) && md.getEventPayload() != null
            && batchId.equals(String.valueOf(md.getEventPayload().get("batch_id")))) {
          return Optional.of(m.getTs());
        }
      }
      cursor = r.getResponseMetadata() == null ? null : r.getResponseMetadata().getNextCursor();
      if (!r.isHasMore() || cursor == null || cursor.isBlank()) {
        return Optional.empty();
      }
    }
    throw new Unreadable("more than " + MAX_HISTORY_PAGES * HISTORY_PAGE + " messages in the DM since the batch");
  }

  /** The message: an optional header, then per notice its ticket line, events and buttons. */
  Reply render(AlertSettings user, List<Notice> notices) {
    ZoneId zone = user.zone();
    Instant now = clock.instant();
    int updates = notices.stream().mapToInt(n -> n.events().size()).sum();
    List<LayoutBlock> blocks = new ArrayList<>();
    String header = held(user, notices, now);
    if (header != null) {
      blocks.add(Reply.section("*" + header + ": " + updates + (updates == 1 ? " update*" : " updates*")));
    }
    int shown = 0;
    for (Notice n : notices) {
      List<LayoutBlock> buttons = n.ticket() == null ? List.of()
          : List.of(TicketButtons.forTicket(new TicketNumber(n.ticket().number())));
      if (blocks.size() + 1 + buttons.size() > MAX_TICKET_BLOCKS) {
        break;
      }
      blocks.add(Reply.section(Mrkdwn.truncate(noticeText(n, zone, now), Reply.MAX_SECTION_CHARS)));
      blocks.addAll(buttons);
      shown++;
    }
    if (shown < notices.size()) {
      int more = notices.size() - shown;
      blocks.add(Reply.section("…and " + more + (more == 1 ? " more ticket" : " more tickets") + " with updates; see "
          + "them with `/syncro list`."));
    }
    String text = header != null ? header + ": " + updates + (updates == 1 ? " update" : " updates")
        : notices.size() == 1 && notices.get(0).events().size() == 1
            ? Mrkdwn.escapeAndTruncate(notices.get(0).events().get(0).text(), 300)
            : updates + " Syncro updates for you";
    return new Reply(text, blocks);
  }

  /** "While you were away (22:00–07:00)" when the batch's oldest event came in the quiet hours, which are over. */
  private static @Nullable String held(AlertSettings user, List<Notice> notices, Instant now) {
    QuietHours q = user.quiet();
    if (q == null) {
      return null;
    }
    Instant first = notices.stream().flatMap(n -> n.events().stream()).map(TicketEvent::at)
        .min(Comparator.naturalOrder()).orElseThrow();
    boolean heldBack = q.contains(first, user.zone()) && !q.endAfter(first, user.zone()).isAfter(now);
    return heldBack ? "While you were away (" + AlertSettingsText.range(q) + ")" : null;
  }

  private String noticeText(Notice n, ZoneId zone, Instant now) {
    StringBuilder b = new StringBuilder();
    TicketState t = n.ticket();
    if (t != null) {
      String number = "#" + t.number();
      String linked = webUrl == null ? number
          : "<" + SyncroWebLinks.ticket(webUrl, new TicketId(t.ticketId())) + "|" + number + ">";
      b.append('*').append(linked).append(' ').append(Mrkdwn.escapeAndTruncate(t.subject(), 150)).append("* — ")
          .append(Mrkdwn.escapeAndTruncate(t.customerName(), 100)).append(" · ")
          .append(Mrkdwn.escapeAndTruncate(t.status(), 40));
    }
    for (TicketEvent e : n.events()) {
      if (!b.isEmpty()) {
        b.append('\n');
      }
      b.append(t == null ? "" : "• ").append('_').append(when(e.at(), zone, now)).append("_ ")
          .append(Mrkdwn.escapeAndTruncate(e.text(), 500));
    }
    return b.toString();
  }

  /** "14:05" today in the technician's zone, "Mon 14:05" on another day. */
  private static String when(Instant at, ZoneId zone, Instant now) {
    boolean today = at.atZone(zone).toLocalDate().equals(now.atZone(zone).toLocalDate());
    return (today ? HH_MM : DAY_HH_MM).format(at.atZone(zone));
  }
}
