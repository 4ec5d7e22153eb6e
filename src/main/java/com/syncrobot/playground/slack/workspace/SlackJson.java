package com.syncrobot.playground.slack.workspace;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.syncrobot.playground.slack.DemoUser;
import com.syncrobot.playground.slack.SimMessage;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.TimeZone;

/** The JSON shapes Slack uses for messages, users and teams, as the SDK and Bolt parse them. */
public final class SlackJson {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private SlackJson() {}

  public static ObjectNode ok() {
    return F.objectNode().put("ok", true);
  }

  /** Returns a message as chat.postMessage and interaction payloads carry it. */
  public static ObjectNode message(SimMessage m) {
    ObjectNode o = F.objectNode();
    o.put("type", "message");
    if (m.fromBot()) {
      o.put("subtype", "bot_message");
      o.put("bot_id", Team.BOT_ID);
      o.put("app_id", Team.APP_ID);
    }
    o.put("user", m.user());
    o.put("text", m.text());
    o.put("ts", m.ts());
    o.put("team", Team.TEAM_ID);
    o.set("blocks", m.blocks());
    if (m.threadTs() != null) {
      o.put("thread_ts", m.threadTs());
    }
    if (m.replyCount() > 0) {
      o.put("reply_count", m.replyCount());
    }
    if (!m.files().isEmpty()) {
      o.set("files", m.files());
    }
    return o;
  }

  /** Returns the user object of users.info. */
  public static ObjectNode user(DemoUser u, Instant now) {
    ObjectNode o = F.objectNode();
    o.put("id", u.id());
    o.put("team_id", Team.TEAM_ID);
    o.put("name", u.name());
    o.put("deleted", false);
    o.put("real_name", u.realName());
    ZoneId tz = u.tz();
    o.put("tz", tz.getId());
    boolean dst = tz.getRules().isDaylightSavings(now);
    o.put("tz_label", TimeZone.getTimeZone(tz).getDisplayName(dst, TimeZone.LONG, Locale.US));
    o.put("tz_offset", tz.getRules().getOffset(now).getTotalSeconds());
    o.put("is_bot", false);
    o.put("is_admin", false);
    o.put("is_app_user", false);
    ObjectNode p = o.putObject("profile");
    p.put("real_name", u.realName());
    p.put("display_name", u.name());
    p.put("email", u.name() + "@" + Team.TEAM_DOMAIN + ".example");
    p.put("team", Team.TEAM_ID);
    o.put("updated", now.getEpochSecond());
    return o;
  }

  /** Returns the bot's own user object. */
  public static ObjectNode botUser() {
    ObjectNode o = F.objectNode();
    o.put("id", Team.BOT_USER_ID);
    o.put("team_id", Team.TEAM_ID);
    o.put("name", Team.BOT_NAME);
    o.put("real_name", Team.BOT_REAL_NAME);
    o.put("deleted", false);
    o.put("is_bot", true);
    o.put("tz", "America/Los_Angeles");
    o.put("tz_label", ZoneId.of("America/Los_Angeles").getDisplayName(TextStyle.FULL, Locale.US));
    o.put("tz_offset", -28800);
    ObjectNode p = o.putObject("profile");
    p.put("real_name", Team.BOT_REAL_NAME);
    p.put("bot_id", Team.BOT_ID);
    p.put("api_app_id", Team.APP_ID);
    return o;
  }

  /** Returns the user object interaction payloads carry. */
  public static ObjectNode payloadUser(DemoUser u) {
    ObjectNode o = F.objectNode();
    o.put("id", u.id());
    o.put("username", u.name());
    o.put("name", u.name());
    o.put("team_id", Team.TEAM_ID);
    return o;
  }

  public static ObjectNode team() {
    return F.objectNode().put("id", Team.TEAM_ID).put("domain", Team.TEAM_DOMAIN);
  }

  /** Returns the channel object interaction payloads carry. */
  public static ObjectNode channel(Channel c) {
    return F.objectNode().put("id", c.id()).put("name", c.isIm() ? "directmessage" : c.name());
  }
}
