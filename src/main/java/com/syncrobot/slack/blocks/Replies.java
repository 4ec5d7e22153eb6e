package com.syncrobot.slack.blocks;

import com.syncrobot.slack.SafeLog;

import com.google.gson.Gson;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.util.json.GsonFactory;
import com.slack.api.webhook.WebhookResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends replies to the asker only: in the ack, or later through the command's response_url. */
public final class Replies {
  private static final Logger log = LoggerFactory.getLogger(Replies.class);
  private static final String EPHEMERAL = "ephemeral";
  /**
   * The one serializer of what the bot posts to a response_url (here and {@code SlackOut}): Bolt's {@code
   * ctx.respond} builds a new Gson per call, which reflects the whole Block Kit class tree again each time.
   */
  public static final Gson JSON = GsonFactory.createSnakeCase();

  private Replies() {}

  /** Acks the command with {@code reply}, visible only to the asker. */
  public static Response ack(SlashCommandContext ctx, Reply reply) {
    return ctx.ack(body(reply));
  }

  /** Acks the command with escaped mrkdwn text, visible only to the asker. */
  public static Response ack(SlashCommandContext ctx, String mrkdwn) {
    return ack(ctx, Reply.of(mrkdwn));
  }

  /** Posts {@code reply} to the command's response_url, visible only to the asker; logs a failure. */
  public static void respond(SlashCommandContext ctx, Reply reply) {
    try {
      WebhookResponse r = ctx.getSlack().send(ctx.getResponseUrl(), JSON.toJson(body(reply)));
      if (r.getCode() == null || r.getCode() != 200) {
        // response_url answers plain text such as "invalid_blocks"; it holds no secret.
        log.warn("response_url refused the reply: HTTP {} {}", r.getCode(),
            Mrkdwn.truncate(String.valueOf(r.getBody()), 200));
      }
    } catch (IOException e) {
      log.warn("Could not post the reply to response_url: {}", SafeLog.describe(e));
    }
  }

  private static SlashCommandResponse body(Reply reply) {
    return SlashCommandResponse.builder()
        .responseType(EPHEMERAL)
        .text(reply.text())
        .blocks(reply.blocks().isEmpty() ? null : reply.blocks())
        .build();
  }
}
