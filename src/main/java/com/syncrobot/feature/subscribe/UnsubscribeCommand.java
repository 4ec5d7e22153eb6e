package com.syncrobot.feature.subscribe;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import com.syncrobot.feature.digest.ChannelAccess;
import com.syncrobot.notify.Subscription;
import com.syncrobot.notify.SubscriptionStore;
import com.syncrobot.slack.Invocation;
import com.syncrobot.slack.SafeLog;
import com.syncrobot.slack.Subcommand;
import com.syncrobot.slack.blocks.Mrkdwn;
import com.syncrobot.slack.blocks.Replies;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code /syncro unsubscribe ID}: removes a subscription; only its creator or an admin of the bot may. */
final class UnsubscribeCommand implements Subcommand {
  private static final Logger log = LoggerFactory.getLogger(UnsubscribeCommand.class);

  private final SubscriptionStore store;
  private final ChannelAccess access;

  UnsubscribeCommand(SubscriptionStore store, ChannelAccess access) {
    this.store = store;
    this.access = access;
  }

  @Override
  public String name() {
    return "unsubscribe";
  }

  @Override
  public String usage() {
    return "`/syncro unsubscribe ID` – stop a subscription (an ID from `/syncro subscriptions`)";
  }

  @Override
  public Response handle(Invocation call, SlashCommandContext ctx) {
    String w = call.args();
    if (!w.matches("\\d{1,12}") || Long.parseLong(w) == 0) {
      return Replies.ack(ctx, w.isEmpty() ? "Which subscription? Usage: `/syncro unsubscribe ID`, with an ID from "
          + "`/syncro subscriptions`."
          : "`" + Mrkdwn.inCode(w, 40) + "` is not a subscription ID; IDs are the numbers "
              + "`/syncro subscriptions` shows.");
    }
    return Replies.ack(ctx, remove(call.userId(), Long.parseLong(w)));
  }

  private String remove(String userId, long id) {
    String unknown = "There is no subscription with ID " + id + "; `/syncro subscriptions` in its channel (or "
        + "`/syncro subscriptions mine`) shows the IDs.";
    try {
      Optional<Subscription> s = store.find(id);
      if (s.isEmpty()) {
        return unknown;
      }
      Optional<String> refused = access.refusalToManage(userId, s.get().createdBy(), "Subscription *" + id + "*");
      if (refused.isPresent()) {
        log.info("Slack user {} may not remove subscription {} of {}", userId, id, s.get().createdBy());
        return refused.get();
      }
      if (!store.remove(id)) {
        return unknown;
      }
      log.info("Slack user {} removed subscription {}", userId, id);
      return "Unsubscribed <#" + s.get().channelId() + "> from " + SubscriptionWords.describe(s.get().filter())
          + " (ID *" + id + "*). Nothing more is posted for it; its threads stay in the channel.";
    } catch (RuntimeException e) {
      log.error("Removing subscription {} failed: {}", id, SafeLog.describe(e));
      return "The bot could not remove the subscription; the error was logged. Try again, and tell your admin if it "
          + "persists.";
    }
  }
}
