package com.syncrobot.playground.slack.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.syncrobot.playground.slack.SimMessage;
import com.syncrobot.playground.slack.workspace.BlockKitCheck;
import com.syncrobot.playground.slack.workspace.Channel;
import com.syncrobot.playground.slack.workspace.Conversations;
import com.syncrobot.playground.slack.workspace.SlackError;
import com.syncrobot.playground.slack.workspace.SlackJson;
import com.syncrobot.playground.slack.workspace.Team;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** The chat.* methods: post, update, ephemeral, delete, unfurl and permalink, with Slack's checks and errors. */
public record ChatMethods(Conversations conv, Supplier<String> baseUrl) {
  /** Slack truncates longer text; it refuses a message far beyond it. */
  static final int MAX_TEXT = 40_000;

  void register(Map<String, ApiMethod> methods) {
    methods.put("chat.postMessage", this::postMessage);
    methods.put("chat.postEphemeral", this::postEphemeral);
    methods.put("chat.update", this::update);
    methods.put("chat.delete", this::delete);
    methods.put("chat.unfurl", this::unfurl);
    methods.put("chat.getPermalink", this::permalink);
  }

  private ObjectNode postMessage(ApiArgs p) {
    Channel ch = channel(p);
    ArrayNode blocks = p.blocks().orElseGet(JsonNodeFactory.instance::arrayNode);
    String text = text(p, blocks);
    JsonNode metadata = metadata(p);
    SimMessage m = conv.post(ch.id(), Team.BOT_USER_ID, true, text, blocks, threadTs(p), null,
        JsonNodeFactory.instance.arrayNode(), metadata);
    ObjectNode r = SlackJson.ok().put("channel", ch.id()).put("ts", m.ts());
    r.set("message", SlackJson.message(m));
    return r;
  }

  private ObjectNode postEphemeral(ApiArgs p) {
    Channel ch = channel(p);
    String user = p.required("user");
    if (!ch.hasMember(user)) {
      throw new SlackError("user_not_in_channel");
    }
    ArrayNode blocks = p.blocks().orElseGet(JsonNodeFactory.instance::arrayNode);
    String text = text(p, blocks);
    SimMessage m = conv.post(ch.id(), Team.BOT_USER_ID, true, text, blocks, threadTs(p), user,
        JsonNodeFactory.instance.arrayNode());
    return SlackJson.ok().put("message_ts", m.ts());
  }

  private ObjectNode update(ApiArgs p) {
    Channel ch = channel(p);
    String ts = p.required("ts");
    SimMessage old = conv.find(ch.id(), ts).filter(m -> !m.isEphemeral())
        .orElseThrow(() -> new SlackError("message_not_found"));
    if (!old.fromBot()) {
      throw new SlackError("cant_update_message");
    }
    Optional<ArrayNode> blocks = p.blocks();
    JsonNode newBlocks = blocks.isPresent() ? blocks.get() : old.blocks();
    String text = p.has("text") ? p.str("text", "") : old.text();
    if (text.isEmpty() && newBlocks.isEmpty()) {
      throw new SlackError("no_text");
    }
    if (text.length() > MAX_TEXT) {
      throw new SlackError("msg_too_long");
    }
    SimMessage m = conv.replace(ch.id(), ts, x -> x.withContent(text, newBlocks)).orElseThrow();
    ObjectNode r = SlackJson.ok().put("channel", ch.id()).put("ts", ts).put("text", m.text());
    r.set("message", SlackJson.message(m));
    return r;
  }

  private ObjectNode delete(ApiArgs p) {
    Channel ch = channel(p);
    String ts = p.required("ts");
    SimMessage old = conv.find(ch.id(), ts).orElseThrow(() -> new SlackError("message_not_found"));
    if (!old.fromBot()) {
      throw new SlackError("cant_delete_message");
    }
    conv.delete(ch.id(), ts);
    return SlackJson.ok().put("channel", ch.id()).put("ts", ts);
  }

  /** Attaches unfurls to the message named by channel+ts or by the unfurl_id of its link_shared event. */
  private ObjectNode unfurl(ApiArgs p) {
    String channel;
    String ts;
    String unfurlId = p.str("unfurl_id");
    if (unfurlId != null && !unfurlId.isBlank()) {
      String[] parts = unfurlId.split(":", 2);
      if (parts.length != 2) {
        throw new SlackError("cannot_find_message");
      }
      channel = parts[0];
      ts = parts[1];
    } else {
      channel = channel(p).id();
      ts = p.required("ts");
    }
    JsonNode unfurls = p.json("unfurls", "invalid_unfurls_format")
        .filter(JsonNode::isObject)
        .orElseThrow(() -> new SlackError("invalid_unfurls_format"));
    for (JsonNode u : unfurls) {
      if (u.has("blocks")) {
        List<String> problems = BlockKitCheck.message(u.get("blocks"));
        if (!problems.isEmpty()) {
          throw SlackError.withMessages("invalid_unfurls_format", problems);
        }
      }
    }
    if (conv.find(channel, ts).isEmpty()) {
      throw new SlackError("cannot_find_message");
    }
    conv.replace(channel, ts, m -> {
      ObjectNode merged = m.unfurls().deepCopy();
      merged.setAll((ObjectNode) unfurls);
      return m.withUnfurls(merged);
    });
    return SlackJson.ok();
  }

  private ObjectNode permalink(ApiArgs p) {
    Channel ch = channel(p);
    String ts = p.required("message_ts");
    if (conv.find(ch.id(), ts).isEmpty()) {
      throw new SlackError("message_not_found");
    }
    return SlackJson.ok().put("channel", ch.id())
        .put("permalink", baseUrl.get() + "/#" + ch.id() + "/p" + ts.replace(".", ""));
  }

  private Channel channel(ApiArgs p) {
    String ref = p.str("channel", p.str("channel_id", ""));
    // chat:write.public reaches every public channel; a private one only when the bot was invited.
    return conv.resolve(ref).filter(Channel::visibleToBot).orElseThrow(() -> new SlackError("channel_not_found"));
  }

  /**
   * The {@code metadata} argument: an object with a non-blank {@code event_type} and an object
   * {@code event_payload}; null when absent.
   */
  private static @Nullable JsonNode metadata(ApiArgs p) {
    Optional<JsonNode> given = p.json("metadata", "invalid_metadata_format");
    if (given.isEmpty()) {
      return null;
    }
    JsonNode m = given.get();
    if (!m.isObject()) {
      throw new SlackError("invalid_metadata_format");
    }
    if (!m.path("event_type").isTextual() || m.path("event_type").asText().isBlank()
        || !m.path("event_payload").isObject()) {
      throw new SlackError("invalid_metadata_schema");
    }
    ObjectNode kept = JsonNodeFactory.instance.objectNode();
    kept.put("event_type", m.get("event_type").asText());
    kept.set("event_payload", m.get("event_payload"));
    return kept;
  }

  private static @Nullable String threadTs(ApiArgs p) {
    String t = p.str("thread_ts");
    return t == null || t.isBlank() ? null : t;
  }

  private static String text(ApiArgs p, ArrayNode blocks) {
    String text = p.str("text", "");
    if (text.isEmpty() && blocks.isEmpty() && !p.has("attachments")) {
      throw new SlackError("no_text");
    }
    if (text.length() > MAX_TEXT) {
      throw new SlackError("msg_too_long");
    }
    return text;
  }
}
