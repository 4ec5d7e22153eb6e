package com.syncrobot.playground.slack.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.syncrobot.playground.slack.SimMessage;
import com.syncrobot.playground.slack.workspace.BlockKitCheck;
import com.syncrobot.playground.slack.workspace.Blocks;
import com.syncrobot.playground.slack.workspace.Conversations;
import com.syncrobot.playground.slack.workspace.Handles;
import com.syncrobot.playground.slack.workspace.ResponseTarget;
import com.syncrobot.playground.slack.workspace.SlackError;
import com.syncrobot.playground.slack.workspace.SlackJson;
import com.syncrobot.playground.slack.workspace.Team;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The response_urls handed out in payloads, at {@code /response/<id>}: {@code delete_original},
 * {@code replace_original} (of the message acted on, or of the command's previous reply), or a new
 * message, ephemeral unless {@code response_type} is {@code in_channel}. Errors come back as Slack
 * sends them: a non-200 status with a short text body.
 */
public record ResponseUrls(Handles handles, Conversations conv) implements HttpHandler {
  public static final String PREFIX = "/response/";

  @Override
  public void handle(HttpExchange ex) throws IOException {
    try (ex) {
      byte[] raw = SimulatorHttp.body(ex);
      if (!"POST".equals(ex.getRequestMethod())) {
        SimulatorHttp.text(ex, 405, "method_not_allowed");
        return;
      }
      String id = ex.getRequestURI().getPath().substring(PREFIX.length());
      ResponseTarget target;
      try {
        target = handles.useResponseUrl(id);
      } catch (SlackError e) {
        SimulatorHttp.text(ex, 404, e.code());
        return;
      }
      JsonNode body;
      try {
        body = parse(raw, SimulatorHttp.contentType(ex));
      } catch (IOException e) {
        SimulatorHttp.text(ex, 400, "invalid_payload");
        return;
      }
      try {
        apply(target, body);
        SimulatorHttp.json(ex, 200, SlackJson.ok());
      } catch (SlackError e) {
        SimulatorHttp.text(ex, e.code().equals("channel_not_found") ? 404 : 400, e.code());
      }
    }
  }

  /** Posts, replaces or deletes as the reply asks. */
  public void apply(ResponseTarget target, JsonNode body) {
    String original = handles.original(target);
    if (body.path("delete_original").asBoolean(false)) {
      if (original != null) {
        conv.delete(target.channel, original);
        handles.forgetOriginal(target);
      }
      return;
    }
    ArrayNode blocks = blocks(body);
    String text = body.path("text").asText("");
    if (text.isEmpty() && blocks.isEmpty()) {
      throw new SlackError("no_text");
    }
    if (body.path("replace_original").asBoolean(false) && original != null
        && conv.find(target.channel, original).isPresent()) {
      conv.replace(target.channel, original, m -> m.withContent(text, blocks));
      return;
    }
    boolean inChannel = "in_channel".equals(body.path("response_type").asText());
    String thread = threadOf(target, original, body);
    SimMessage m = conv.post(target.channel, Team.BOT_USER_ID, true, text, blocks, thread,
        inChannel ? null : target.user, JsonNodeFactory.instance.arrayNode());
    if (target.kind == ResponseTarget.Kind.COMMAND) {
      handles.posted(target, m.ts());
    }
  }

  /** A reply stays in the thread of the message acted on unless it names another. */
  private @Nullable String threadOf(ResponseTarget target, @Nullable String original, JsonNode body) {
    String given = body.path("thread_ts").asText("");
    if (!given.isEmpty()) {
      return given;
    }
    if (target.kind == ResponseTarget.Kind.ACTION && original != null) {
      return conv.find(target.channel, original).filter(SimMessage::isReply).map(SimMessage::threadTs).orElse(null);
    }
    return null;
  }

  private static ArrayNode blocks(JsonNode body) {
    JsonNode b = body.get("blocks");
    if (b == null || b.isNull()) {
      return JsonNodeFactory.instance.arrayNode();
    }
    if (b.isTextual()) {
      try {
        b = SimulatorHttp.JSON.readTree(b.asText());
      } catch (IOException e) {
        throw new SlackError("invalid_blocks_format");
      }
    }
    if (!(b instanceof ArrayNode arr)) {
      throw new SlackError("invalid_blocks_format");
    }
    List<String> problems = BlockKitCheck.message(arr);
    if (!problems.isEmpty()) {
      throw new SlackError("invalid_blocks");
    }
    return Blocks.fillIds(arr.deepCopy());
  }

  private static JsonNode parse(byte[] raw, String contentType) throws IOException {
    String s = new String(raw, StandardCharsets.UTF_8);
    if (contentType.startsWith("application/x-www-form-urlencoded")) {
      Map<String, String> form = SimulatorHttp.form(s);
      s = form.getOrDefault("payload", "{}");
    }
    JsonNode n = SimulatorHttp.JSON.readTree(s);
    if (n == null || !n.isObject()) {
      throw new IOException("not a JSON object");
    }
    return n;
  }
}
