package com.syncrobot.feature.connect;

import com.slack.api.bolt.App;
import com.syncrobot.slack.Feature;
import com.syncrobot.slack.FeatureContext;
import com.syncrobot.slack.Subcommands;

/** Connecting a technician's own Syncro token: {@code /syncro connect} with its modal, and {@code disconnect}. */
public record ConnectFeature(FeatureContext ctx) implements Feature {
  @Override
  public void register(App app, Subcommands subcommands) {
    subcommands.register(new ConnectCommand(ctx.users(), ctx.work())).register(new DisconnectCommand(ctx.users()));
    app.viewSubmission(ConnectModal.CALLBACK_ID, new ConnectSubmission(ctx.users(), ctx.syncro(), ctx.work()));
  }
}
