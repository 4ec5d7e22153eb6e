package com.syncrobot.slack;

import com.syncrobot.slack.blocks.Mrkdwn;
import com.syncrobot.slack.blocks.Replies;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.handler.builtin.SlashCommandHandler;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.SlackApiException;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code /syncro} slash command: splits the text into a subcommand name and its arguments
 * and dispatches through {@link Subcommands}. No text lists open tickets; a bare ticket number
 * ({@code /syncro 32203}) shows that ticket; anything unknown gets the usage list.
 */
public final class SyncroCommand implements SlashCommandHandler {
  static final String COMMAND = "/syncro";
  public static final String DEFAULT_SUBCOMMAND = "list";
  private static final Pattern BARE_NUMBER = Pattern.compile("#?[0-9]\\S*");
  private static final Logger log = LoggerFactory.getLogger(SyncroCommand.class);

  private final Subcommands subcommands;

  SyncroCommand(Subcommands subcommands) {
    this.subcommands = subcommands;
  }

  @Override
  public Response apply(SlashCommandRequest req, SlashCommandContext ctx) throws IOException, SlackApiException {
    String text = Objects.requireNonNullElse(req.getPayload().getText(), "").strip();
    String userId = req.getPayload().getUserId();
    String[] parts = text.split("\\s+", 2);
    String name = parts[0].isEmpty() ? DEFAULT_SUBCOMMAND : parts[0];
    String args = parts.length > 1 ? parts[1] : "";
    if (BARE_NUMBER.matcher(name).matches()) {
      args = name;
      name = "ticket";
    }
    Optional<Subcommand> sub = subcommands.find(name);
    if (sub.isEmpty()) {
      String unknown = "Unknown subcommand `" + Mrkdwn.inCode(name, 40) + "`.";
      return Replies.ack(ctx, unknown + "\n" + subcommands.usage());
    }
    try {
      return sub.get().handle(new Invocation(userId, args), ctx);
    } catch (IOException | SlackApiException | RuntimeException e) {
      log.error("/syncro {} failed: {}", sub.get().name(), SafeLog.describe(e));
      return Replies.ack(ctx, UserMessages.INTERNAL);
    }
  }
}
