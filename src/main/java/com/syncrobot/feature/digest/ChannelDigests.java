package com.syncrobot.feature.digest;

import com.syncrobot.slack.SafeLog;
import com.syncrobot.slack.blocks.Mrkdwn;
import com.syncrobot.slack.blocks.Reply;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.model.Message;
import com.syncrobot.digest.Delivery;
import com.syncrobot.digest.DigestPublisher;
import com.syncrobot.digest.DigestReader;
import com.syncrobot.digest.DigestSchedule;
import com.syncrobot.digest.DigestSlot;
import com.syncrobot.digest.DigestSnapshot;
import com.syncrobot.store.ConnectedUser;
import com.syncrobot.store.ConnectedUserStore;
import com.syncrobot.syncro.RequestBudget;
import com.syncrobot.syncro.Sleeper;
import com.syncrobot.syncro.SyncroAuthException;
import com.syncrobot.syncro.SyncroClient;
import com.syncrobot.syncro.SyncroException;
import java.io.IOException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds digests from Syncro and posts them in channels: one main message, then the full lists as
 * thread replies, at most one post per second per channel (Slack's chat.postMessage limit). Reads use
 * the token of the technician who created the schedule (R11) at background priority, so interactive
 * commands go first in the shared Syncro budget. When that token is missing or refused, or Syncro does
 * not answer, a short notice goes to the channel instead: a digest never fails silently. Before each
 * scheduled post, Slack's permissions are checked again ({@link ChannelAccess#refusalToPost}): when
 * the channel was since shared with another organization or the creator left it, nothing is posted
 * there and the creator is told in a direct message. A scheduled digest's main message (or its notice)
 * carries Slack message metadata naming the schedule and local date ({@link #EVENT_TYPE}), by which
 * {@link #find} recognises it in the channel's history after its poster died. Thread-safe.
 */
public final class ChannelDigests implements DigestPublisher {
  /** Slack allows about one message per second per channel. */
  static final Duration POST_SPACING = Duration.ofMillis(1100);
  /** The message metadata type of a scheduled digest's main message and of its notice. */
  static final String EVENT_TYPE = "syncro_digest";
  /** A run's message is looked for from this long before its due time: Slack's clock and ours may differ. */
  static final Duration CLOCK_SKEW = Duration.ofMinutes(10);
  /** Messages per conversations.history page; Slack advises no more than 200. */
  static final int HISTORY_PAGE = 200;
  /** 10,000 messages since a digest's time; a busier channel is not read to the end. */
  static final int MAX_HISTORY_PAGES = 50;
  private static final String DIGEST = "digest";
  private static final String NOTICE = "notice";
  private static final Logger log = LoggerFactory.getLogger(ChannelDigests.class);
  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

  private final MethodsClient slack;
  private final ConnectedUserStore users;
  private final SyncroClient syncro;
  private final DigestReader reader;
  private final DigestRenderer renderer;
  private final Sleeper pacer;
  private final ChannelAccess access;

  /** The outcome of building a digest for someone: the messages, or what to tell people instead. */
  sealed interface Built permits Ready, Refused {}

  /** The digest, ready to post. */
  record Ready(DigestMessages messages, int openTickets) implements Built {}

  /** Why there is no digest: {@code why} finishes "…was not posted: " (escaped mrkdwn). */
  record Refused(String why, String log) implements Built {}

  ChannelDigests(MethodsClient slack, ConnectedUserStore users, SyncroClient syncro, DigestReader reader,
      DigestRenderer renderer, Sleeper pacer, ChannelAccess access) {
    this.slack = slack;
    this.users = users;
    this.syncro = syncro;
    this.reader = reader;
    this.renderer = renderer;
    this.pacer = pacer;
    this.access = access;
  }

  @Override
  public Delivery publish(DigestSchedule s, DigestSlot slot, boolean late) {
    // The channel may have been shared with another organization, or the creator may have left it.
    Optional<String> refused = access.refusalToPost(slack, s.createdBy(), s.channelId());
    if (refused.isPresent()) {
      log.info("Digest {} not posted in {}: not allowed there now", s.id(), s.channelId());
      dm(s.createdBy(), "Today's Syncro digest (ID " + s.id() + ") was not posted: " + refused.get() + " If it is no "
          + "longer wanted, remove it with `/syncro digest remove " + s.id() + "`.");
      return Delivery.failed("not allowed in the channel now");
    }
    String lateNote = late ? "sent late: the bot was down at " + HH_MM.format(s.time()) : null;
    Built built = build(s.createdBy(), s.zone(), lateNote);
    if (built instanceof Refused r) {
      String notice = ":warning: Today's Syncro digest (ID " + s.id() + ") was not posted: " + r.why();
      Optional<String> ts = Optional.ofNullable(postMessage(s.channelId(), Reply.of(notice), null,
          metadata(s, slot, NOTICE)).ts());
      if (ts.isEmpty()) {
        dm(s.createdBy(), "I could not post digest " + s.id() + " (or its notice) in <#" + s.channelId() + ">: "
            + r.why() + " Also check that I am in that channel (`/invite` me there).");
      }
      return ts.isPresent() ? Delivery.notice(ts.get(), r.log()) : Delivery.failed(r.log() + "; notice not posted");
    }
    Ready ready = (Ready) built;
    Delivery d = post(s.channelId(), ready, metadata(s, slot, DIGEST));
    if (d.outcome() == Delivery.Outcome.FAILED) {
      dm(s.createdBy(), "I could not post digest " + s.id() + " in <#" + s.channelId() + "> (" + Mrkdwn.escape(
          d.detail()) + "). If it is a private channel, invite me there with `/invite`.");
    }
    return d;
  }

  /**
   * Builds the digest with {@code readerUserId}'s token; dates show in {@code zone}.
   */
  Built build(String readerUserId, ZoneId zone, @Nullable String lateNote) {
    Optional<ConnectedUser> user;
    try {
      user = users.find(readerUserId);
    } catch (RuntimeException e) {
      log.error("Reading the Syncro connection of {} failed: {}", readerUserId, SafeLog.describe(e));
      return new Refused("the bot could not read the Syncro token of <@" + readerUserId + "> from its store; the "
          + "error was logged. <@" + readerUserId + "> can run `/syncro connect` again.", "token unreadable");
    }
    if (user.isEmpty()) {
      return new Refused("<@" + readerUserId + ">, whose Syncro token the digest reads with, has no token connected. "
          + "<@" + readerUserId + "> can run `/syncro connect`, or someone else can set the digest up again with "
          + "`/syncro digest add`.", "no token connected");
    }
    DigestSnapshot snapshot;
    try {
      snapshot = reader.read(syncro.as(user.get().token(), RequestBudget.Priority.BACKGROUND));
    } catch (SyncroAuthException e) {
      log.info("Digest read for {} refused: {}", readerUserId, SafeLog.describe(e));
      return new Refused("Syncro refused the token of <@" + readerUserId + "> (expired, revoked, or missing a "
          + "permission). <@" + readerUserId + "> can run `/syncro connect` to connect a new one.", "token refused");
    } catch (SyncroException e) {
      log.info("Digest read for {} failed: {}", readerUserId, SafeLog.describe(e));
      return new Refused("Syncro did not answer while the digest was being built. It runs again at its next time; "
          + "`/syncro digest now` posts one on demand.", "Syncro unavailable: " + e.getClass().getSimpleName());
    }
    return new Ready(renderer.render(snapshot, zone, lateNote), snapshot.open().size());
  }

  /** Posts a ready digest: the main message, then each thread reply; returns the main message's ts. */
  Delivery post(String channelId, Ready ready) {
    return post(channelId, ready, null);
  }

  /** Posts a ready digest whose main message carries {@code metadata} (a scheduled run's). */
  private Delivery post(String channelId, Ready ready, Message.@Nullable Metadata metadata) {
    DigestMessages m = ready.messages();
    Posted main = postMessage(channelId, m.main(), null, metadata);
    if (main.ts() == null) {
      return Delivery.failed("chat.postMessage: " + main.error());
    }
    int sent = 0;
    for (Reply part : m.thread()) {
      pace();
      Posted p = postMessage(channelId, part, main.ts(), null);
      if (p.ts() == null) {
        // The summary is out; a reply not resent cannot double anything, it is only missing.
        return Delivery.posted(main.ts(), ready.openTickets() + " open tickets; thread reply " + (sent + 1) + " of "
            + m.thread().size() + " failed: " + p.error());
      }
      sent++;
    }
    return Delivery.posted(main.ts(), ready.openTickets() + " open tickets, " + sent + " thread replies");
  }

  private record Posted(@Nullable String ts, String error) {}

  private Posted postMessage(String channelId, Reply reply, @Nullable String threadTs,
      Message.@Nullable Metadata metadata) {
    for (int attempt = 1;; attempt++) {
      try {
        ChatPostMessageResponse r = slack.chatPostMessage(b -> b.channel(channelId).threadTs(threadTs)
            .text(reply.text()).blocks(reply.blocks().isEmpty() ? null : reply.blocks()).unfurlLinks(false)
            .metadata(metadata));
        if (r.isOk()) {
          return new Posted(r.getTs(), "");
        }
        log.warn("chat.postMessage to {} failed: {}", channelId, r.getError());
        return new Posted(null, String.valueOf(r.getError()));
      } catch (SlackApiException e) {
        // 429 means Slack did not take the message: waiting and sending again cannot double it.
        if (e.getResponse().code() == 429 && attempt < 3) {
          pace(retryAfter(e));
          continue;
        }
        log.warn("chat.postMessage to {} failed: HTTP {}", channelId, e.getResponse().code());
        return new Posted(null, "HTTP " + e.getResponse().code());
      } catch (IOException e) {
        // It may have arrived; sending again could post it twice.
        log.warn("chat.postMessage to {} failed: {}", channelId, SafeLog.describe(e));
        return new Posted(null, "no answer from Slack");
      }
    }
  }

  private void dm(String userId, String mrkdwn) {
    postMessage(userId, Reply.of(mrkdwn), null, null);
  }

  /** The metadata naming the run a channel message belongs to: {@code kind} is digest or notice. */
  private static Message.Metadata metadata(DigestSchedule s, DigestSlot slot, String kind) {
    return Message.Metadata.builder().eventType(EVENT_TYPE)
        .eventPayload(Map.of("schedule_id", s.id(), "local_date", slot.date().toString(), "kind", kind)).build();
  }

  /**
   * Reads the channel's history from shortly before the run's due time ({@code conversations.history}
   * with {@code include_all_metadata}) for the bot's message carrying the run's metadata.
   */
  @Override
  public Optional<Delivery> find(DigestSchedule s, DigestSlot slot) throws Unreadable {
    String oldest = Long.toString(slot.dueAt().minus(CLOCK_SKEW).getEpochSecond());
    String cursor = null;
    for (int page = 0; page < MAX_HISTORY_PAGES; page++) {
      String from = cursor;
      ConversationsHistoryResponse r;
      try {
        r = slack.conversationsHistory(b -> b.channel(s.channelId()).oldest(oldest).includeAllMetadata(true)
            .limit(HISTORY_PAGE).cursor(from));
      } catch (IOException | SlackApiException e) {
        throw new Unreadable("conversations.history failed: " + SafeLog.describe(e));
      }
      if (!r.isOk()) {
        throw new Unreadable("conversations.history: " + r.getError() + historyHint(r.getError()));
      }
      for (Message m : r.getMessages() == null ? List.<Message>of() : r.getMessages()) {
        Optional<Delivery> d = runMessage(m, s, slot);
        if (d.isPresent()) {
          return d;
        }
      }
      cursor = r.getResponseMetadata() == null ? null : r.getResponseMetadata().getNextCursor();
      if (!r.isHasMore() || cursor == null || cursor.isBlank()) {
        return Optional.empty();
      }
    }
    throw new Unreadable("more than " + MAX_HISTORY_PAGES * HISTORY_PAGE + " messages since the digest's time");
  }

  private static String historyHint(@Nullable String error) {
    if ("not_in_channel".equals(error) || "channel_not_found".equals(error)) {
      return " (invite the bot to the channel with /invite)";
    }
    if ("missing_scope".equals(error)) {
      return " (the app needs the channels:history and groups:history scopes of manifest.yml; reinstall it)";
    }
    return "";
  }

  /** The delivery {@code m} was, when it is the bot's message of this schedule's run on this date. */
  private static Optional<Delivery> runMessage(Message m, DigestSchedule s, DigestSlot slot) {
    Message.Metadata md = m.getMetadata();
    if (m.getBotId() == null || md == null || !EVENT_TYPE.equals(md.getEventType()) || md.getEventPayload() == null) {
      return Optional.empty();
    }
    Map<String, Object> p = md.getEventPayload();
    Object id = p.get("schedule_id");
    boolean sameId = id instanceof Number n ? n.longValue() == s.id() : String.valueOf(s.id()).equals(id);
    if (!sameId || !slot.date().toString().equals(p.get("local_date"))) {
      return Optional.empty();
    }
    String detail = "found in the channel after the bot process that posted it stopped";
    return Optional.of(NOTICE.equals(p.get("kind")) ? Delivery.notice(m.getTs(), detail)
        : Delivery.posted(m.getTs(), detail));
  }

  private static Duration retryAfter(SlackApiException e) {
    String h = e.getResponse().header("Retry-After");
    try {
      long s = h == null ? 1 : Long.parseLong(h.strip());
      return Duration.ofSeconds(Math.max(1, Math.min(30, s)));
    } catch (NumberFormatException ex) {
      return Duration.ofSeconds(1);
    }
  }

  private void pace() {
    pace(POST_SPACING);
  }

  private void pace(Duration d) {
    try {
      pacer.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
