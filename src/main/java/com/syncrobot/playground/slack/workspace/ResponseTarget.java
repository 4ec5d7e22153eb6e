package com.syncrobot.playground.slack.workspace;

import org.jspecify.annotations.Nullable;

/**
 * Where a response_url posts: the channel and user of the interaction and, for an action on a
 * message, the message {@code replace_original} and {@code delete_original} act on. For a slash
 * command the "original" is the last reply sent through the same URL. Guarded by {@link Handles}.
 */
public final class ResponseTarget {
  public enum Kind {
    COMMAND, ACTION, SHORTCUT
  }

  public final Kind kind;
  public final String channel;
  public final String user;
  @Nullable
  String originalTs;

  public ResponseTarget(Kind kind, String channel, String user, @Nullable String originalTs) {
    this.kind = kind;
    this.channel = channel;
    this.user = user;
    this.originalTs = originalTs;
  }
}
