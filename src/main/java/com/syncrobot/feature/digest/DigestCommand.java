package com.syncrobot.feature.digest;

import com.syncrobot.feature.tickets.TicketLines;
import com.syncrobot.slack.Asker;
import com.syncrobot.slack.Invocation;
import com.syncrobot.slack.SafeLog;
import com.syncrobot.slack.Subcommand;
import com.syncrobot.slack.UserMessages;
import com.syncrobot.slack.UserZones;
import com.syncrobot.slack.WorkQueue;
import com.syncrobot.slack.blocks.Mrkdwn;
import com.syncrobot.slack.blocks.Replies;
import com.syncrobot.slack.blocks.Reply;
import com.syncrobot.slack.blocks.SectionPacker;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.block.LayoutBlock;
import com.syncrobot.digest.Delivery;
import com.syncrobot.digest.DigestRun;
import com.syncrobot.digest.DigestSchedule;
import com.syncrobot.digest.DigestSlot;
import com.syncrobot.digest.DigestStore;
import com.syncrobot.store.ConnectedUserStore;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /syncro digest add|list|remove|now}: manages scheduled channel digests and posts one on
 * demand. Adding needs a connected token, because the digest's reads use it (R11); the asker's Slack
 * time zone is the default. Slack's permissions hold ({@link ChannelAccess}): only the creator or an
 * admin removes a digest, add and now need the asker to be in the channel, and list shows the digests
 * of the asker's channels. Slow work (Slack look-ups, Syncro) runs off Slack's thread and answers
 * through response_url; {@code digest now} runs on the slow queue, one at a time per technician.
 */
public final class DigestCommand implements Subcommand {
  private static final Logger log = LoggerFactory.getLogger(DigestCommand.class);
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm zzz", Locale.ENGLISH);
  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

  private final DigestStore store;
  private final ConnectedUserStore users;
  private final ChannelDigests digests;
  private final UserZones zones;
  private final WorkQueue work;
  private final WorkQueue slow;
  private final Clock clock;
  private final ChannelAccess access;
  /**
   * Slack user id → the channel of the digest being made for them now. Per process: it only spares this
   * replica's slow queue a second identical request; with several replicas two could each make one, as two
   * requests a minute apart do anyway.
   */
  private final ConcurrentMap<String, String> making = new ConcurrentHashMap<>();

  DigestCommand(DigestStore store, ConnectedUserStore users, ChannelDigests digests, UserZones zones, WorkQueue work,
      WorkQueue slow, Clock clock, ChannelAccess access) {
    this.store = store;
    this.users = users;
    this.digests = digests;
    this.zones = zones;
    this.work = work;
    this.slow = slow;
    this.clock = clock;
    this.access = access;
  }

  @Override
  public String name() {
    return "digest";
  }

  @Override
  public String usage() {
    return DigestArgs.ADD_USAGE + " – a daily open-ticket digest in a channel (your Slack time zone unless given); "
        + "also `/syncro digest list`, `/syncro digest remove ID`, `/syncro digest now [C0123ABCD]`";
  }

  @Override
  public Response handle(Invocation call, SlashCommandContext ctx) {
    DigestArgs.Request request = DigestArgs.parse(call.args());
    if (request instanceof DigestArgs.Problem p) {
      return Replies.ack(ctx, p.message());
    }
    if (request instanceof DigestArgs.ListAll) {
      MethodsClient slack = ctx.client();
      boolean queued = work.submit("digest list", () -> Replies.respond(ctx, list(slack, call.userId())));
      return queued ? ctx.ack() : Replies.ack(ctx, UserMessages.BUSY);
    }
    if (request instanceof DigestArgs.Remove r) {
      return Replies.ack(ctx, remove(call.userId(), r.id()));
    }
    Asker asker = Asker.find(users, call.userId());
    if (asker.refusal() != null) {
      return Replies.ack(ctx, asker.refusal());
    }
    String here = ctx.getChannelId();
    MethodsClient slack = ctx.client();
    boolean queued;
    if (request instanceof DigestArgs.Add a) {
      queued = work.submit("digest add", () -> Replies.respond(ctx, Reply.of(add(slack, call.userId(), a, here))));
    } else {
      DigestArgs.Now n = (DigestArgs.Now) request;
      String channel = (n.channel() == null ? DigestArgs.Channel.HERE : n.channel()).resolve(here);
      String userId = call.userId();
      String earlier = making.putIfAbsent(userId, channel);
      if (earlier != null) {
        return Replies.ack(ctx, "Your digest for <#" + earlier + "> is still being made; it appears there when it"
            + " is ready. Run `/syncro digest now` again after that.");
      }
      queued = slow.submit("digest now", () -> {
        String made;
        try {
          made = now(slack, userId, channel);
        } finally {
          // Made (or failed) before the technician reads so: a `digest now` right after the answer is a new one.
          making.remove(userId);
        }
        Replies.respond(ctx, Reply.of(made));
      });
      if (!queued) {
        making.remove(userId);
      }
    }
    return queued ? ctx.ack() : Replies.ack(ctx, UserMessages.BUSY);
  }

  private String add(MethodsClient slack, String userId, DigestArgs.Add a, String here) {
    String channel = a.channel().resolve(here);
    Optional<String> refused = access.refusalToPost(slack, userId, channel);
    if (refused.isPresent()) {
      log.info("Slack user {} may not schedule a digest in {}", userId, channel);
      return "No digest was scheduled: " + refused.get();
    }
    ZoneId zone = a.zone();
    if (zone == null) {
      Optional<ZoneId> fromSlack = zones.zoneOf(slack, userId);
      if (fromSlack.isEmpty()) {
        return "I could not read your time zone from Slack. Add it at the end, e.g. `/syncro digest add here "
            + HH_MM.format(a.time()) + " " + a.days().word() + " Europe/Berlin`.";
      }
      zone = fromSlack.get();
    }
    DigestSchedule s;
    try {
      s = store.add(channel, a.time(), a.days(), zone, userId);
    } catch (RuntimeException e) {
      log.error("Storing a digest for {} failed: {}", userId, SafeLog.describe(e));
      return "The bot could not store the digest; the error was logged. Try again, and tell your admin if it persists.";
    }
    log.info("Slack user {} scheduled digest {} in {} at {} {} {}", userId, s.id(), channel, s.time(), s.days(), zone);
    return "Scheduled digest *" + s.id() + "*: " + describe(s) + ". Next: " + next(s) + ". It reads Syncro with your "
        + "token. For a private channel, invite me there (`/invite`).";
  }

  private String now(MethodsClient slack, String userId, String channel) {
    Optional<String> refused = access.refusalToPost(slack, userId, channel);
    if (refused.isPresent()) {
      log.info("Slack user {} may not post a digest in {}", userId, channel);
      return "No digest was posted: " + refused.get();
    }
    ZoneId zone = zones.zoneOf(slack, userId).orElse(ZoneOffset.UTC);
    ChannelDigests.Built built = digests.build(userId, zone, null);
    if (built instanceof ChannelDigests.Refused r) {
      return "No digest was posted: " + r.why();
    }
    Delivery d = digests.post(channel, (ChannelDigests.Ready) built);
    if (d.outcome() != Delivery.Outcome.POSTED) {
      return "I could not post the digest in <#" + channel + "> (" + Mrkdwn.escape(d.detail()) + "). If it is a "
          + "private channel, invite me there with `/invite`.";
    }
    return "Posted the digest in <#" + channel + ">.";
  }

  /**
   * The digests {@code userId} may see: those in channels they are a member of and those they set up;
   * an admin sees every one.
   */
  private Reply list(MethodsClient slack, String userId) {
    List<DigestSchedule> all;
    try {
      all = store.list();
    } catch (RuntimeException e) {
      log.error("Listing digests failed: {}", SafeLog.describe(e));
      return Reply.of("The bot could not read its digests; the error was logged.");
    }
    if (all.isEmpty()) {
      return Reply.of("No digests scheduled. Add one: " + DigestArgs.ADD_USAGE);
    }
    boolean admin = access.isAdmin(userId);
    Map<String, ChannelAccess.Answer> membership = new HashMap<>();
    List<DigestSchedule> shown = new ArrayList<>();
    for (DigestSchedule s : all) {
      if (admin || s.createdBy().equals(userId) || membership.computeIfAbsent(s.channelId(),
          c -> access.membership(slack, userId, c)) == ChannelAccess.Membership.MEMBER) {
        shown.add(s);
      }
    }
    long unchecked = membership.values().stream().filter(a -> a instanceof ChannelAccess.Failed).count();
    int hidden = all.size() - shown.size();
    String notes = (hidden == 1 ? " 1 more, in a channel you are not in, is not shown." : hidden > 1 ? " " + hidden
        + " more, in channels you are not in, are not shown." : "")
        + (unchecked > 0 ? " I could not check " + unchecked + (unchecked == 1
            ? " channel" : " channels") + " with Slack; try again in a minute." : "");
    if (shown.isEmpty()) {
      return Reply.of("No digests in the channels you are in." + notes + " Add one: " + DigestArgs.ADD_USAGE);
    }
    List<String> lines = new ArrayList<>();
    for (DigestSchedule s : shown) {
      lines.add("• *" + s.id() + "*  " + describe(s) + ", set up by <@" + s.createdBy() + ">; next " + next(s)
          + store.lastRun(s.id()).map(DigestCommand::last).orElse(""));
    }
    String heading = "*" + shown.size() + (shown.size() == 1 ? " digest" : " digests") + "*"
        + (admin ? " (all of them: you are an admin of the bot)" : " in your channels") + "; remove one with "
        + "`/syncro digest remove ID`." + notes;
    SectionPacker.Packed packed = new SectionPacker(Reply.MAX_BLOCKS - 2, Reply.MAX_SECTION_CHARS, 12_000).pack(lines);
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(Reply.section(heading));
    blocks.addAll(packed.blocks());
    if (packed.omitted() > 0) {
      blocks.add(TicketLines.moreNote(packed.omitted(), ""));
    }
    return new Reply(heading, blocks);
  }

  private String remove(String userId, long id) {
    try {
      Optional<DigestSchedule> s = store.find(id);
      if (s.isEmpty()) {
        return "There is no digest with ID " + id + "; see `/syncro digest list`.";
      }
      Optional<String> refused = access.refusalToManage(userId, s.get());
      if (refused.isPresent()) {
        log.info("Slack user {} may not remove digest {} of {}", userId, id, s.get().createdBy());
        return refused.get();
      }
      if (!store.remove(id)) {
        return "There is no digest with ID " + id + "; see `/syncro digest list`.";
      }
      log.info("Slack user {} removed digest {}", userId, id);
      return "Removed digest *" + id + "* (" + describe(s.get()) + ").";
    } catch (RuntimeException e) {
      log.error("Removing digest {} failed: {}", id, SafeLog.describe(e));
      return "The bot could not remove the digest; the error was logged.";
    }
  }

  private static String last(DigestRun r) {
    String outcome = r.outcome() == null ? "in progress or interrupted" : r.outcome().name().toLowerCase(Locale.ROOT);
    return "; last " + r.date() + " (" + outcome + ")";
  }

  private static String describe(DigestSchedule s) {
    return "<#" + s.channelId() + "> at " + HH_MM.format(s.time()) + " " + s.days().word() + " ("
        + Mrkdwn.escape(s.zone().getId()) + ")";
  }

  private String next(DigestSchedule s) {
    DigestSlot next = s.nextSlot(clock.instant());
    return WHEN.format(next.dueAt().atZone(s.zone()));
  }
}
