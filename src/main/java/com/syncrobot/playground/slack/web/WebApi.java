package com.syncrobot.playground.slack.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.syncrobot.playground.slack.ApiCall;
import com.syncrobot.playground.slack.workspace.SlackError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack's Web API at {@code /api/<method>}: takes form, JSON or multipart arguments, checks the
 * bot token (header {@code Authorization: Bearer} or a {@code token} argument), dispatches, and
 * answers HTTP 200 with {@code ok} true or false as Slack does. Records every call without its
 * token. Thread-safe.
 */
public final class WebApi implements HttpHandler {
  public static final String PREFIX = "/api/";
  /** Enough for a long benchmark; the oldest calls go first. */
  static final int MAX_LOGGED_CALLS = 20_000;
  private static final Logger log = LoggerFactory.getLogger(WebApi.class);

  private final Map<String, ApiMethod> methods = new HashMap<>();
  private final byte[] token;
  private final Deque<ApiCall> calls = new ArrayDeque<>();

  public WebApi(String botToken, ChatMethods chat, ViewMethods views, InfoMethods info, FileMethods files,
      HistoryMethods history) {
    this.token = botToken.getBytes(StandardCharsets.UTF_8);
    chat.register(methods);
    history.register(methods);
    views.register(methods);
    info.register(methods);
    files.register(methods);
  }

  @Override
  public void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String name = ex.getRequestURI().getPath().substring(PREFIX.length());
      ApiArgs params;
      try {
        params = params(ex);
      } catch (IOException | RuntimeException e) {
        SimulatorHttp.json(ex, 200, new SlackError("invalid_form_data").toJson());
        return;
      }
      ObjectNode answer = answer(name, ex.getRequestHeaders().getFirst("Authorization"), params);
      record(new ApiCall(name, params.withoutToken(), answer));
      SimulatorHttp.json(ex, 200, answer);
    }
  }

  private ObjectNode answer(String name, @Nullable String authorization, ApiArgs params) {
    String given = authorization != null && authorization.startsWith("Bearer ")
        ? authorization.substring("Bearer ".length()).strip()
        : params.str("token");
    if (given == null || given.isEmpty()) {
      return new SlackError("not_authed").toJson();
    }
    if (!MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8))) {
      return new SlackError("invalid_auth").toJson();
    }
    ApiMethod m = methods.get(name);
    if (m == null) {
      return new SlackError("unknown_method").toJson();
    }
    try {
      return m.call(params);
    } catch (SlackError e) {
      return e.toJson();
    } catch (RuntimeException e) {
      // A simulator bug, not the bot's: say so in the answer and the log, but keep serving.
      log.error("Web API method {} failed inside the simulator", name, e);
      return new SlackError("internal_error").toJson();
    }
  }

  private static ApiArgs params(HttpExchange ex) throws IOException {
    byte[] body = SimulatorHttp.body(ex);
    String ct = SimulatorHttp.contentType(ex);
    ObjectNode values = JsonNodeFactory.instance.objectNode();
    SimulatorHttp.query(ex).forEach(values::put);
    Map<String, Multipart.Part> files = new HashMap<>();
    if (ct.startsWith("application/json")) {
      JsonNode json = body.length == 0 ? values : SimulatorHttp.JSON.readTree(body);
      if (!(json instanceof ObjectNode o)) {
        throw new IOException("JSON body is not an object");
      }
      values.setAll(o);
    } else if (ct.startsWith("multipart/form-data")) {
      String boundary = Multipart.boundary(ct).orElseThrow(() -> new IOException("no multipart boundary"));
      for (Multipart.Part part : Multipart.parse(body, boundary)) {
        if (part.filename() != null) {
          files.put(part.name(), part);
        } else {
          values.put(part.name(), part.text());
        }
      }
    } else {
      SimulatorHttp.form(new String(body, StandardCharsets.UTF_8)).forEach(values::put);
    }
    return new ApiArgs(values, files);
  }

  private synchronized void record(ApiCall call) {
    calls.addLast(call);
    while (calls.size() > MAX_LOGGED_CALLS) {
      calls.removeFirst();
    }
  }

  public synchronized List<ApiCall> calls() {
    return List.copyOf(calls);
  }
}
