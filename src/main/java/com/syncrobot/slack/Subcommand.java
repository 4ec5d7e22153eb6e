package com.syncrobot.slack;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.SlackApiException;
import java.io.IOException;

/**
 * One {@code /syncro NAME ...} subcommand. Implementations validate their arguments, ack within
 * Slack's 3 seconds and leave Syncro calls to the work queue.
 */
public interface Subcommand {
  /** The word after {@code /syncro}, lower case, e.g. "ticket". */
  String name();

  /** One escaped mrkdwn line for the usage list, e.g. "`/syncro ticket 32203` – …". */
  String usage();

  /** Handles the call and returns the ack. */
  Response handle(Invocation call, SlashCommandContext ctx) throws IOException, SlackApiException;
}
