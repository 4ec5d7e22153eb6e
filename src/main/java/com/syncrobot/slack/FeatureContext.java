package com.syncrobot.slack;

import com.slack.api.Slack;
import com.syncrobot.store.ConnectedUserStore;
import com.syncrobot.syncro.SyncroClient;
import java.time.Clock;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What every feature is built from: Slack and the bot token, the Syncro client, the connected
 * technicians, the clock, the bot's two work queues ({@code work} for clicks and short work,
 * {@code slow} for lists that may take many pages) and Syncro's web address for links.
 *
 * @param webUrl e.g. {@code https://acme.syncromsp.com}; null when unknown (no links are shown)
 */
public record FeatureContext(Slack slack, String botToken, SyncroClient syncro, ConnectedUserStore users,
    Clock clock, WorkQueue work, WorkQueue slow, SlackOut out, @Nullable String webUrl) {
  public FeatureContext {
    Objects.requireNonNull(slack, "slack == null");
    Objects.requireNonNull(botToken, "botToken == null");
    Objects.requireNonNull(syncro, "syncro == null");
    Objects.requireNonNull(users, "users == null");
    Objects.requireNonNull(clock, "clock == null");
  }

  /** Runs a Syncro read with the asker's token on the work queue. */
  public ReadRunner reads() {
    return new ReadRunner(users, syncro, work);
  }

  /** Runs a Syncro read on the slow queue: lists may take many pages of Syncro's budget, never before a click. */
  public ReadRunner listReads() {
    return new ReadRunner(users, syncro, slow);
  }

  /** Leaves the bot token out, so a context that reaches a log line never carries it. */
  @Override
  public String toString() {
    return "FeatureContext[webUrl=" + webUrl + "]";
  }
}
