package com.syncrobot.playground.slack.user;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.syncrobot.playground.slack.DemoUser;
import com.syncrobot.playground.slack.SimMessage;
import com.syncrobot.playground.slack.workspace.Channel;
import com.syncrobot.playground.slack.workspace.SlackJson;
import com.syncrobot.playground.slack.workspace.StoredView;
import com.syncrobot.playground.slack.workspace.Team;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/** Builds the bodies Slack sends to an app, field for field as Bolt for Java parses them. */
public final class Payloads {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private final Clock clock;
  private final AtomicLong events = new AtomicLong();
  private final AtomicLong actions = new AtomicLong();

  public Payloads(Clock clock) {
    this.clock = clock;
  }

  /** Returns the form fields of a slash command. */
  Map<String, String> slashCommand(DemoUser u, Channel c, String command, String text, String triggerId,
      String responseUrl) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("token", Team.LEGACY_TOKEN);
    f.put("team_id", Team.TEAM_ID);
    f.put("team_domain", Team.TEAM_DOMAIN);
    f.put("channel_id", c.id());
    f.put("channel_name", c.isIm() ? "directmessage" : c.name());
    f.put("user_id", u.id());
    f.put("user_name", u.name());
    f.put("command", command);
    f.put("text", text);
    f.put("api_app_id", Team.APP_ID);
    f.put("is_enterprise_install", "false");
    f.put("response_url", responseUrl);
    f.put("trigger_id", triggerId);
    return f;
  }

  /** Returns a block_actions payload for an element of a message. */
  ObjectNode actionOnMessage(DemoUser u, Channel c, SimMessage m, ObjectNode action, ObjectNode state,
      String triggerId, String responseUrl) {
    ObjectNode p = interaction("block_actions", u, triggerId);
    ObjectNode container = p.putObject("container");
    container.put("type", "message");
    container.put("message_ts", m.ts());
    container.put("channel_id", c.id());
    container.put("is_ephemeral", m.isEphemeral());
    if (m.isReply()) {
      container.put("thread_ts", m.threadTs());
    }
    p.set("channel", SlackJson.channel(c));
    if (!m.isEphemeral()) {
      // Slack leaves the message out for ephemeral ones; the app only gets the container.
      p.set("message", SlackJson.message(m));
    }
    p.putObject("state").set("values", state);
    p.put("response_url", responseUrl);
    p.putArray("actions").add(action);
    return p;
  }

  /** Returns a block_actions payload for an element of a modal or the Home tab. */
  ObjectNode actionOnView(DemoUser u, StoredView v, ObjectNode action, ObjectNode state, String triggerId) {
    ObjectNode p = interaction("block_actions", u, triggerId);
    p.putObject("container").put("type", "view").put("view_id", v.id());
    p.set("view", withState(v, state));
    p.putArray("actions").add(action);
    return p;
  }

  /** Returns a block_suggestion payload: the user typed {@code value} into an external select. */
  ObjectNode suggestion(DemoUser u, @Nullable StoredView v, @Nullable Channel c, @Nullable SimMessage m,
      String blockId, String actionId, String value) {
    ObjectNode p = F.objectNode();
    p.put("type", "block_suggestion");
    p.set("user", SlackJson.payloadUser(u));
    p.set("team", SlackJson.team());
    p.put("api_app_id", Team.APP_ID);
    p.put("token", Team.LEGACY_TOKEN);
    p.put("action_id", actionId);
    p.put("block_id", blockId);
    p.put("value", value);
    if (v != null) {
      p.putObject("container").put("type", "view").put("view_id", v.id());
      p.set("view", withState(v, F.objectNode()));
    } else if (c != null && m != null) {
      p.putObject("container").put("type", "message").put("message_ts", m.ts()).put("channel_id", c.id())
          .put("is_ephemeral", m.isEphemeral());
      p.set("channel", SlackJson.channel(c));
      if (!m.isEphemeral()) {
        p.set("message", SlackJson.message(m));
      }
    }
    return p;
  }

  /** Returns a view_submission payload. */
  ObjectNode submission(DemoUser u, StoredView v, ObjectNode state, String triggerId) {
    ObjectNode p = interaction("view_submission", u, triggerId);
    p.set("view", withState(v, state));
    p.putArray("response_urls");
    return p;
  }

  /** Returns a view_closed payload; {@code cleared} when the whole stack went. */
  ObjectNode closed(DemoUser u, StoredView v, boolean cleared) {
    ObjectNode p = F.objectNode();
    p.put("type", "view_closed");
    p.set("team", SlackJson.team());
    p.set("user", SlackJson.payloadUser(u));
    p.put("api_app_id", Team.APP_ID);
    p.put("token", Team.LEGACY_TOKEN);
    p.put("is_enterprise_install", false);
    p.set("view", withState(v, F.objectNode()));
    p.put("is_cleared", cleared);
    return p;
  }

  /** Returns a message shortcut payload ({@code type: message_action}). */
  ObjectNode messageShortcut(DemoUser u, Channel c, SimMessage m, String callbackId, String triggerId,
      String responseUrl) {
    ObjectNode p = F.objectNode();
    p.put("type", "message_action");
    p.put("token", Team.LEGACY_TOKEN);
    p.put("action_ts", actionTs());
    p.set("team", SlackJson.team());
    p.set("user", SlackJson.payloadUser(u));
    p.set("channel", SlackJson.channel(c));
    p.put("is_enterprise_install", false);
    p.putNull("enterprise");
    p.put("callback_id", callbackId);
    p.put("trigger_id", triggerId);
    p.put("response_url", responseUrl);
    p.put("message_ts", m.ts());
    p.set("message", SlackJson.message(m));
    return p;
  }

  /** Returns the Events API envelope around {@code event}. */
  ObjectNode event(ObjectNode event) {
    long now = clock.instant().getEpochSecond();
    event.put("event_ts", actionTs());
    ObjectNode e = F.objectNode();
    e.put("token", Team.LEGACY_TOKEN);
    e.put("team_id", Team.TEAM_ID);
    e.put("api_app_id", Team.APP_ID);
    e.set("event", event);
    e.put("type", "event_callback");
    e.put("event_id", "Ev" + String.format("%010d", events.incrementAndGet()));
    e.put("event_time", now);
    ObjectNode auth = e.putArray("authorizations").addObject();
    auth.putNull("enterprise_id");
    auth.put("team_id", Team.TEAM_ID);
    auth.put("user_id", Team.BOT_USER_ID);
    auth.put("is_bot", true);
    auth.put("is_enterprise_install", false);
    e.put("is_ext_shared_channel", false);
    e.put("event_context", "4-playground-" + events.get());
    return e;
  }

  /** Returns a Slack-style timestamp for an action or event, independent of message ts. */
  String actionTs() {
    long micros = clock.millis() * 1000 + actions.incrementAndGet() % 1000;
    return String.format("%d.%06d", micros / 1_000_000L, micros % 1_000_000L);
  }

  private static ObjectNode interaction(String type, DemoUser u, String triggerId) {
    ObjectNode p = F.objectNode();
    p.put("type", type);
    p.set("user", SlackJson.payloadUser(u));
    p.put("api_app_id", Team.APP_ID);
    p.put("token", Team.LEGACY_TOKEN);
    p.set("team", SlackJson.team());
    p.putNull("enterprise");
    p.put("is_enterprise_install", false);
    p.put("trigger_id", triggerId);
    return p;
  }

  private static ObjectNode withState(StoredView v, ObjectNode state) {
    ObjectNode view = v.view().deepCopy();
    view.putObject("state").set("values", state);
    return view;
  }

  /** Returns {@code node} as a compact JSON string. */
  static String text(JsonNode node) {
    return node.toString();
  }
}
