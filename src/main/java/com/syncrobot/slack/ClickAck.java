package com.syncrobot.slack;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.slack.api.bolt.request.Request;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Lets the HTTP transport answer a click (a {@code block_actions} request) before Bolt parses it. Slack ignores
 * what a click's ack says beyond "200", and Bolt 1.51.0 parses each click with a new Gson that reflects the
 * whole payload class tree again (a fifth of the CPU the bot spends answering Slack, measured in a burst), so a click Slack signed, arriving while
 * the bot takes work, is answered at once and handled right after (on a click thread of the transport). The handling is
 * unchanged: the redelivery filter and the atomic confirm still make a click count once. Thread-safe.
 */
public final class ClickAck {
  private static final String ACKED = "syncro-bot.acked";
  private static final String PAYLOAD = "payload=";
  private static final JsonFactory JSON = new JsonFactory();

  private final SlackSignatureCheck signatures;
  private final BooleanSupplier stopping;

  /**
   * Checks clicks against {@code signingSecret} (none: every click goes through Bolt, which refuses it) at the time
   * of {@code clock}; while {@code stopping} says so, clicks go through Bolt, which answers that the bot restarts.
   */
  public ClickAck(@Nullable String signingSecret, Clock clock, BooleanSupplier stopping) {
    this.signatures = new SlackSignatureCheck(signingSecret, clock);
    this.stopping = Objects.requireNonNull(stopping, "stopping == null");
  }

  /**
   * Returns whether {@code body} (with Slack's {@code timestamp} and {@code signature} headers) is a click to
   * answer 200 at once: a {@code block_actions} payload, signed by Slack, while the bot is not stopping.
   * Anything else goes through Bolt as usual, which answers it (401, 503, …).
   */
  public boolean answerAtOnce(String body, @Nullable String timestamp, @Nullable String signature) {
    return isClick(body) && !stopping.getAsBoolean() && signatures.isValid(timestamp, signature, body);
  }

  /** Marks {@code request} as answered already, so the restart check and the ack timer let it be. */
  public static void markAnswered(Request<?> request) {
    request.getContext().getAdditionalValues().put(ACKED, "true");
  }

  /** Returns whether the transport answered {@code request} before handing it to Bolt. */
  static boolean answered(Request<?> request) {
    return request.getContext() != null && "true".equals(request.getContext().getAdditionalValues().get(ACKED));
  }

  /** Returns whether {@code body} is the form Slack posts for a click: {@code payload=} a block_actions JSON. */
  static boolean isClick(String body) {
    if (!body.startsWith(PAYLOAD) || body.indexOf('&') >= 0) {
      return false;
    }
    String json;
    try {
      json = URLDecoder.decode(body.substring(PAYLOAD.length()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return false;
    }
    return "block_actions".equals(topLevelType(json));
  }

  /** Reads the payload's top-level {@code type}, skipping the rest unparsed; null when there is none. */
  private static @Nullable String topLevelType(String json) {
    try (JsonParser p = JSON.createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if ("type".equals(name)) {
          return value == JsonToken.VALUE_STRING ? p.getText() : null;
        }
        p.skipChildren();
      }
      return null;
    } catch (IOException e) {
      return null;
    }
  }
}
