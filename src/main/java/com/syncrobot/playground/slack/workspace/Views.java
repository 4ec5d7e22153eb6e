package com.syncrobot.playground.slack.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Each user's modal stack (at most three views, the top first) and Home tab, with Slack's view
 * ids, hashes and rules: {@code push_limit_reached}, {@code hash_conflict}, {@code not_found}.
 * Thread-safe; every change bumps {@link Changes}.
 */
public final class Views {
  static final int MAX_STACK = 3;

  private final Changes changes;
  private final Map<String, Deque<StoredView>> stacks = new HashMap<>();
  private final Map<String, StoredView> homes = new HashMap<>();
  private long counter;

  public Views(Changes changes) {
    this.changes = changes;
  }

  /** Opens {@code view} as the user's only modal, replacing any stack. */
  public synchronized ObjectNode open(String user, ObjectNode view) {
    requireType(view, "modal");
    Deque<StoredView> stack = new ArrayDeque<>();
    String id = nextId();
    stack.push(new StoredView(id, user, full(view, id, id, null), Map.of(), null));
    stacks.put(user, stack);
    changes.bump();
    return stack.peek().view().deepCopy();
  }

  /** Pushes {@code view} on the user's open modal. */
  public synchronized ObjectNode push(String user, ObjectNode view) {
    requireType(view, "modal");
    Deque<StoredView> stack = stacks.get(user);
    if (stack == null || stack.isEmpty()) {
      throw new SlackError("not_found");
    }
    if (stack.size() >= MAX_STACK) {
      throw new SlackError("push_limit_reached");
    }
    String id = nextId();
    String root = stack.peekLast().id();
    stack.push(new StoredView(id, user, full(view, id, root, stack.peek().id()), Map.of(), null));
    changes.bump();
    return stack.peek().view().deepCopy();
  }

  /**
   * Replaces the view {@code viewId} (or the one with {@code externalId}) by {@code view}, keeping
   * its id; a {@code hash} that is not the current one is a conflict.
   */
  public synchronized ObjectNode update(@Nullable String viewId, @Nullable String externalId, @Nullable String hash,
      ObjectNode view) {
    for (Deque<StoredView> stack : stacks.values()) {
      List<StoredView> list = new ArrayList<>(stack);
      for (int i = 0; i < list.size(); i++) {
        StoredView old = list.get(i);
        if (matches(old, viewId, externalId)) {
          requireType(view, "modal");
          StoredView updated = replaced(old, hash, view);
          list.set(i, updated);
          stack.clear();
          stack.addAll(list);
          changes.bump();
          return updated.view().deepCopy();
        }
      }
    }
    for (Map.Entry<String, StoredView> e : homes.entrySet()) {
      if (matches(e.getValue(), viewId, externalId)) {
        requireType(view, "home");
        StoredView updated = replaced(e.getValue(), hash, view);
        e.setValue(updated);
        changes.bump();
        return updated.view().deepCopy();
      }
    }
    throw new SlackError("not_found");
  }

  /** Publishes the user's Home tab. */
  public synchronized ObjectNode publish(String user, ObjectNode view, @Nullable String hash) {
    requireType(view, "home");
    StoredView old = homes.get(user);
    StoredView updated;
    if (old == null) {
      String id = nextId();
      updated = new StoredView(id, user, full(view, id, id, null), Map.of(), null);
    } else {
      updated = replaced(old, hash, view);
    }
    homes.put(user, updated);
    changes.bump();
    return updated.view().deepCopy();
  }

  public synchronized Optional<StoredView> top(String user) {
    Deque<StoredView> stack = stacks.get(user);
    return stack == null ? Optional.empty() : Optional.ofNullable(stack.peek());
  }

  public synchronized int depth(String user) {
    Deque<StoredView> stack = stacks.get(user);
    return stack == null ? 0 : stack.size();
  }

  public synchronized Optional<StoredView> home(String user) {
    return Optional.ofNullable(homes.get(user));
  }

  /** Finds a modal or Home view by id. */
  public synchronized Optional<StoredView> find(String viewId) {
    for (Deque<StoredView> stack : stacks.values()) {
      for (StoredView v : stack) {
        if (v.id().equals(viewId)) {
          return Optional.of(v);
        }
      }
    }
    return homes.values().stream().filter(v -> v.id().equals(viewId)).findFirst();
  }

  /** Removes the top modal of the user; returns it. */
  public synchronized Optional<StoredView> pop(String user) {
    Deque<StoredView> stack = stacks.get(user);
    if (stack == null || stack.isEmpty()) {
      return Optional.empty();
    }
    StoredView top = stack.pop();
    changes.bump();
    return Optional.of(top);
  }

  /** Removes every modal of the user; returns them, top first. */
  public synchronized List<StoredView> clear(String user) {
    Deque<StoredView> stack = stacks.remove(user);
    if (stack == null) {
      return List.of();
    }
    changes.bump();
    return new ArrayList<>(stack);
  }

  /** Sets the per-field errors of the user's top modal when it is still {@code viewId}. */
  public synchronized void errors(String user, String viewId, Map<String, String> errors) {
    changeTop(user, viewId, v -> v.withErrors(errors));
  }

  /** Sets the banner problem of the user's top modal when it is still {@code viewId}. */
  public synchronized void problem(String user, String viewId, @Nullable String problem) {
    changeTop(user, viewId, v -> v.withProblem(problem));
  }

  private void changeTop(String user, String viewId, java.util.function.UnaryOperator<StoredView> change) {
    Deque<StoredView> stack = stacks.get(user);
    if (stack != null && !stack.isEmpty() && stack.peek().id().equals(viewId)) {
      stack.push(change.apply(stack.pop()));
      changes.bump();
    }
  }

  private StoredView replaced(StoredView old, @Nullable String hash, ObjectNode view) {
    if (hash != null && !hash.isEmpty() && !hash.equals(old.view().path("hash").asText())) {
      throw new SlackError("hash_conflict");
    }
    JsonNode root = old.view().get("root_view_id");
    JsonNode previous = old.view().get("previous_view_id");
    ObjectNode v = full(view, old.id(), root == null || root.isNull() ? old.id() : root.asText(),
        previous == null || previous.isNull() ? null : previous.asText());
    return new StoredView(old.id(), old.user(), v, Map.of(), null);
  }

  private static boolean matches(StoredView v, @Nullable String viewId, @Nullable String externalId) {
    if (viewId != null && !viewId.isEmpty()) {
      return v.id().equals(viewId);
    }
    return externalId != null && !externalId.isEmpty() && externalId.equals(v.view().path("external_id").asText());
  }

  private static void requireType(ObjectNode view, String type) {
    if (!type.equals(view.path("type").asText())) {
      throw SlackError.withMessages("invalid_arguments",
          List.of("must be " + type + " here [json-pointer:/view/type]"));
    }
  }

  /** Returns the view as Slack stores and returns it: ids, hash, empty state and defaults filled. */
  private ObjectNode full(ObjectNode given, String id, String rootId, @Nullable String previousId) {
    ObjectNode v = given.deepCopy();
    v.put("id", id);
    v.put("team_id", Team.TEAM_ID);
    v.put("app_id", Team.APP_ID);
    v.put("bot_id", Team.BOT_ID);
    v.put("app_installed_team_id", Team.TEAM_ID);
    v.put("hash", (++counter) + "." + Long.toString(Math.abs((id + counter).hashCode()), 36));
    v.putObject("state").putObject("values");
    for (String field : List.of("private_metadata", "callback_id", "external_id")) {
      if (!v.hasNonNull(field)) {
        v.put(field, "");
      }
    }
    if (!v.has("clear_on_close")) {
      v.put("clear_on_close", false);
    }
    if (!v.has("notify_on_close")) {
      v.put("notify_on_close", false);
    }
    v.put("root_view_id", rootId);
    if (previousId == null) {
      v.putNull("previous_view_id");
    } else {
      v.put("previous_view_id", previousId);
    }
    if (!(v.get("blocks") instanceof ArrayNode)) {
      v.putArray("blocks");
    }
    Blocks.fillIds((ArrayNode) v.get("blocks"));
    return v;
  }

  private String nextId() {
    return "V" + String.format("%08d", ++counter);
  }
}
