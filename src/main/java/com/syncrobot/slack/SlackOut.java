package com.syncrobot.slack;

import com.syncrobot.slack.blocks.Mrkdwn;
import com.syncrobot.slack.blocks.Replies;
import com.syncrobot.slack.blocks.Reply;

import com.slack.api.Slack;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatGetPermalinkResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.webhook.WebhookResponse;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the bot's messages outside an ack: to a response_url (replace the preview in place, or an
 * ephemeral note beside it) and by chat.postMessage (a DM when the response_url is gone, the audit
 * channel). Every failure is logged without secrets and reported by the return value. Thread-safe.
 */
public final class SlackOut {
  private static final Logger log = LoggerFactory.getLogger(SlackOut.class);

  /** Slack accepts a response_url five times (within 30 minutes). */
  static final int RESPONSE_URL_USES = 5;

  private final Slack slack;
  private final MethodsClient methods;
  // How often each response_url was used by this process; 30 minutes is the URL's own lifetime. Per process on
  // purpose: a plan's updates come from the one replica that runs it, and should a replica that took a plan
  // over count too few, Slack refuses the extra use and the update goes by DM (PreviewUpdater).
  private final Cache<String, AtomicInteger> uses = Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(30))
      .maximumSize(10_000).build();

  public SlackOut(Slack slack, String botToken) {
    this.slack = Objects.requireNonNull(slack, "slack == null");
    this.methods = slack.methods(Objects.requireNonNull(botToken, "botToken == null"));
  }

  public MethodsClient methods() {
    return methods;
  }

  /** Replaces the message that holds {@code responseUrl}'s buttons; false when Slack refused it. */
  public boolean replace(@Nullable String responseUrl, Reply reply) {
    if (responseUrl == null) {
      return false;
    }
    return send(responseUrl, ActionResponse.builder()
        .replaceOriginal(true)
        .text(reply.text())
        .blocks(reply.blocks().isEmpty() ? null : reply.blocks())
        .build());
  }

  /** Posts a separate ephemeral message for the clicker, leaving the original untouched. */
  public boolean ephemeral(String responseUrl, Reply reply) {
    return send(responseUrl, ActionResponse.builder()
        .responseType("ephemeral")
        .replaceOriginal(false)
        .text(reply.text())
        .blocks(reply.blocks().isEmpty() ? null : reply.blocks())
        .build());
  }

  /** Returns how many more times this process may use {@code responseUrl}. */
  public int usesLeft(@Nullable String responseUrl) {
    if (responseUrl == null) {
      return 0;
    }
    AtomicInteger used = uses.getIfPresent(responseUrl);
    return RESPONSE_URL_USES - (used == null ? 0 : used.get());
  }

  private boolean send(String responseUrl, ActionResponse body) {
    uses.get(responseUrl, u -> new AtomicInteger()).incrementAndGet();
    try {
      WebhookResponse r = slack.send(responseUrl, Replies.JSON.toJson(body));
      if (r.getCode() == null || r.getCode() != 200) {
        log.warn("response_url refused the message: HTTP {} {}", r.getCode(),
            Mrkdwn.truncate(String.valueOf(r.getBody()), 200));
        return false;
      }
      return true;
    } catch (IOException | RuntimeException e) {
      log.warn("Could not post to response_url: {}", SafeLog.describe(e));
      return false;
    }
  }

  /** Posts {@code reply} in the thread {@code threadTs} of {@code channel}; false when Slack refused it. */
  public boolean postInThread(String channel, String threadTs, Reply reply) {
    try {
      ChatPostMessageResponse r = methods.chatPostMessage(b -> b.channel(channel).threadTs(threadTs)
          .text(reply.text()).blocks(reply.blocks().isEmpty() ? null : reply.blocks()));
      if (!r.isOk()) {
        log.warn("chat.postMessage in a thread of {} failed: {}", channel, r.getError());
        return false;
      }
      return true;
    } catch (IOException | SlackApiException | RuntimeException e) {
      log.warn("chat.postMessage in a thread of {} failed: {}", channel, SafeLog.describe(e));
      return false;
    }
  }

  /** Returns the message's permalink from chat.getPermalink, or null when Slack gives none. */
  public @Nullable String permalink(String channel, String messageTs) {
    try {
      ChatGetPermalinkResponse r = methods.chatGetPermalink(b -> b.channel(channel).messageTs(messageTs));
      if (!r.isOk() || r.getPermalink() == null) {
        log.warn("chat.getPermalink in {} failed: {}", channel, r.getError());
        return null;
      }
      return r.getPermalink();
    } catch (IOException | SlackApiException | RuntimeException e) {
      log.warn("chat.getPermalink in {} failed: {}", channel, SafeLog.describe(e));
      return null;
    }
  }

  /** Posts {@code reply} to {@code channel} (a user id lands in the app's DM with that user). */
  public boolean post(String channel, Reply reply) {
    try {
      ChatPostMessageResponse r = methods.chatPostMessage(b -> b.channel(channel).text(reply.text())
          .blocks(reply.blocks().isEmpty() ? null : reply.blocks()));
      if (!r.isOk()) {
        log.warn("chat.postMessage to {} failed: {}", channel, r.getError());
        return false;
      }
      return true;
    } catch (IOException | SlackApiException | RuntimeException e) {
      log.warn("chat.postMessage to {} failed: {}", channel, SafeLog.describe(e));
      return false;
    }
  }
}
