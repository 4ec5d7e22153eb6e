package com.syncrobot.playground.slack.user;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.syncrobot.playground.slack.DemoUser;
import com.syncrobot.playground.slack.SimMessage;
import com.syncrobot.playground.slack.web.ResponseUrls;
import com.syncrobot.playground.slack.workspace.Channel;
import com.syncrobot.playground.slack.workspace.Conversations;
import com.syncrobot.playground.slack.workspace.Handles;
import com.syncrobot.playground.slack.workspace.ResponseTarget;
import com.syncrobot.playground.slack.workspace.Team;
import com.syncrobot.playground.slack.workspace.Views;
import java.util.function.Supplier;

/** The simulator's shared pieces, handed to the classes that act for users. */
public record Parts(Conversations conv, Views views, Handles handles, BotLink bot, Payloads payloads,
    ResponseUrls responses, Supplier<String> baseUrl) {

  DemoUser user(String id) {
    return conv.user(id).orElseThrow(() -> new IllegalArgumentException("not a demo user: " + id));
  }

  /** Returns the channel, which {@code user} must be able to see. */
  Channel channelFor(String user, String channelId) {
    return conv.channelsFor(user).stream().filter(c -> c.id().equals(channelId)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("user " + user + " has no channel " + channelId));
  }

  /** Returns the message, which {@code user} must be able to see. */
  SimMessage messageFor(String user, String channel, String ts) {
    return conv.find(channel, ts).filter(m -> m.visibleTo(user))
        .orElseThrow(() -> new IllegalArgumentException("user " + user + " sees no message " + ts + " in " + channel));
  }

  String responseUrl(ResponseTarget target) {
    return baseUrl.get() + ResponseUrls.PREFIX + handles.newResponseUrl(target);
  }

  /** Posts Slack's own notice, visible only to {@code user}, as Slack does when an app fails to answer. */
  void notice(String channel, String user, String text) {
    conv.post(channel, Team.SLACKBOT, false, text, JsonNodeFactory.instance.arrayNode(), null, user,
        JsonNodeFactory.instance.arrayNode());
  }
}
