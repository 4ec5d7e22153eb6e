package com.syncrobot.playground.slack.user;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.syncrobot.playground.slack.BotAck;
import com.syncrobot.playground.slack.DemoUser;
import com.syncrobot.playground.slack.SimMessage;
import com.syncrobot.playground.slack.workspace.Blocks;
import com.syncrobot.playground.slack.workspace.Channel;
import com.syncrobot.playground.slack.workspace.ResponseTarget;
import com.syncrobot.playground.slack.workspace.SlackError;
import com.syncrobot.playground.slack.workspace.Team;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a person does in channels, as Slack turns it into requests to the app: slash commands
 * (and their ack shown as a reply), plain messages (and link_shared for URLs on the app's unfurl
 * domains), clicks and selections on messages, message shortcuts, and opening the Home tab.
 * Requests to the bot are made without holding any lock, as the bot calls back into the Web API.
 */
public final class UserActions {
  private final Parts parts;
  private volatile Set<String> commands = Set.of("/syncro");
  private volatile List<String> unfurlDomains = List.of("syncromsp.com");
  private volatile @Nullable String lastEvent;

  public UserActions(Parts parts) {
    this.parts = parts;
  }

  public void commands(Set<String> names) {
    this.commands = Set.copyOf(names);
  }

  public Set<String> commands() {
    return commands;
  }

  public void unfurlDomains(List<String> domains) {
    this.unfurlDomains = domains.stream().map(d -> d.toLowerCase(Locale.ROOT)).toList();
  }

  /**
   * Runs a slash command; {@code line} is {@code /command args}, or just the arguments of
   * {@code /syncro}. The ack's text or blocks become the reply Slack shows.
   */
  public BotAck slashCommand(String userId, String channelId, String line) {
    DemoUser u = parts.user(userId);
    Channel c = parts.channelFor(userId, channelId);
    String trimmed = line.strip();
    String command = "/syncro";
    String text = trimmed;
    if (trimmed.startsWith("/")) {
      String[] split = trimmed.split("\\s+", 2);
      command = split[0];
      text = split.length > 1 ? split[1] : "";
    }
    if (!commands.contains(command)) {
      parts.notice(c.id(), u.id(), "`" + command + "` is not a valid command. In Slack, all messages that start "
          + "with the \"/\" character are interpreted as commands.");
      return new BotAck(0, "", "not_a_command");
    }
    ResponseTarget target = new ResponseTarget(ResponseTarget.Kind.COMMAND, c.id(), u.id(), null);
    String responseUrl = parts.responseUrl(target);
    String trigger = parts.handles().newTrigger(u.id());
    BotAck ack = parts.bot().postForm(parts.payloads().slashCommand(u, c, command, text, trigger, responseUrl));
    if (!ack.ok()) {
      parts.notice(c.id(), u.id(), command + " failed with the error \"" + ack.failure() + "\"");
      return ack;
    }
    if (!ack.body().isBlank()) {
      JsonNode json = ack.json();
      ObjectNode reply = json.isObject() ? (ObjectNode) json : JsonNodeFactory.instance.objectNode()
          .put("text", ack.body());
      try {
        parts.responses().apply(target, reply);
      } catch (SlackError e) {
        parts.notice(c.id(), u.id(), command + " failed with the error \"" + e.code() + "\"");
      }
    }
    return ack;
  }

  /**
   * Posts what a person typed; URLs on the unfurl domains go to the bot as link_shared, and a message in the
   * person's DM with the bot goes to it as a {@code message} event ({@code channel_type: im}).
   */
  public SimMessage say(String userId, String channelId, String typed, @Nullable String threadTs) {
    DemoUser u = parts.user(userId);
    Channel c = parts.channelFor(userId, channelId);
    SimMessage m = parts.conv().post(c.id(), u.id(), false, TypedText.encode(typed),
        JsonNodeFactory.instance.arrayNode(), threadTs, null, JsonNodeFactory.instance.arrayNode());
    ObjectNode event = JsonNodeFactory.instance.objectNode();
    ArrayNode links = JsonNodeFactory.instance.arrayNode();
    for (String url : TypedText.urls(typed)) {
      String host = TypedText.host(url);
      unfurlDomains.stream().filter(d -> host.equals(d) || host.endsWith("." + d)).findFirst()
          .ifPresent(d -> links.addObject().put("domain", host).put("url", url));
    }
    if (c.isIm()) {
      // A message to the bot in its Messages tab: Slack sends it as a message event with channel_type im.
      ObjectNode message = JsonNodeFactory.instance.objectNode();
      message.put("type", "message");
      message.put("channel", c.id());
      message.put("channel_type", "im");
      message.put("user", u.id());
      message.put("text", m.text());
      message.put("ts", m.ts());
      if (m.threadTs() != null) {
        message.put("thread_ts", m.threadTs());
      }
      message.put("client_msg_id", UUID.randomUUID().toString());
      message.put("team", Team.TEAM_ID);
      String envelope = Payloads.text(parts.payloads().event(message));
      lastEvent = envelope;
      parts.bot().postJson(envelope);
    }
    if (!links.isEmpty()) {
      event.put("type", "link_shared");
      event.put("channel", c.id());
      event.put("is_bot_user_member", true);
      event.put("user", u.id());
      event.put("message_ts", m.ts());
      if (m.threadTs() != null) {
        event.put("thread_ts", m.threadTs());
      }
      event.put("unfurl_id", c.id() + ":" + m.ts());
      event.put("source", "conversations_history");
      event.set("links", links);
      String envelope = Payloads.text(parts.payloads().event(event));
      lastEvent = envelope;
      parts.bot().postJson(envelope);
    }
    return m;
  }

  /**
   * Sends the last message or link_shared event again, as Slack redelivers an event it got no timely ack for
   * (same event id); false when there was none.
   */
  public boolean redeliverLastEvent() {
    String envelope = lastEvent;
    if (envelope == null) {
      return false;
    }
    parts.bot().postJson(envelope);
    return true;
  }

  /** Clicks or changes an element of a message, as {@code block_actions}. */
  public BotAck actOnMessage(String userId, String channelId, String ts, String blockId, String actionId,
      @Nullable JsonNode raw) {
    DemoUser u = parts.user(userId);
    Channel c = parts.channelFor(userId, channelId);
    SimMessage m = parts.messageFor(userId, channelId, ts);
    Blocks.Element e = Blocks.find(m.blocks(), blockId, actionId)
        .orElseThrow(() -> new IllegalArgumentException("message " + ts + " has no element " + blockId + "/"
            + actionId));
    ResponseTarget target = new ResponseTarget(ResponseTarget.Kind.ACTION, c.id(), u.id(), m.ts());
    String responseUrl = parts.responseUrl(target);
    String trigger = parts.handles().newTrigger(u.id());
    ObjectNode action = ViewStates.action(e, raw, parts.payloads().actionTs());
    Map<String, Map<String, JsonNode>> entered = new HashMap<>();
    if (raw != null) {
      entered.put(blockId, Map.of(actionId, raw));
    }
    ObjectNode state = ViewStates.values(m.blocks(), entered);
    ObjectNode payload = parts.payloads().actionOnMessage(u, c, m, action, state, trigger, responseUrl);
    BotAck ack = parts.bot().postForm(Map.of("payload", Payloads.text(payload)));
    if (!ack.ok()) {
      String label = e.label().isEmpty() ? e.actionId() : e.label();
      parts.notice(c.id(), u.id(), "The app did not respond to “" + label + "” (" + ack.failure() + ").");
    }
    return ack;
  }

  /** Finds the button labelled {@code label} on message {@code ts} and clicks it. */
  public BotAck clickButton(String userId, String ts, String label) {
    SimMessage m = parts.conv().find(ts).filter(x -> x.visibleTo(userId))
        .orElseThrow(() -> new IllegalArgumentException("user " + userId + " sees no message " + ts));
    Blocks.Element e = Blocks.interactiveElements(m.blocks()).stream()
        .filter(x -> x.type().equals("button") && x.label().strip().equals(label.strip()))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("message " + ts + " has no button “" + label + "”; it has "
            + m.buttons()));
    return actOnMessage(userId, m.channel(), ts, e.blockId(), e.actionId(), null);
  }

  /** Runs a message shortcut on message {@code ts}. */
  public BotAck shortcut(String userId, String channelId, String ts, String callbackId) {
    DemoUser u = parts.user(userId);
    Channel c = parts.channelFor(userId, channelId);
    SimMessage m = parts.messageFor(userId, channelId, ts);
    ResponseTarget target = new ResponseTarget(ResponseTarget.Kind.SHORTCUT, c.id(), u.id(), null);
    String responseUrl = parts.responseUrl(target);
    String trigger = parts.handles().newTrigger(u.id());
    ObjectNode payload = parts.payloads().messageShortcut(u, c, m, callbackId, trigger, responseUrl);
    BotAck ack = parts.bot().postForm(Map.of("payload", Payloads.text(payload)));
    if (!ack.ok()) {
      parts.notice(c.id(), u.id(), "The app did not respond to the shortcut (" + ack.failure() + ").");
    }
    return ack;
  }

  /** Opens the app's Home tab, as {@code app_home_opened}; the bot answers with views.publish. */
  public BotAck openHome(String userId) {
    DemoUser u = parts.user(userId);
    ObjectNode event = JsonNodeFactory.instance.objectNode();
    event.put("type", "app_home_opened");
    event.put("user", u.id());
    event.put("channel", Team.dmId(u.id()));
    event.put("tab", "home");
    parts.views().home(u.id()).ifPresent(v -> event.set("view", v.view().deepCopy()));
    return parts.bot().postJson(Payloads.text(parts.payloads().event(event)));
  }
}
