package com.syncrobot.playground.slack.user;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.syncrobot.playground.slack.BotAck;
import com.syncrobot.playground.slack.web.SimulatorHttp;
import com.syncrobot.playground.slack.workspace.Changes;
import com.syncrobot.playground.slack.workspace.Where;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The browser side: the page and its static files at {@code /} and {@code /static/}, the
 * long-polled state at {@code GET /sim/state?user=U&since=N}, and one JSON POST per user gesture
 * under {@code /sim/}. POSTs must be {@code application/json}, so another site cannot drive the
 * simulator from a browser without a CORS preflight, which this server never grants.
 */
public record PageApi(Changes changes, Snapshot snapshot, UserActions actions, ModalActions modals)
    implements HttpHandler {
  /** How long a state request waits for a change before answering with the same version. */
  static final Duration LONG_POLL = Duration.ofSeconds(20);
  private static final Logger log = LoggerFactory.getLogger(PageApi.class);
  private static final Map<String, String> STATIC = Map.of(
      "/", "slack.html", "/index.html", "slack.html",
      "/static/slack.js", "slack.js", "/static/slack.css", "slack.css");

  @Override
  public void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getPath();
      String method = ex.getRequestMethod();
      if (method.equals("GET") && STATIC.containsKey(path)) {
        serveStatic(ex, STATIC.get(path));
      } else if (method.equals("GET") && path.equals("/sim/state")) {
        state(ex);
      } else if (method.equals("POST") && path.startsWith("/sim/")) {
        gesture(ex, path.substring("/sim/".length()));
      } else {
        SimulatorHttp.text(ex, 404, "not found");
      }
    }
  }

  private void state(HttpExchange ex) throws IOException {
    Map<String, String> q = SimulatorHttp.query(ex);
    String user = q.getOrDefault("user", "");
    long since;
    try {
      since = Long.parseLong(q.getOrDefault("since", "-1"));
    } catch (NumberFormatException e) {
      since = -1;
    }
    long version;
    try {
      version = changes.awaitAfter(since, LONG_POLL);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      version = changes.version();
    }
    try {
      SimulatorHttp.json(ex, 200, snapshot.of(user, version));
    } catch (IllegalArgumentException e) {
      SimulatorHttp.json(ex, 400, error(e.getMessage()));
    }
  }

  private void gesture(HttpExchange ex, String what) throws IOException {
    byte[] body = SimulatorHttp.body(ex);
    if (!SimulatorHttp.contentType(ex).startsWith("application/json")) {
      SimulatorHttp.text(ex, 415, "application/json only");
      return;
    }
    JsonNode req;
    try {
      req = SimulatorHttp.JSON.readTree(body);
    } catch (IOException e) {
      SimulatorHttp.json(ex, 400, error("not JSON"));
      return;
    }
    try {
      SimulatorHttp.json(ex, 200, run(what, req));
    } catch (IllegalArgumentException e) {
      SimulatorHttp.json(ex, 400, error(e.getMessage()));
    } catch (RuntimeException e) {
      log.error("Playground gesture {} failed inside the simulator", what, e);
      SimulatorHttp.json(ex, 500, error("the simulator failed; see its log"));
    }
  }

  private ObjectNode run(String what, JsonNode req) {
    String user = text(req, "user");
    ObjectNode out = JsonNodeFactory.instance.objectNode().put("ok", true);
    BotAck ack = switch (what) {
      case "send" -> send(user, req, out);
      case "action" -> {
        JsonNode raw = req.has("value") ? req.get("value") : null;
        String blockId = text(req, "block_id");
        String actionId = text(req, "action_id");
        yield req.hasNonNull("view_id")
            ? modals.act(user, text(req, "view_id"), blockId, actionId, raw, entered(req))
            : actions.actOnMessage(user, text(req, "channel"), text(req, "ts"), blockId, actionId, raw);
      }
      case "suggest" -> {
        Where where = req.hasNonNull("view_id") ? new Where.OnView(text(req, "view_id"))
            : new Where.OnMessage(text(req, "channel"), text(req, "ts"));
        out.set("suggestions", modals.suggest(user, where, text(req, "block_id"), text(req, "action_id"),
            req.path("value").asText("")));
        yield null;
      }
      case "submit" -> modals.submit(user, req.hasNonNull("view_id") ? req.get("view_id").asText() : null,
          entered(req));
      case "close" -> modals.close(user, req.path("all").asBoolean(false));
      case "shortcut" -> actions.shortcut(user, text(req, "channel"), text(req, "ts"), text(req, "callback_id"));
      case "home" -> actions.openHome(user);
      default -> throw new IllegalArgumentException("unknown gesture " + what);
    };
    if (ack != null) {
      out.putObject("ack").put("status", ack.status()).put("failure", ack.failure());
    }
    return out;
  }

  private @Nullable BotAck send(String user, JsonNode req, ObjectNode out) {
    String text = req.path("text").asText("");
    String channel = text(req, "channel");
    String thread = req.hasNonNull("thread_ts") ? req.get("thread_ts").asText() : null;
    if (text.isBlank()) {
      throw new IllegalArgumentException("nothing to send");
    }
    if (text.strip().startsWith("/") && thread == null) {
      return actions.slashCommand(user, channel, text);
    }
    out.put("ts", actions.say(user, channel, text, thread).ts());
    return null;
  }

  private static Map<String, Map<String, JsonNode>> entered(JsonNode req) {
    Map<String, Map<String, JsonNode>> out = new LinkedHashMap<>();
    req.path("values").properties().forEach(b -> {
      Map<String, JsonNode> actions = new LinkedHashMap<>();
      b.getValue().properties().forEach(a -> actions.put(a.getKey(), a.getValue()));
      out.put(b.getKey(), actions);
    });
    return out;
  }

  private static String text(JsonNode req, String field) {
    JsonNode v = req.get(field);
    if (v == null || v.isNull() || v.asText().isEmpty()) {
      throw new IllegalArgumentException("missing " + field);
    }
    return v.asText();
  }

  private static ObjectNode error(@Nullable String message) {
    return JsonNodeFactory.instance.objectNode().put("ok", false).put("error", String.valueOf(message));
  }

  private static void serveStatic(HttpExchange ex, String name) throws IOException {
    try (InputStream in = PageApi.class.getResourceAsStream("/playground/" + name)) {
      if (in == null) {
        SimulatorHttp.text(ex, 404, "missing resource " + name);
        return;
      }
      String type = name.endsWith(".html") ? "text/html; charset=utf-8"
          : name.endsWith(".js") ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8";
      SimulatorHttp.send(ex, 200, type, in.readAllBytes());
    }
  }
}
