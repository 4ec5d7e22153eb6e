package com.syncrobot.store;

import java.time.Instant;
import java.util.Objects;

/** A connected Slack user as listed for people: who they act as in Syncro and since when, never the token. */
public record ConnectedUserSummary(String slackUserId, long syncroUserId, String syncroUserName, Instant connectedAt) {
  public ConnectedUserSummary {
    Objects.requireNonNull(slackUserId, "slackUserId == null");
    Objects.requireNonNull(syncroUserName, "syncroUserName == null");
    Objects.requireNonNull(connectedAt, "connectedAt == null");
  }
}
