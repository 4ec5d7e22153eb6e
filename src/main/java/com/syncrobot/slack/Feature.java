package com.syncrobot.slack;

import com.slack.api.bolt.App;

/**
 * One user-facing feature of the bot: registers its {@code /syncro} subcommands and its Slack
 * listeners (block actions, view submissions, events, shortcuts) in one place, like Bolt's own
 * samples. {@link SlackBot} lists the features; each is built from a {@link FeatureContext}.
 */
public interface Feature {
  /** Adds this feature's subcommands to {@code subcommands} and its listeners to {@code app}. */
  void register(App app, Subcommands subcommands);
}
