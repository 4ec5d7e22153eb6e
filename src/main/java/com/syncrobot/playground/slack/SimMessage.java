package com.syncrobot.playground.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.syncrobot.playground.slack.workspace.Blocks;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A message as the simulated workspace holds it. {@code blocks}, {@code files} and
 * {@code unfurls} are copies: changing them changes nothing in the simulator.
 *
 * @param user who posted it: a demo user, the bot's user id, or {@code USLACKBOT} for Slack's own notices
 * @param ephemeralTo the only user who sees it, or null when everyone in the channel does
 * @param edits how often it was changed after posting (chat.update, replace_original)
 * @param metadata the message metadata the bot posted it with ({@code event_type}, {@code event_payload}), or null
 */
public record SimMessage(String channel, String ts, String user, boolean fromBot, String text, JsonNode blocks,
    @Nullable String threadTs, @Nullable String ephemeralTo, int replyCount, JsonNode files, JsonNode unfurls,
    int edits, @Nullable JsonNode metadata) {
  public SimMessage {
    Objects.requireNonNull(channel, "channel == null");
    Objects.requireNonNull(ts, "ts == null");
    Objects.requireNonNull(user, "user == null");
    Objects.requireNonNull(text, "text == null");
    blocks = blocks == null ? JsonNodeFactory.instance.arrayNode() : blocks.deepCopy();
    files = files == null ? JsonNodeFactory.instance.arrayNode() : files.deepCopy();
    unfurls = unfurls == null ? JsonNodeFactory.instance.objectNode() : unfurls.deepCopy();
    metadata = metadata == null ? null : metadata.deepCopy();
  }

  /** Returns whether only {@link #ephemeralTo()} sees it. */
  public boolean isEphemeral() {
    return ephemeralTo != null;
  }

  /** Returns whether it is a reply in a thread (not the thread's parent). */
  public boolean isReply() {
    return threadTs != null && !threadTs.equals(ts);
  }

  /** Returns whether {@code userId} sees it. */
  public boolean visibleTo(String userId) {
    return ephemeralTo == null || ephemeralTo.equals(userId);
  }

  /** Returns the top-level text and every text inside the blocks, one per line, for assertions and search. */
  public String allText() {
    StringBuilder sb = new StringBuilder(text);
    collectText(blocks, sb);
    return sb.toString();
  }

  /** Returns the labels of the buttons in the blocks, in order. */
  public List<String> buttons() {
    List<String> out = new ArrayList<>();
    for (Blocks.Element el : Blocks.interactiveElements(blocks)) {
      if ("button".equals(el.type())) {
        out.add(el.element().path("text").path("text").asText());
      }
    }
    return out;
  }

  private static void collectText(JsonNode node, StringBuilder sb) {
    if (node.isObject()) {
      JsonNode t = node.get("text");
      if (t != null && t.isTextual()) {
        sb.append('\n').append(t.asText());
      }
      node.properties().forEach(e -> {
        if (!e.getKey().equals("text") || !e.getValue().isTextual()) {
          collectText(e.getValue(), sb);
        }
      });
    } else if (node.isArray()) {
      node.forEach(n -> collectText(n, sb));
    }
  }

  public SimMessage withContent(String newText, JsonNode newBlocks) {
    return new SimMessage(channel, ts, user, fromBot, newText, newBlocks, threadTs, ephemeralTo, replyCount, files,
        unfurls, edits + 1, metadata);
  }

  public SimMessage withThread(String newThreadTs, int newReplyCount) {
    return new SimMessage(channel, ts, user, fromBot, text, blocks, newThreadTs, ephemeralTo, newReplyCount, files,
        unfurls, edits, metadata);
  }

  public SimMessage withUnfurls(JsonNode newUnfurls) {
    return new SimMessage(channel, ts, user, fromBot, text, blocks, threadTs, ephemeralTo, replyCount, files,
        newUnfurls, edits, metadata);
  }
}
