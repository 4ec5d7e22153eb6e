package com.syncrobot.feature.subscribe;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import com.syncrobot.feature.comment.AccountSettings;
import com.syncrobot.feature.digest.ChannelAccess;
import com.syncrobot.notify.SubscriptionFilter;
import com.syncrobot.notify.SubscriptionStore;
import com.syncrobot.slack.Asker;
import com.syncrobot.slack.Invocation;
import com.syncrobot.slack.SafeLog;
import com.syncrobot.slack.Subcommand;
import com.syncrobot.slack.UserMessages;
import com.syncrobot.slack.QueuedNotice;
import com.syncrobot.slack.WorkQueue;
import com.syncrobot.slack.blocks.Mrkdwn;
import com.syncrobot.slack.blocks.Replies;
import com.syncrobot.slack.blocks.Reply;
import com.syncrobot.store.ConnectedUserStore;
import com.syncrobot.syncro.Customer;
import com.syncrobot.syncro.SyncroApi;
import com.syncrobot.syncro.SyncroClient;
import com.syncrobot.syncro.SyncroException;
import com.syncrobot.syncro.TicketSettings;
import java.util.List;
import java.util.Locale;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /syncro subscribe [here|#channel] [customer NAME] [status S…] [priority P…] [events …]}: subscribes a
 * channel to ticket changes matching a filter, read with the asker's token. The asker must be connected and
 * allowed to post Syncro data in the channel ({@link ChannelAccess}, as for digests), and the bot must be in
 * it. The customer is looked up in Syncro (one match), statuses and priorities checked against the account's.
 * Every bad input gets a sentence and stores nothing; the same filter twice in one channel is stored once.
 */
final class SubscribeCommand implements Subcommand {
  private static final Logger log = LoggerFactory.getLogger(SubscribeCommand.class);
  /** Candidates named when several customers match. */
  static final int MAX_CANDIDATES = 8;

  private final SubscriptionStore store;
  private final ConnectedUserStore users;
  private final SyncroClient syncro;
  private final AccountSettings settings;
  private final ChannelAccess access;
  private final WorkQueue work;

  SubscribeCommand(SubscriptionStore store, ConnectedUserStore users, SyncroClient syncro, AccountSettings settings,
      ChannelAccess access, WorkQueue work) {
    this.store = store;
    this.users = users;
    this.syncro = syncro;
    this.settings = settings;
    this.access = access;
    this.work = work;
  }

  @Override
  public String name() {
    return "subscribe";
  }

  @Override
  public String usage() {
    return SubscribeArgs.USAGE + " – post new tickets and changes matching the filter in a channel, one thread per "
        + "ticket; also `/syncro subscriptions`, `/syncro unsubscribe ID`";
  }

  @Override
  public Response handle(Invocation call, SlashCommandContext ctx) {
    SubscribeArgs.Parsed parsed = SubscribeArgs.parse(call.args());
    if (parsed instanceof SubscribeArgs.Problem p) {
      return Replies.ack(ctx, "Nothing was subscribed: " + p.message());
    }
    SubscribeArgs.Request request = (SubscribeArgs.Request) parsed;
    Asker asker = Asker.find(users, call.userId());
    if (asker.refusal() != null) {
      return Replies.ack(ctx, asker.refusal());
    }
    String channel = request.channelId() == null ? ctx.getChannelId() : request.channelId();
    MethodsClient slack = ctx.client();
    SyncroApi api = syncro.as(asker.user().token());
    Optional<Duration> wait = work.heldBack();
    Optional<String> refused = work.submitSyncro("subscribe", wait.orElse(null),
        () -> Replies.respond(ctx, Reply.of(subscribe(slack, api, call.userId(), request, channel))));
    if (refused.isPresent()) {
      return Replies.ack(ctx, refused.get());
    }
    return wait.isPresent() ? Replies.ack(ctx, work.notice(wait.get(), QueuedNotice.Awaited.ANSWER)) : ctx.ack();
  }

  private String subscribe(MethodsClient slack, SyncroApi api, String userId, SubscribeArgs.Request r,
      String channel) {
    Optional<ChannelAccess.Refusal> refused = access.postRefusal(slack, userId, channel, "a subscription", true);
    if (refused.isPresent()) {
      log.info("Slack user {} may not subscribe {}", userId, channel);
      return "Nothing was subscribed: " + refused.get().why();
    }
    SubscriptionFilter filter;
    try {
      Object f = filter(api, r);
      if (f instanceof String problem) {
        return "Nothing was subscribed: " + problem;
      }
      filter = (SubscriptionFilter) f;
    } catch (SyncroException e) {
      log.info("subscribe for {} failed: {}", userId, SafeLog.describe(e));
      return "Nothing was subscribed: " + UserMessages.forSyncro(e, "Syncro did not find what the filter names.");
    }
    SubscriptionStore.Added added;
    try {
      added = store.add(channel, userId, filter);
    } catch (RuntimeException e) {
      log.error("Storing a subscription for {} failed: {}", userId, SafeLog.describe(e));
      return "The bot could not store the subscription; the error was logged. Try again, and tell your admin if it "
          + "persists.";
    }
    long id = added.subscription().id();
    String what = SubscriptionWords.describe(filter);
    if (!added.created()) {
      return "<#" + channel + "> is already subscribed to " + what + " (ID *" + id + "*, "
          + SubscriptionWords.whose(added.subscription(), userId) + "), so nothing was added. `/syncro "
          + "subscriptions` in <#" + channel + "> lists its subscriptions.";
    }
    log.info("Slack user {} subscribed {} (subscription {})", userId, channel, id);
    return "Subscribed <#" + channel + "> to " + what + ", read with your Syncro access. Posts: one thread per "
        + "ticket. ID *" + id + "*: `/syncro unsubscribe " + id + "` stops it.";
  }

  /** The filter the request names, resolved in Syncro; or a sentence saying what is wrong. */
  private Object filter(SyncroApi api, SubscribeArgs.Request r) {
    Long customerId = null;
    String customerName = null;
    if (r.customer() != null) {
      Object c = customer(api, r.customer());
      if (c instanceof String problem) {
        return problem;
      }
      customerId = ((Customer) c).id().value();
      customerName = ((Customer) c).displayName();
    }
    Set<String> statuses = Set.of();
    Set<String> priorities = Set.of();
    if (!r.statuses().isEmpty() || !r.priorities().isEmpty()) {
      TicketSettings ts = settings.get(api);
      Object s = SubscribeArgs.names(r.statuses(), ts.statuses(), "status");
      if (s instanceof SubscribeArgs.Problem p) {
        return p.message();
      }
      Object p = SubscribeArgs.names(r.priorities(), AccountSettings.priorities(ts), "priority");
      if (p instanceof SubscribeArgs.Problem pp) {
        return pp.message();
      }
      statuses = Set.copyOf(names(s));
      priorities = Set.copyOf(names(p));
    }
    return new SubscriptionFilter(customerId, customerName, statuses, priorities, r.events());
  }

  @SuppressWarnings("unchecked")
  private static List<String> names(Object o) {
    return (List<String>) o;
  }

  /** The one customer {@code typed} names (its exact name, or the only match); else a sentence. */
  private static Object customer(SyncroApi api, String typed) {
    List<Customer> found = api.searchCustomers(typed);
    String quoted = "“" + Mrkdwn.escapeAndTruncate(typed, 80) + "”";
    String wanted = typed.strip().toLowerCase(Locale.ROOT);
    List<Customer> exact = found.stream()
        .filter(c -> c.displayName().strip().toLowerCase(Locale.ROOT).equals(wanted)).toList();
    @Nullable Customer only = exact.size() == 1 ? exact.get(0) : exact.isEmpty() && found.size() == 1
        ? found.get(0) : null;
    if (only != null) {
      return only;
    }
    if (found.isEmpty()) {
      return "there is no customer named " + quoted + " in Syncro. Check the spelling, e.g. with `/syncro customers "
          + Mrkdwn.inCode(typed, 60) + "`.";
    }
    List<Customer> candidates = exact.isEmpty() ? found : exact;
    String names = candidates.stream().limit(MAX_CANDIDATES).map(c -> Mrkdwn.escape(c.displayName()))
        .collect(Collectors.joining(", "));
    int more = candidates.size() - MAX_CANDIDATES;
    return candidates.size() + " customers match " + quoted + ": " + names + (more > 0 ? " and " + more + " more" : "")
        + ". Give the full name in quotes, e.g. `customer \"" + Mrkdwn.inCode(candidates.get(0).displayName(), 80)
        + "\"`.";
  }
}
