package com.syncrobot.store;

import com.syncrobot.syncro.SyncroToken;
import java.time.Instant;
import java.util.Objects;

/**
 * A Slack user with their own Syncro token, which every Syncro write on their behalf uses (R11).
 * Its {@link #toString()} never shows the token.
 */
public record ConnectedUser(
    String slackUserId, long syncroUserId, String syncroUserName, Instant connectedAt, SyncroToken token) {

  public ConnectedUser {
    Objects.requireNonNull(slackUserId, "slackUserId == null");
    Objects.requireNonNull(syncroUserName, "syncroUserName == null");
    Objects.requireNonNull(connectedAt, "connectedAt == null");
    Objects.requireNonNull(token, "token == null");
  }

  /** Returns this user without the token. */
  public ConnectedUserSummary summary() {
    return new ConnectedUserSummary(slackUserId, syncroUserId, syncroUserName, connectedAt);
  }

  @Override
  public String toString() {
    // Spelled out rather than trusting SyncroToken.toString(), so the token stays hidden whatever it does.
    return "ConnectedUser[slackUserId=" + slackUserId + ", syncroUserId=" + syncroUserId + ", syncroUserName="
        + syncroUserName + ", connectedAt=" + connectedAt + ", token=***]";
  }
}
