package com.syncrobot.playground.slack.user;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.syncrobot.playground.slack.BotAck;
import com.syncrobot.playground.slack.DemoUser;
import com.syncrobot.playground.slack.SimMessage;
import com.syncrobot.playground.slack.workspace.BlockKitCheck;
import com.syncrobot.playground.slack.workspace.Blocks;
import com.syncrobot.playground.slack.workspace.Channel;
import com.syncrobot.playground.slack.workspace.SlackError;
import com.syncrobot.playground.slack.workspace.StoredView;
import com.syncrobot.playground.slack.workspace.Where;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a person does in modals and the Home tab: changing elements ({@code block_actions} with the
 * view and its state), typing into external selects ({@code block_suggestion}), submitting
 * ({@code view_submission} and the ack's {@code response_action}) and closing ({@code view_closed}
 * when the view asked for it).
 */
public final class ModalActions {
  /** What Slack shows on a modal when the app did not answer in time or failed. */
  public static final String TROUBLE = "We had some trouble connecting. Try again?";

  private final Parts parts;

  public ModalActions(Parts parts) {
    this.parts = parts;
  }

  /** Changes or clicks an element of a view; {@code entered} holds the view's current inputs. */
  BotAck act(String userId, String viewId, String blockId, String actionId, @Nullable JsonNode raw,
      Map<String, Map<String, JsonNode>> entered) {
    DemoUser u = parts.user(userId);
    StoredView v = view(userId, viewId);
    Blocks.Element e = Blocks.find(v.view().path("blocks"), blockId, actionId)
        .orElseThrow(() -> new IllegalArgumentException("view " + viewId + " has no element " + blockId + "/"
            + actionId));
    Map<String, Map<String, JsonNode>> all = copy(entered);
    if (raw != null) {
      all.computeIfAbsent(blockId, k -> new LinkedHashMap<>()).put(actionId, raw);
    }
    ObjectNode state = ViewStates.values(v.view().path("blocks"), all);
    ObjectNode action = ViewStates.action(e, raw, parts.payloads().actionTs());
    String trigger = parts.handles().newTrigger(u.id());
    ObjectNode payload = parts.payloads().actionOnView(u, v, action, state, trigger);
    BotAck ack = parts.bot().postForm(Map.of("payload", Payloads.text(payload)));
    if (!ack.ok() && !v.isHome()) {
      parts.views().problem(u.id(), v.id(), TROUBLE);
    }
    return ack;
  }

  /** Clicks the button labelled {@code label} in the user's open modal. */
  public BotAck clickButton(String userId, String label, Map<String, Map<String, JsonNode>> entered) {
    StoredView v = parts.views().top(userId)
        .orElseThrow(() -> new IllegalArgumentException("user " + userId + " has no modal open"));
    Blocks.Element e = button(v, label);
    return act(userId, v.id(), e.blockId(), e.actionId(), null, entered);
  }

  /** Clicks the button labelled {@code label} on the user's Home tab. */
  public BotAck clickHomeButton(String userId, String label) {
    StoredView v = parts.views().home(userId)
        .orElseThrow(() -> new IllegalArgumentException("user " + userId + " has no Home tab published"));
    Blocks.Element e = button(v, label);
    return act(userId, v.id(), e.blockId(), e.actionId(), null, Map.of());
  }

  private static Blocks.Element button(StoredView v, String label) {
    return Blocks.interactiveElements(v.view().path("blocks")).stream()
        .filter(x -> x.type().equals("button") && x.label().strip().equals(label.strip()))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("view " + v.id() + " has no button “" + label + "”"));
  }

  /**
   * Asks the bot for the options of an external select as the user types {@code query}; returns
   * the ack's {@code options} / {@code option_groups}, or none when the bot failed.
   */
  public ObjectNode suggest(String userId, Where where, String blockId, String actionId, String query) {
    DemoUser u = parts.user(userId);
    ObjectNode payload;
    JsonNode element;
    if (where instanceof Where.OnView onView) {
      StoredView v = view(userId, onView.viewId());
      element = Blocks.find(v.view().path("blocks"), blockId, actionId).map(Blocks.Element::element)
          .orElseThrow(() -> new IllegalArgumentException("no element " + blockId + "/" + actionId));
      payload = parts.payloads().suggestion(u, v, null, null, blockId, actionId, query);
    } else {
      Where.OnMessage onMessage = (Where.OnMessage) where;
      Channel c = parts.channelFor(userId, onMessage.channel());
      SimMessage m = parts.messageFor(userId, onMessage.channel(), onMessage.ts());
      element = Blocks.find(m.blocks(), blockId, actionId).map(Blocks.Element::element)
          .orElseThrow(() -> new IllegalArgumentException("no element " + blockId + "/" + actionId));
      payload = parts.payloads().suggestion(u, null, c, m, blockId, actionId, query);
    }
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    if (query.length() < element.path("min_query_length").asInt(3)) {
      out.putArray("options");
      return out;
    }
    BotAck ack = parts.bot().postForm(Map.of("payload", Payloads.text(payload)));
    JsonNode body = ack.ok() ? ack.json() : JsonNodeFactory.instance.objectNode();
    out.set("options", body.path("options").isArray() ? body.get("options") : JsonNodeFactory.instance.arrayNode());
    if (body.path("option_groups").isArray()) {
      out.set("option_groups", body.get("option_groups"));
    }
    return out;
  }

  /**
   * Submits the user's open modal with {@code entered} values. Empty required fields are flagged
   * without asking the bot, as Slack's client does; otherwise the ack decides what happens.
   */
  public BotAck submit(String userId, @Nullable String viewId, Map<String, Map<String, JsonNode>> entered) {
    DemoUser u = parts.user(userId);
    StoredView v = parts.views().top(userId)
        .orElseThrow(() -> new IllegalArgumentException("user " + userId + " has no modal open"));
    if (viewId != null && !viewId.equals(v.id())) {
      throw new IllegalArgumentException("view " + viewId + " is not the user's open modal " + v.id());
    }
    JsonNode blocks = v.view().path("blocks");
    ObjectNode state = ViewStates.values(blocks, entered);
    Map<String, String> clientErrors = ViewStates.clientErrors(blocks, state);
    if (!clientErrors.isEmpty()) {
      parts.views().errors(u.id(), v.id(), clientErrors);
      return new BotAck(0, "", "client_validation");
    }
    String trigger = parts.handles().newTrigger(u.id());
    BotAck ack = parts.bot().postForm(Map.of("payload", Payloads.text(parts.payloads().submission(u, v, state,
        trigger))));
    if (!ack.ok()) {
      parts.views().problem(u.id(), v.id(), TROUBLE);
      return ack;
    }
    respond(u, v, ack.json());
    return ack;
  }

  private void respond(DemoUser u, StoredView v, JsonNode body) {
    String action = body.path("response_action").asText("");
    try {
      switch (action) {
        case "" -> parts.views().pop(u.id());
        case "errors" -> errors(u, v, body.path("errors"));
        case "update" -> parts.views().update(v.id(), null, null, checked(body.path("view")));
        case "push" -> parts.views().push(u.id(), checked(body.path("view")));
        case "clear" -> parts.views().clear(u.id());
        default -> parts.views().problem(u.id(), v.id(), TROUBLE + " (unknown response_action " + action + ")");
      }
    } catch (SlackError e) {
      parts.views().problem(u.id(), v.id(), TROUBLE + " (" + e.code() + ")");
    }
  }

  /** Shows the bot's errors under their inputs; a key that names no input block is a bot bug Slack rejects. */
  private void errors(DemoUser u, StoredView v, JsonNode errors) {
    Set<String> inputs = new HashSet<>();
    v.view().path("blocks").forEach(b -> {
      if (b.path("type").asText().equals("input")) {
        inputs.add(b.path("block_id").asText());
      }
    });
    Map<String, String> shown = new LinkedHashMap<>();
    errors.properties().forEach(e -> shown.put(e.getKey(), e.getValue().asText()));
    if (shown.isEmpty() || !inputs.containsAll(shown.keySet())) {
      parts.views().problem(u.id(), v.id(), TROUBLE + " (errors for blocks that are not inputs: "
          + shown.keySet().stream().filter(k -> !inputs.contains(k)).toList() + ")");
      return;
    }
    parts.views().errors(u.id(), v.id(), shown);
  }

  private static ObjectNode checked(JsonNode view) {
    if (!(view instanceof ObjectNode o)) {
      throw new SlackError("invalid_arguments");
    }
    List<String> problems = BlockKitCheck.view(o);
    if (!problems.isEmpty()) {
      throw SlackError.withMessages("invalid_arguments", problems);
    }
    return o;
  }

  /**
   * Closes the user's top modal ({@code all}: the whole stack, as the × does); sends
   * {@code view_closed} when the view set {@code notify_on_close}.
   */
  public @Nullable BotAck close(String userId, boolean all) {
    DemoUser u = parts.user(userId);
    List<StoredView> closed = all ? parts.views().clear(u.id()) : parts.views().pop(u.id()).stream().toList();
    if (closed.isEmpty() || !closed.get(0).view().path("notify_on_close").asBoolean(false)) {
      return null;
    }
    ObjectNode payload = parts.payloads().closed(u, closed.get(0), all && closed.size() > 1);
    return parts.bot().postForm(Map.of("payload", Payloads.text(payload)));
  }

  private StoredView view(String userId, String viewId) {
    return parts.views().find(viewId).filter(v -> v.user().equals(userId))
        .orElseThrow(() -> new IllegalArgumentException("user " + userId + " has no view " + viewId));
  }

  private static Map<String, Map<String, JsonNode>> copy(Map<String, Map<String, JsonNode>> in) {
    Map<String, Map<String, JsonNode>> out = new LinkedHashMap<>();
    in.forEach((k, v) -> out.put(k, new LinkedHashMap<>(v)));
    return out;
  }
}
