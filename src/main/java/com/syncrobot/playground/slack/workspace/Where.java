package com.syncrobot.playground.slack.workspace;

/** Where a user acted: on a message in a channel, or in a view (modal or Home tab). */
public sealed interface Where {
  record OnMessage(String channel, String ts) implements Where {}

  record OnView(String viewId) implements Where {}
}
