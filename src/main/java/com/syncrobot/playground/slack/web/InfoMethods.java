package com.syncrobot.playground.slack.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.syncrobot.playground.slack.DemoUser;
import com.syncrobot.playground.slack.workspace.Channel;
import com.syncrobot.playground.slack.workspace.Conversations;
import com.syncrobot.playground.slack.workspace.SlackError;
import com.syncrobot.playground.slack.workspace.SlackJson;
import com.syncrobot.playground.slack.workspace.Team;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * auth.test, users.info, users.list, conversations.open, conversations.info and conversations.members.
 * As in Slack, a private channel the bot is not in is {@code channel_not_found}; members come in pages
 * ({@code limit}, default 100, at most 1000) with an opaque cursor.
 */
public record InfoMethods(Conversations conv, Clock clock, Supplier<String> baseUrl) {
  static final int DEFAULT_MEMBERS_LIMIT = 100;
  static final int MAX_MEMBERS_LIMIT = 1000;
  /** The other organization of every simulated Slack Connect channel. */
  static final String OTHER_TEAM_ID = "T0PARTNER";

  void register(Map<String, ApiMethod> methods) {
    methods.put("auth.test", p -> SlackJson.ok().put("url", baseUrl.get() + "/").put("team", Team.TEAM_NAME)
        .put("user", Team.BOT_NAME).put("team_id", Team.TEAM_ID).put("user_id", Team.BOT_USER_ID)
        .put("bot_id", Team.BOT_ID).put("is_enterprise_install", false));
    methods.put("users.info", this::usersInfo);
    methods.put("users.list", this::usersList);
    methods.put("conversations.open", this::open);
    methods.put("conversations.info", this::info);
    methods.put("conversations.members", this::members);
  }

  private ObjectNode usersInfo(ApiArgs p) {
    String id = p.required("user");
    ObjectNode r = SlackJson.ok();
    if (id.equals(Team.BOT_USER_ID)) {
      r.set("user", SlackJson.botUser());
      return r;
    }
    DemoUser u = conv.user(id).orElseThrow(() -> new SlackError("user_not_found"));
    r.set("user", SlackJson.user(u, clock.instant()));
    return r;
  }

  private ObjectNode usersList(ApiArgs p) {
    ObjectNode r = SlackJson.ok();
    ArrayNode members = r.putArray("members");
    conv.users().forEach(u -> members.add(SlackJson.user(u, clock.instant())));
    members.add(SlackJson.botUser());
    r.putObject("response_metadata").put("next_cursor", "");
    return r;
  }

  /** Opens the bot's DM with one user; group DMs are not simulated. */
  private ObjectNode open(ApiArgs p) {
    String channel = p.str("channel");
    String user;
    if (channel != null && !channel.isBlank()) {
      Channel c = conv.channel(channel).filter(Channel::isIm).orElseThrow(() -> new SlackError("channel_not_found"));
      user = c.imUser();
    } else {
      String users = p.required("users");
      if (users.contains(",")) {
        throw new SlackError("not_supported");
      }
      user = users.strip();
    }
    DemoUser u = conv.user(user).orElseThrow(() -> new SlackError("user_not_found"));
    ObjectNode r = SlackJson.ok();
    ObjectNode c = r.putObject("channel").put("id", Team.dmId(u.id()));
    if (p.bool("return_im")) {
      c.put("is_im", true).put("user", u.id()).put("created", clock.instant().getEpochSecond());
    }
    return r;
  }

  private Channel visible(ApiArgs p) {
    return conv.channel(p.required("channel")).filter(Channel::visibleToBot)
        .orElseThrow(() -> new SlackError("channel_not_found"));
  }

  private ObjectNode info(ApiArgs p) {
    Channel c = visible(p);
    ObjectNode r = SlackJson.ok();
    ObjectNode o = r.putObject("channel").put("id", c.id()).put("created", 1_700_000_000L)
        .put("is_org_shared", false).put("context_team_id", Team.TEAM_ID);
    if (c.isIm()) {
      o.put("is_im", true).put("user", c.imUser()).put("is_open", true);
    } else {
      // Private channels with a G id are the old "groups"; newer private channels are channels.
      boolean group = c.id().startsWith("G");
      o.put("name", c.name()).put("name_normalized", c.name()).put("is_channel", !group).put("is_group", group)
          .put("is_im", false).put("is_mpim", false).put("is_private", c.isPrivate()).put("is_archived", false)
          .put("is_general", false).put("is_shared", c.extShared()).put("is_ext_shared", c.extShared())
          .put("is_pending_ext_shared", false).put("is_member", c.hasMember(Team.BOT_USER_ID));
      ArrayNode teams = o.putArray("shared_team_ids").add(Team.TEAM_ID);
      if (c.extShared()) {
        teams.add(OTHER_TEAM_ID);
        o.put("conversation_host_id", Team.TEAM_ID);
      }
    }
    if (p.bool("include_num_members") && !c.isIm()) {
      o.put("num_members", c.members().size());
    }
    return r;
  }

  private ObjectNode members(ApiArgs p) {
    Channel c = visible(p);
    int limit = DEFAULT_MEMBERS_LIMIT;
    String given = p.str("limit");
    if (given != null && !given.isBlank()) {
      try {
        limit = Integer.parseInt(given.strip());
      } catch (NumberFormatException e) {
        throw new SlackError("invalid_limit");
      }
      if (limit < 1 || limit > MAX_MEMBERS_LIMIT) {
        throw new SlackError("invalid_limit");
      }
    }
    List<String> all = List.copyOf(c.members());
    int from = 0;
    String cursor = p.str("cursor");
    if (cursor != null && !cursor.isBlank()) {
      from = all.indexOf(fromCursor(cursor));
      if (from < 0) {
        throw new SlackError("invalid_cursor");
      }
    }
    int to = Math.min(all.size(), from + limit);
    ObjectNode r = SlackJson.ok();
    ArrayNode page = r.putArray("members");
    all.subList(from, to).forEach(page::add);
    r.putObject("response_metadata").put("next_cursor", to < all.size() ? toCursor(all.get(to)) : "");
    return r;
  }

  /** Slack's cursors are opaque base64; this one names the first member of the next page. */
  private static String toCursor(String userId) {
    return Base64.getEncoder().encodeToString(("{user_id: " + userId + "}").getBytes(StandardCharsets.UTF_8));
  }

  private static String fromCursor(String cursor) {
    try {
      String s = new String(Base64.getDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
      if (s.startsWith("{user_id: ") && s.endsWith("}")) {
        return s.substring("{user_id: ".length(), s.length() - 1);
      }
    } catch (IllegalArgumentException e) {
      // Not base64: the same answer as a well-formed cursor Slack never gave.
    }
    throw new SlackError("invalid_cursor");
  }
}
