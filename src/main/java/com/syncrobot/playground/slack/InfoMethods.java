package com.syncrobot.playground.slack;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;

/** auth.test, users.info, users.list, conversations.open and conversations.info. */
final class InfoMethods {
  private final Conversations conv;
  private final Clock clock;
  private final Supplier<String> baseUrl;

  InfoMethods(Conversations conv, Clock clock, Supplier<String> baseUrl) {
    this.conv = conv;
    this.clock = clock;
    this.baseUrl = baseUrl;
  }

  void register(Map<String, ApiMethod> methods) {
    methods.put("auth.test", p -> SlackJson.ok().put("url", baseUrl.get() + "/").put("team", Team.TEAM_NAME)
        .put("user", Team.BOT_NAME).put("team_id", Team.TEAM_ID).put("user_id", Team.BOT_USER_ID)
        .put("bot_id", Team.BOT_ID).put("is_enterprise_install", false));
    methods.put("users.info", this::usersInfo);
    methods.put("users.list", this::usersList);
    methods.put("conversations.open", this::open);
    methods.put("conversations.info", this::info);
  }

  private ObjectNode usersInfo(Params p) {
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

  private ObjectNode usersList(Params p) {
    ObjectNode r = SlackJson.ok();
    ArrayNode members = r.putArray("members");
    conv.users().forEach(u -> members.add(SlackJson.user(u, clock.instant())));
    members.add(SlackJson.botUser());
    r.putObject("response_metadata").put("next_cursor", "");
    return r;
  }

  /** Opens the bot's DM with one user; group DMs are not simulated. */
  private ObjectNode open(Params p) {
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

  private ObjectNode info(Params p) {
    Channel c = conv.channel(p.required("channel")).orElseThrow(() -> new SlackError("channel_not_found"));
    ObjectNode r = SlackJson.ok();
    ObjectNode o = r.putObject("channel").put("id", c.id()).put("is_im", c.isIm())
        .put("is_channel", !c.isIm()).put("is_member", true);
    if (c.isIm()) {
      o.put("user", c.imUser());
    } else {
      o.put("name", c.name());
    }
    return r;
  }
}
