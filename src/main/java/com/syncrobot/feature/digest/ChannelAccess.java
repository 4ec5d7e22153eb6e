package com.syncrobot.feature.digest;

import com.syncrobot.slack.SafeLog;
import com.syncrobot.slack.blocks.Mrkdwn;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.conversations.ConversationsInfoResponse;
import com.slack.api.methods.response.conversations.ConversationsMembersResponse;
import com.slack.api.model.Conversation;
import com.syncrobot.digest.DigestSchedule;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Digests and link previews follow Slack's own permissions. A digest is managed by whoever set it up
 * or by an admin ({@code SYNCRO_BOT_ADMINS}); it is posted only in a channel the asker is a member of;
 * and no Syncro data goes into a channel shared with another organization (Slack Connect) unless
 * {@code SYNCRO_BOT_ALLOW_SHARED_CHANNELS} allows it. Slack is asked each time ({@code
 * conversations.info}, {@code conversations.members} page by page): nothing is cached, so someone who
 * left a channel loses access at once. When Slack cannot answer, the answer is no. Each refusal is a
 * sentence (escaped mrkdwn) that fits after "No digest was posted: ". Thread-safe.
 */
public final class ChannelAccess {
  /** Members per conversations.members page: Slack allows up to 1000 and advises no more than 200. */
  static final int MEMBERS_PAGE = 200;
  /** 40,000 members; a bigger channel is not read to the end, and the answer is "could not check". */
  static final int MAX_MEMBER_PAGES = 200;
  private static final Logger log = LoggerFactory.getLogger(ChannelAccess.class);

  private final Set<String> admins;
  private final boolean allowShared;

  public ChannelAccess(Set<String> admins, boolean allowShared) {
    this.admins = Set.copyOf(admins);
    this.allowShared = allowShared;
  }

  public boolean sharedChannelsAllowed() {
    return allowShared;
  }

  public boolean isAdmin(String userId) {
    return admins.contains(userId);
  }

  /** Returns why {@code userId} may not remove (or change) {@code s}, a whole sentence; empty when they may. */
  Optional<String> refusalToManage(String userId, DigestSchedule s) {
    return refusalToManage(userId, s.createdBy(), "Digest *" + s.id() + "*");
  }

  /**
   * Returns why {@code userId} may not remove (or change) {@code thing} (e.g. "Subscription *3*") that {@code
   * createdBy} set up, a whole sentence naming whom to ask; empty when they may (the creator or an admin).
   */
  public Optional<String> refusalToManage(String userId, String createdBy, String thing) {
    if (userId.equals(createdBy) || isAdmin(userId)) {
      return Optional.empty();
    }
    String ask = admins.isEmpty()
        ? "Ask <@" + createdBy + "> to do it."
        : "Ask <@" + createdBy + "> or an admin of the bot ("
            + admins.stream().sorted().map(a -> "<@" + a + ">").collect(Collectors.joining(", ")) + ") to do it.";
    return Optional.of(thing + " was set up by <@" + createdBy + ">, and only they or an admin of "
        + "the bot can change or remove it. " + ask);
  }

  /**
   * Returns why a digest read with {@code userId}'s token may not be posted in {@code channelId}: the
   * channel is not visible to the bot, is archived, is someone else's direct message, is shared with
   * another organization (unless allowed), or {@code userId} is not a member. Empty when it may.
   */
  Optional<String> refusalToPost(MethodsClient slack, String userId, String channelId) {
    return postRefusal(slack, userId, channelId, "a digest", false).map(Refusal::why);
  }

  /** Why something may not be posted: {@code why} in words; {@code unchecked} when Slack could not say. */
  public record Refusal(String why, boolean unchecked) {}

  /**
   * Returns why {@code what} (e.g. "a digest"), read with {@code userId}'s token, may not be posted in
   * {@code channelId}, as {@link #refusalToPost(MethodsClient, String, String)} does; with {@code botMustBeIn},
   * also when the bot is not a member of the channel (it then cannot read its own posts there).
   */
  public Optional<Refusal> postRefusal(MethodsClient slack, String userId, String channelId, String what,
      boolean botMustBeIn) {
    Lookup lookup = lookup(slack, channelId);
    if (lookup instanceof Missing) {
      return refused(channelId.startsWith("D")
          ? "I cannot post in a direct message between other people. Use a channel you are in, or your own direct "
              + "messages with me."
          : "I cannot see <#" + channelId + ">: it is a private channel I have not been invited to, or it no longer "
              + "exists. Invite me there with `/invite`, then try again.");
    }
    if (lookup instanceof Failed f) {
      return Optional.of(new Refusal(couldNotCheck(channelId, f.error()), true));
    }
    Conversation c = ((Found) lookup).channel();
    if (c.isIm()) {
      return userId.equals(c.getUser()) ? Optional.empty() : refused("<#" + channelId + "> is my direct message "
          + "with someone else. Use a channel you are in, or your own direct messages with me.");
    }
    if (c.isArchived()) {
      return refused("<#" + channelId + "> is archived. Use a channel that is still in use.");
    }
    Optional<String> shared = sharedRefusal(channelId, c);
    if (shared.isPresent()) {
      return refused(shared.get());
    }
    if (botMustBeIn && !c.isMember()) {
      return refused("I am not a member of <#" + channelId + ">, so I could not find my own posts there. Invite me "
          + "with `/invite @syncro` in <#" + channelId + ">, then try again.");
    }
    Answer m = membership(slack, userId, channelId);
    if (m instanceof Failed f) {
      return Optional.of(new Refusal(couldNotCheck(channelId, f.error()), true));
    }
    if (m == Membership.NOT_MEMBER) {
      return refused("you are not a member of <#" + channelId + ">, and " + what + " there would show its members "
          + "Syncro data read with your token. Join <#" + channelId + "> first, or ask one of its members to do it.");
    }
    return Optional.empty();
  }

  private static Optional<Refusal> refused(String why) {
    return Optional.of(new Refusal(why, false));
  }

  /**
   * Returns why Syncro data may not be previewed in {@code channelId}: it is shared with another
   * organization and that is not allowed, or Slack could not say. The poster's membership is not asked:
   * Slack let them post there. Empty when it may; no Slack call when shared channels are allowed.
   */
  public Optional<String> refusalToPreview(MethodsClient slack, String channelId) {
    if (allowShared) {
      return Optional.empty();
    }
    Lookup lookup = lookup(slack, channelId);
    if (lookup instanceof Found f) {
      return sharedRefusal(channelId, f.channel());
    }
    return Optional.of(lookup instanceof Failed f ? couldNotCheck(channelId, f.error())
        : "I cannot see <#" + channelId + ">, so I cannot tell whether it is shared with another organization.");
  }

  /** Whether {@code userId} is a member of {@code channelId}; NOT_MEMBER also when the bot cannot see it. */
  public Answer membership(MethodsClient slack, String userId, String channelId) {
    String cursor = null;
    for (int page = 0; page < MAX_MEMBER_PAGES; page++) {
      String from = cursor;
      ConversationsMembersResponse r;
      try {
        r = slack.conversationsMembers(b -> b.channel(channelId).limit(MEMBERS_PAGE).cursor(from));
      } catch (IOException | SlackApiException e) {
        log.warn("conversations.members for {} failed: {}", channelId, SafeLog.describe(e));
        return new Failed(e instanceof SlackApiException s && s.getResponse().code() == 429 ? "ratelimited"
            : "no answer");
      }
      if (!r.isOk()) {
        if ("channel_not_found".equals(r.getError())) {
          return Membership.NOT_MEMBER;
        }
        log.warn("conversations.members for {} failed: {}", channelId, r.getError());
        return new Failed(String.valueOf(r.getError()));
      }
      if (r.getMembers() != null && r.getMembers().contains(userId)) {
        return Membership.MEMBER;
      }
      cursor = r.getResponseMetadata() == null ? null : r.getResponseMetadata().getNextCursor();
      if (cursor == null || cursor.isEmpty()) {
        return Membership.NOT_MEMBER;
      }
    }
    log.warn("conversations.members for {}: more than {} pages, not read to the end", channelId, MAX_MEMBER_PAGES);
    return new Failed("too many members to check");
  }

  /** What Slack said about membership: {@link Membership#MEMBER}, {@link Membership#NOT_MEMBER} or a failure. */
  public sealed interface Answer permits Membership, Failed {}

  public enum Membership implements Answer {
    MEMBER, NOT_MEMBER
  }

  private Optional<String> sharedRefusal(String channelId, Conversation c) {
    boolean external = c.isExtShared() || c.isPendingExtShared() || c.isShared() && !c.isOrgShared();
    if (!external || allowShared) {
      return Optional.empty();
    }
    return Optional.of("<#" + channelId + "> is shared with another organization (Slack Connect), and Syncro data "
        + "stays out of shared channels. Use an internal channel instead; an admin can allow shared channels by "
        + "setting `SYNCRO_BOT_ALLOW_SHARED_CHANNELS=true`.");
  }

  private static String couldNotCheck(String channelId, String error) {
    if ("missing_scope".equals(error)) {
      return "Slack did not let me check <#" + channelId + ">: the Slack app lacks a permission this version needs. "
          + "Ask your admin to update the app from manifest.yml and reinstall it.";
    }
    String why = switch (error) {
      case "ratelimited" -> "Slack asked me to slow down";
      case "no answer" -> "Slack did not answer";
      default -> "Slack said " + Mrkdwn.escape(error);
    };
    return "I could not check <#" + channelId + "> with Slack (" + why + "). Try again in a minute; tell your admin "
        + "if it keeps happening.";
  }

  private sealed interface Lookup permits Found, Missing, Failed {}

  private record Found(Conversation channel) implements Lookup {}

  private record Missing() implements Lookup {}

  /** Slack gave no usable answer; {@code error} is its error code or what went wrong. */
  public record Failed(String error) implements Lookup, Answer {}

  private static Lookup lookup(MethodsClient slack, String channelId) {
    try {
      ConversationsInfoResponse r = slack.conversationsInfo(b -> b.channel(channelId));
      if (r.isOk() && r.getChannel() != null) {
        return new Found(r.getChannel());
      }
      if ("channel_not_found".equals(r.getError())) {
        return new Missing();
      }
      log.warn("conversations.info for {} failed: {}", channelId, r.getError());
      return new Failed(String.valueOf(r.getError()));
    } catch (IOException | SlackApiException e) {
      log.warn("conversations.info for {} failed: {}", channelId, SafeLog.describe(e));
      return new Failed(e instanceof SlackApiException s && s.getResponse().code() == 429 ? "ratelimited"
          : "no answer");
    }
  }
}
