package com.syncrobot.feature.tickets;

import com.slack.api.bolt.App;
import com.syncrobot.slack.Feature;
import com.syncrobot.slack.FeatureContext;
import com.syncrobot.slack.Subcommands;

/** Reading tickets: {@code /syncro list}, {@code ticket}, {@code search} and {@code customers}. */
public record TicketsFeature(FeatureContext ctx) implements Feature {
  @Override
  public void register(App app, Subcommands subcommands) {
    subcommands.register(new OpenTicketsCommand(ctx.listReads(), ctx.webUrl()))
        .register(new TicketCommand(ctx.reads(), new TicketDetail(ctx.clock(), ctx.webUrl())))
        .register(new SearchCommand(ctx.listReads(), ctx.webUrl()))
        .register(new CustomersCommand(ctx.listReads()));
  }
}
