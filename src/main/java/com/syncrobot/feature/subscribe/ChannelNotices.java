package com.syncrobot.feature.subscribe;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.methods.response.conversations.ConversationsRepliesResponse;
import com.slack.api.model.Message;
import com.slack.api.model.block.LayoutBlock;
import com.syncrobot.feature.digest.ChannelAccess;
import com.syncrobot.notify.Delivered;
import com.syncrobot.notify.Notice;
import com.syncrobot.notify.Subscription;
import com.syncrobot.notify.SubscriptionStore;
import com.syncrobot.notify.TicketEvent;
import com.syncrobot.notify.TicketState;
import com.syncrobot.slack.SafeLog;
import com.syncrobot.slack.UserZones;
import com.syncrobot.slack.blocks.Mrkdwn;
import com.syncrobot.slack.blocks.Reply;
import com.syncrobot.slack.blocks.TicketButtons;
import com.syncrobot.syncro.SyncroWebLinks;
import com.syncrobot.syncro.TicketId;
import com.syncrobot.syncro.TicketNumber;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The channel half of the notification sink: posts a subscription's notices in its channel, one thread per
 * ticket. The first notice about a ticket starts the thread with a message about the ticket (number, subject,
 * customer, status, assignee, a link into Syncro and the ticket's buttons), recorded in the store; every batch
 * is then ONE reply in that thread listing its events, oldest first, and the first message is updated in place
 * with the ticket's current status. Both carry Slack message metadata ({@link #EVENT_TYPE}: subscription,
 * ticket, batch), so that a retried batch (its poster died before recording it) first looks in the channel and
 * posts only what is missing: each batch appears once. Before posting, the creator's right to post there is
 * checked again ({@link ChannelAccess}); when it is gone the batch is dropped and the creator told once.
 * Thread-safe.
 */
public final class ChannelNotices {
  /** The message metadata type of a notification's thread root and of its replies. */
  static final String EVENT_TYPE = "syncro_notice";
  /** The thread root is looked for from this long before the batch's first event: clocks may differ. */
  static final Duration CLOCK_SKEW = Duration.ofMinutes(10);
  static final int PAGE = 200;
  static final int MAX_PAGES = 50;
  /** A reply's text stays within a section's 3000 characters. */
  static final int MAX_REPLY_CHARS = 2800;
  private static final String ROOT = "root";
  private static final String REPLY = "reply";
  /** Slack errors after which the channel will not take the post however often it is tried. */
  private static final Set<String> PERMANENT = Set.of("channel_not_found", "not_in_channel", "is_archived",
      "channel_is_archived", "restricted_action", "thread_not_found");
  private static final Logger log = LoggerFactory.getLogger(ChannelNotices.class);

  private final MethodsClient slack;
  private final SubscriptionStore store;
  private final ChannelAccess access;
  private final UserZones zones;
  private final @Nullable String webUrl;

  /**
   * @param webUrl Syncro's web address for links to tickets (e.g. {@code https://acme.syncromsp.com}), or null
   */
  public ChannelNotices(MethodsClient slack, SubscriptionStore store, ChannelAccess access, UserZones zones,
      @Nullable String webUrl) {
    this.slack = slack;
    this.store = store;
    this.access = access;
    this.zones = zones;
    this.webUrl = webUrl;
  }

  /** Slack did not take a call: {@code permanent} when it never will (the channel is gone or closed to the bot). */
  private static final class SlackFailure extends Exception {
    private static final long serialVersionUID = 1L;
    final boolean permanent;

    SlackFailure(String what, boolean permanent) {
      super(what);
      this.permanent = permanent;
    }
  }

  /** Same contract as {@code NoticeSink.toChannel}. */
  public Delivered toChannel(Subscription s, Notice notice, String batchId, boolean retry) {
    TicketState t = notice.ticket();
    if (t == null) {
      return new Delivered.Dropped("a channel notification is about a ticket, and this one names none");
    }
    if (store.find(s.id()).isEmpty()) {
      return new Delivered.Dropped("the subscription was removed");
    }
    Optional<ChannelAccess.Refusal> refused = access.postRefusal(slack, s.createdBy(), s.channelId(),
        "a subscription", true);
    if (refused.isPresent()) {
      if (refused.get().unchecked()) {
        return new Delivered.Later("Slack could not say whether the channel takes the post");
      }
      log.info("Subscription {} not posted in {}: not allowed there now", s.id(), s.channelId());
      tellBroken(s, refused.get().why());
      return new Delivered.Dropped("not allowed in the channel now");
    }
    try {
      Optional<SubscriptionStore.TicketThread> thread = store.thread(s.id(), t.ticketId());
      if (thread.isEmpty() && retry) {
        thread = findRoot(s, t, notice).map(ts -> store.recordThread(s.id(), t.ticketId(), s.channelId(), ts));
      }
      boolean fresh = thread.isEmpty();
      String root = fresh ? startThread(s, t, batchId) : thread.get().rootTs();
      String reply = retry && !fresh ? findReply(s, root, batchId).orElse(null) : null;
      if (reply == null) {
        reply = post(s.channelId(), replyText(s, notice), root, metadata(s, t, batchId, REPLY));
      }
      if (!fresh) {
        updateRoot(s, t, root);
      }
      store.clearBrokenTold(s.id());
      return new Delivered.Posted(reply);
    } catch (SlackFailure f) {
      if (f.permanent) {
        log.info("Subscription {} cannot post in {}: {}", s.id(), s.channelId(), f.getMessage());
        tellBroken(s, "Slack refused the post (" + Mrkdwn.escape(f.getMessage()) + "); I may have been removed from "
            + "<#" + s.channelId() + ">, or it was archived or deleted.");
        return new Delivered.Dropped("Slack refused the post: " + f.getMessage());
      }
      return new Delivered.Later(f.getMessage());
    }
  }

  /** Posts the ticket's first message and records it; another caller's root, when it recorded one first, wins. */
  private String startThread(Subscription s, TicketState t, String batchId) throws SlackFailure {
    String ts = post(s.channelId(), root(t), null, metadata(s, t, batchId, ROOT));
    SubscriptionStore.TicketThread recorded = store.recordThread(s.id(), t.ticketId(), s.channelId(), ts);
    if (!recorded.rootTs().equals(ts)) {
      delete(s.channelId(), ts);
    }
    return recorded.rootTs();
  }

  /** The message a ticket's thread starts with, and which is updated in place with its status. */
  Reply root(TicketState t) {
    String number = "#" + t.number();
    String linked = webUrl == null || t.ticketId() <= 0 ? number
        : "<" + SyncroWebLinks.ticket(webUrl, new TicketId(t.ticketId())) + "|" + number + ">";
    String line = "*" + linked + " " + Mrkdwn.escapeAndTruncate(t.subject(), 200) + "* — "
        + Mrkdwn.escapeAndTruncate(t.customerName(), 120) + " · " + Mrkdwn.escape(t.status()) + " · "
        + (t.assignee() == null ? "unassigned" : "assigned to " + Mrkdwn.escape(t.assignee()));
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(Reply.section(line));
    blocks.add(TicketButtons.forTicket(new TicketNumber(t.number())));
    return new Reply(line, blocks);
  }

  /** One reply listing the batch's events, oldest first, at times in the creator's Slack time zone. */
  Reply replyText(Subscription s, Notice notice) {
    ZoneId zone = zones.zoneOf(slack, s.createdBy()).orElse(null);
    List<TicketEvent> events = notice.events().stream().sorted(Comparator.comparing(TicketEvent::at)).toList();
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < events.size(); i++) {
      TicketEvent e = events.get(i);
      String line = "• " + SubscriptionWords.time(e.at(), zone) + " " + Mrkdwn.escapeAndTruncate(e.text(), 400);
      if (sb.length() + line.length() + 1 > MAX_REPLY_CHARS) {
        sb.append("• … and ").append(events.size() - i).append(" more");
        break;
      }
      sb.append(line).append('\n');
    }
    String text = sb.toString().strip();
    return new Reply(text, List.of(Reply.section(text)));
  }

  private void updateRoot(Subscription s, TicketState t, String rootTs) {
    Reply r = root(t);
    try {
      ChatUpdateResponse u = slack.chatUpdate(b -> b.channel(s.channelId()).ts(rootTs).text(r.text())
          .blocks(r.blocks()).metadata(metadata(s, t, null, ROOT)));
      if (!u.isOk()) {
        log.warn("chat.update of thread {} in {} failed: {}", rootTs, s.channelId(), u.getError());
      }
    } catch (IOException | SlackApiException e) {
      // Only the status shown on the first message is stale; the reply is out.
      log.warn("chat.update of thread {} in {} failed: {}", rootTs, s.channelId(), SafeLog.describe(e));
    }
  }

  /** The ts of the thread root an earlier attempt posted for this ticket, from the channel's history. */
  private Optional<String> findRoot(Subscription s, TicketState t, Notice notice) throws SlackFailure {
    Instant first = notice.events().stream().map(TicketEvent::at).min(Comparator.naturalOrder()).orElseThrow();
    String oldest = Long.toString(first.minus(CLOCK_SKEW).getEpochSecond());
    String cursor = null;
    for (int page = 0; page < MAX_PAGES; page++) {
      String from = cursor;
      ConversationsHistoryResponse r;
      try {
        r = slack.conversationsHistory(b -> b.channel(s.channelId()).oldest(oldest).includeAllMetadata(true)
            .limit(PAGE).cursor(from));
      } catch (IOException | SlackApiException e) {
        throw failure("conversations.history", e);
      }
      if (!r.isOk()) {
        throw failure("conversations.history", r.getError());
      }
      for (Message m : r.getMessages() == null ? List.<Message>of() : r.getMessages()) {
        if (ours(m, s, ROOT) && sameId(m.getMetadata().getEventPayload().get("ticket_id"), t.ticketId())) {
          return Optional.of(m.getTs());
        }
      }
      cursor = r.getResponseMetadata() == null ? null : r.getResponseMetadata().getNextCursor();
      if (!r.isHasMore() || cursor == null || cursor.isBlank()) {
        return Optional.empty();
      }
    }
    throw new SlackFailure("the channel has too many messages since the ticket changed to look through", false);
  }

  /** The ts of this batch's reply in the thread, when an earlier attempt posted it. */
  private Optional<String> findReply(Subscription s, String rootTs, String batchId) throws SlackFailure {
    String cursor = null;
    for (int page = 0; page < MAX_PAGES; page++) {
      String from = cursor;
      ConversationsRepliesResponse r;
      try {
        r = slack.conversationsReplies(b -> b.channel(s.channelId()).ts(rootTs).includeAllMetadata(true).limit(PAGE)
            .cursor(from));
      } catch (IOException | SlackApiException e) {
        throw failure("conversations.replies", e);
      }
      if (!r.isOk()) {
        throw failure("conversations.replies", r.getError());
      }
      for (Message m : r.getMessages() == null ? List.<Message>of() : r.getMessages()) {
        if (ours(m, s, REPLY) && batchId.equals(m.getMetadata().getEventPayload().get("batch_id"))) {
          return Optional.of(m.getTs());
        }
      }
      cursor = r.getResponseMetadata() == null ? null : r.getResponseMetadata().getNextCursor();
      if (!r.isHasMore() || cursor == null || cursor.isBlank()) {
        return Optional.empty();
      }
    }
    throw new SlackFailure("the thread has too many replies to look through", false);
  }

  /** Whether {@code m} is the bot's message of {@code kind} for subscription {@code s}. */
  private static boolean ours(Message m, Subscription s, String kind) {
    Message.Metadata md = m.getMetadata();
    return m.getBotId() != null && md != null && EVENT_TYPE.equals(md.getEventType()) && md.getEventPayload() != null
        && kind.equals(md.getEventPayload().get("kind")) && sameId(md.getEventPayload().get("subscription_id"), s.id());
  }

  private static boolean sameId(@Nullable Object value, long id) {
    return value instanceof Number n ? n.longValue() == id : String.valueOf(id).equals(value);
  }

  private static Message.Metadata metadata(Subscription s, TicketState t, @Nullable String batchId, String kind) {
    Map<String, Object> payload = batchId == null
        ? Map.of("subscription_id", s.id(), "ticket_id", t.ticketId(), "kind", kind)
        : Map.of("subscription_id", s.id(), "ticket_id", t.ticketId(), "batch_id", batchId, "kind", kind);
    return Message.Metadata.builder().eventType(EVENT_TYPE).eventPayload(payload).build();
  }

  private String post(String channelId, Reply reply, @Nullable String threadTs, Message.Metadata metadata)
      throws SlackFailure {
    ChatPostMessageResponse r;
    try {
      r = slack.chatPostMessage(b -> b.channel(channelId).threadTs(threadTs).text(reply.text())
          .blocks(reply.blocks().isEmpty() ? null : reply.blocks()).unfurlLinks(false).metadata(metadata));
    } catch (IOException | SlackApiException e) {
      // Without an answer the post may be there: the retry looks for it before posting again.
      throw failure("chat.postMessage", e);
    }
    if (!r.isOk()) {
      throw failure("chat.postMessage", r.getError());
    }
    return r.getTs();
  }

  private void delete(String channelId, String ts) {
    try {
      slack.chatDelete(b -> b.channel(channelId).ts(ts));
    } catch (IOException | SlackApiException e) {
      log.warn("chat.delete of a second thread root in {} failed: {}", channelId, SafeLog.describe(e));
    }
  }

  /** Tells the creator, once until a post works again, that the subscription's channel takes no posts. */
  private void tellBroken(Subscription s, String why) {
    try {
      if (!store.markBrokenTold(s.id())) {
        return;
      }
      String text = "Your subscription *" + s.id() + "* (<#" + s.channelId() + ">: "
          + SubscriptionWords.describe(s.filter()) + ") could not post: " + why
          + " Nothing is posted for it until that "
          + "changes. Remove it with `/syncro unsubscribe " + s.id() + "`, or set it up again with `/syncro subscribe` "
          + "in a channel where it may post.";
      ChatPostMessageResponse r = slack.chatPostMessage(b -> b.channel(s.createdBy()).text(text)
          .blocks(List.of(Reply.section(text))));
      if (!r.isOk()) {
        log.warn("Telling {} about subscription {} failed: {}", s.createdBy(), s.id(), r.getError());
      }
    } catch (IOException | SlackApiException | RuntimeException e) {
      log.warn("Telling {} about subscription {} failed: {}", s.createdBy(), s.id(), SafeLog.describe(e));
    }
  }

  private static SlackFailure failure(String method, Exception e) {
    log.warn("{} failed: {}", method, SafeLog.describe(e));
    return new SlackFailure(e instanceof SlackApiException x && x.getResponse().code() == 429
        ? "Slack asked to slow down" : "Slack did not answer", false);
  }

  private static SlackFailure failure(String method, @Nullable String error) {
    log.warn("{} failed: {}", method, error);
    return new SlackFailure(method + ": " + error, error != null && PERMANENT.contains(error));
  }
}
