package com.syncrobot.playground.slack.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.syncrobot.playground.slack.SimMessage;
import com.syncrobot.playground.slack.workspace.Channel;
import com.syncrobot.playground.slack.workspace.Conversations;
import com.syncrobot.playground.slack.workspace.SlackError;
import com.syncrobot.playground.slack.workspace.SlackJson;
import com.syncrobot.playground.slack.workspace.Team;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * conversations.history (and conversations.replies, a thread's messages) as Slack answers a bot token: the channel's messages newest first, thread
 * replies and ephemeral messages left out, between {@code oldest} and {@code latest} (exclusive unless
 * {@code inclusive}), in pages of {@code limit} (default 100, at most 999) with an opaque cursor.
 * Message metadata comes back only with {@code include_all_metadata=true}. A private channel the bot
 * is not in is {@code channel_not_found}; a public one it is not in is {@code not_in_channel} (a bot
 * reads history only where it is a member, even though chat:write.public lets it post there).
 */
public record HistoryMethods(Conversations conv) {
  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 999;
  private static final String CURSOR_PREFIX = "next_ts:";

  void register(Map<String, ApiMethod> methods) {
    methods.put("conversations.history", this::history);
    methods.put("conversations.replies", this::replies);
  }

  /**
   * conversations.replies: the thread of {@code ts}, its first message first and then the replies oldest first
   * (ephemeral ones left out), in pages of {@code limit} with an opaque cursor; {@code thread_not_found} when no
   * message has that ts. Metadata only with {@code include_all_metadata=true}.
   */
  private ObjectNode replies(ApiArgs p) {
    Channel c = conv.channel(p.required("channel")).filter(Channel::visibleToBot)
        .orElseThrow(() -> new SlackError("channel_not_found"));
    if (!c.hasMember(Team.BOT_USER_ID)) {
      throw new SlackError("not_in_channel");
    }
    String ts = p.required("ts");
    SimMessage parent = conv.find(c.id(), ts).filter(m -> !m.isEphemeral())
        .orElseThrow(() -> new SlackError("thread_not_found"));
    String root = parent.isReply() ? parent.threadTs() : parent.ts();
    List<SimMessage> all = conv.messages(c.id()).stream()
        .filter(m -> !m.isEphemeral() && (m.ts().equals(root) || m.isReply() && root.equals(m.threadTs())))
        .sorted(Comparator.comparing((SimMessage m) -> new BigDecimal(m.ts())))
        .toList();
    return page(all, p);
  }

  private ObjectNode history(ApiArgs p) {
    Channel c = conv.channel(p.required("channel")).filter(Channel::visibleToBot)
        .orElseThrow(() -> new SlackError("channel_not_found"));
    if (!c.hasMember(Team.BOT_USER_ID)) {
      throw new SlackError("not_in_channel");
    }
    BigDecimal oldest = ts(p.str("oldest"), "invalid_ts_oldest");
    BigDecimal latest = ts(p.str("latest"), "invalid_ts_latest");
    boolean inclusive = p.bool("inclusive");
    List<SimMessage> all = conv.messages(c.id()).stream()
        .filter(m -> !m.isReply() && !m.isEphemeral())
        .filter(m -> after(new BigDecimal(m.ts()), oldest, inclusive) && before(new BigDecimal(m.ts()), latest,
            inclusive))
        .sorted(Comparator.comparing((SimMessage m) -> new BigDecimal(m.ts())).reversed())
        .toList();
    return page(all, p);
  }

  /** One page of {@code all} from the cursor on, with metadata when asked for. */
  private static ObjectNode page(List<SimMessage> all, ApiArgs p) {
    int limit = limit(p.str("limit"));
    boolean metadata = p.bool("include_all_metadata");
    int from = 0;
    String cursor = p.str("cursor");
    if (cursor != null && !cursor.isBlank()) {
      String ts = fromCursor(cursor);
      from = -1;
      for (int i = 0; i < all.size(); i++) {
        if (all.get(i).ts().equals(ts)) {
          from = i;
          break;
        }
      }
      if (from < 0) {
        throw new SlackError("invalid_cursor");
      }
    }
    int to = Math.min(all.size(), from + limit);
    ObjectNode r = SlackJson.ok();
    ArrayNode page = r.putArray("messages");
    for (SimMessage m : all.subList(from, to)) {
      ObjectNode o = SlackJson.message(m);
      if (metadata && m.metadata() != null) {
        o.set("metadata", m.metadata());
      }
      page.add(o);
    }
    boolean more = to < all.size();
    r.put("has_more", more).put("pin_count", 0);
    if (more) {
      r.putObject("response_metadata").put("next_cursor", toCursor(all.get(to).ts()));
    }
    return r;
  }

  private static @Nullable BigDecimal ts(@Nullable String given, String badCode) {
    if (given == null || given.isBlank()) {
      return null;
    }
    try {
      return new BigDecimal(given.strip());
    } catch (NumberFormatException e) {
      throw new SlackError(badCode);
    }
  }

  private static boolean after(BigDecimal ts, @Nullable BigDecimal oldest, boolean inclusive) {
    return oldest == null || (inclusive ? ts.compareTo(oldest) >= 0 : ts.compareTo(oldest) > 0);
  }

  private static boolean before(BigDecimal ts, @Nullable BigDecimal latest, boolean inclusive) {
    return latest == null || (inclusive ? ts.compareTo(latest) <= 0 : ts.compareTo(latest) < 0);
  }

  /** Slack takes up to 999 and answers fewer than asked for more; a non-number is refused. */
  private static int limit(@Nullable String given) {
    if (given == null || given.isBlank()) {
      return DEFAULT_LIMIT;
    }
    try {
      int n = Integer.parseInt(given.strip());
      return n < 1 ? DEFAULT_LIMIT : Math.min(n, MAX_LIMIT);
    } catch (NumberFormatException e) {
      throw new SlackError("invalid_limit");
    }
  }

  /** Slack's cursors are opaque base64; this one names the first message of the next page. */
  private static String toCursor(String ts) {
    return Base64.getEncoder().encodeToString((CURSOR_PREFIX + ts).getBytes(StandardCharsets.UTF_8));
  }

  private static String fromCursor(String cursor) {
    try {
      String s = new String(Base64.getDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
      if (s.startsWith(CURSOR_PREFIX)) {
        return s.substring(CURSOR_PREFIX.length());
      }
    } catch (IllegalArgumentException e) {
      // Not base64: the same answer as a well-formed cursor Slack never gave.
    }
    throw new SlackError("invalid_cursor");
  }
}
