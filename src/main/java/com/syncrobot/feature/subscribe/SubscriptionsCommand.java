package com.syncrobot.feature.subscribe;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.block.LayoutBlock;
import com.syncrobot.feature.digest.ChannelAccess;
import com.syncrobot.feature.tickets.TicketLines;
import com.syncrobot.notify.NotifyStatus;
import com.syncrobot.notify.Subscription;
import com.syncrobot.notify.SubscriptionStore;
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
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /syncro subscriptions [mine|all]}: the subscriptions of the channel it is typed in (in a direct
 * message, or with {@code mine}: those the asker set up; {@code all}: every one, for an admin of the bot). Each
 * line says what it filters, whose Syncro access reads it, its id and how current it is.
 */
final class SubscriptionsCommand implements Subcommand {
  private static final Logger log = LoggerFactory.getLogger(SubscriptionsCommand.class);

  private final SubscriptionStore store;
  private final ChannelAccess access;
  private final Function<String, Optional<NotifyStatus>> status;
  private final UserZones zones;
  private final WorkQueue work;
  private final Clock clock;

  SubscriptionsCommand(SubscriptionStore store, ChannelAccess access, Function<String, Optional<NotifyStatus>> status,
      UserZones zones, WorkQueue work, Clock clock) {
    this.store = store;
    this.access = access;
    this.status = status;
    this.zones = zones;
    this.work = work;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "subscriptions";
  }

  @Override
  public String usage() {
    return "`/syncro subscriptions [mine|all]` – this channel's subscriptions (or yours, or every one for an admin), "
        + "with whose access reads each and how current it is";
  }

  @Override
  public Response handle(Invocation call, SlashCommandContext ctx) {
    String scope = call.args().toLowerCase(Locale.ROOT);
    if (!scope.isEmpty() && !scope.equals("mine") && !scope.equals("all")) {
      return Replies.ack(ctx, "`/syncro subscriptions` takes nothing, `mine` or `all`; `" + Mrkdwn.inCode(call.args(),
          40) + "` is none of them.");
    }
    if (scope.equals("all") && !access.isAdmin(call.userId())) {
      return Replies.ack(ctx, "Only an admin of the bot sees every subscription. `/syncro subscriptions` lists this "
          + "channel's, `/syncro subscriptions mine` the ones you set up.");
    }
    String here = ctx.getChannelId();
    MethodsClient slack = ctx.client();
    boolean queued = work.submit("subscriptions", () -> Replies.respond(ctx, list(slack, call.userId(),
        scope.isEmpty() && here.startsWith("D") ? "mine" : scope, here)));
    return queued ? ctx.ack() : Replies.ack(ctx, UserMessages.BUSY);
  }

  private Reply list(MethodsClient slack, String userId, String scope, String here) {
    List<Subscription> shown;
    List<Subscription> all;
    try {
      all = store.active();
    } catch (RuntimeException e) {
      log.error("Listing subscriptions failed: {}", SafeLog.describe(e));
      return Reply.of("The bot could not read its subscriptions; the error was logged.");
    }
    long mine = all.stream().filter(s -> s.createdBy().equals(userId)).count();
    String heading;
    switch (scope) {
      case "all" -> {
        shown = all;
        heading = "*" + count(shown.size()) + "* (all of them: you are an admin of the bot)";
      }
      case "mine" -> {
        shown = all.stream().filter(s -> s.createdBy().equals(userId)).toList();
        heading = "*" + count(shown.size()) + "* set up by you";
      }
      default -> {
        shown = all.stream().filter(s -> s.channelId().equals(here)).toList();
        heading = "*" + count(shown.size()) + "* in <#" + here + ">";
      }
    }
    String more = scope.isEmpty() && mine > shown.stream().filter(s -> s.createdBy().equals(userId)).count()
        ? " You set up more elsewhere: `/syncro subscriptions mine`." : "";
    if (shown.isEmpty()) {
      return Reply.of("No subscriptions" + (scope.equals("mine") ? " set up by you" : scope.isEmpty() ? " in <#" + here
          + ">" : "") + "." + more + " Add one: " + SubscribeArgs.USAGE);
    }
    ZoneId zone = zones.zoneOf(slack, userId).orElse(null);
    Instant now = clock.instant();
    List<String> lines = new ArrayList<>();
    for (Subscription s : shown) {
      lines.add("• *" + s.id() + "*  " + (scope.isEmpty() ? "" : "<#" + s.channelId() + ">: ")
          + SubscriptionWords.describe(s.filter()) + "; " + SubscriptionWords.whose(s, userId) + "; "
          + SubscriptionWords.freshness(freshness(s), now, zone));
    }
    heading += "; remove one with `/syncro unsubscribe ID`." + more;
    SectionPacker.Packed packed = new SectionPacker(Reply.MAX_BLOCKS - 2, Reply.MAX_SECTION_CHARS, 12_000).pack(lines);
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(Reply.section(heading));
    blocks.addAll(packed.blocks());
    if (packed.omitted() > 0) {
      blocks.add(TicketLines.moreNote(packed.omitted(), ""));
    }
    return new Reply(heading, blocks);
  }

  private Optional<NotifyStatus> freshness(Subscription s) {
    try {
      return status.apply(s.createdBy());
    } catch (RuntimeException e) {
      log.warn("Reading how current subscription {} is failed: {}", s.id(), SafeLog.describe(e));
      return Optional.empty();
    }
  }

  private static String count(int n) {
    return n + (n == 1 ? " subscription" : " subscriptions");
  }
}
