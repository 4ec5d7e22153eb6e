package com.syncrobot.playground.slack.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.syncrobot.playground.slack.DemoUser;
import com.syncrobot.playground.slack.SimMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The workspace's people, channels and messages: {@code #support} and {@code #billing} (everyone and
 * the bot in them), the bot's direct-message channel with each demo user, and channels a test creates. Message timestamps are unique and increasing, like
 * Slack's {@code ts}. Thread-safe; every change bumps {@link Changes}.
 */
public final class Conversations {
  private final Clock clock;
  private final Changes changes;
  private final Map<String, DemoUser> users = new LinkedHashMap<>();
  private final Map<String, Channel> channels = new LinkedHashMap<>();
  private final Map<String, LinkedHashMap<String, SimMessage>> messages = new LinkedHashMap<>();
  private long lastMicros;

  public Conversations(List<DemoUser> demoUsers, Clock clock, Changes changes) {
    this.clock = clock;
    this.changes = changes;
    if (demoUsers.isEmpty()) {
      throw new IllegalArgumentException("the workspace needs at least one demo user");
    }
    for (DemoUser u : demoUsers) {
      if (users.put(u.id(), u) != null) {
        throw new IllegalArgumentException("duplicate demo user id: " + u.id());
      }
    }
    List<String> everyone = new ArrayList<>(users.keySet());
    everyone.add(Team.BOT_USER_ID);
    add(new Channel(Team.SUPPORT, "support", null, false, false, new LinkedHashSet<>(everyone)));
    add(new Channel(Team.BILLING, "billing", null, false, false, new LinkedHashSet<>(everyone)));
    for (DemoUser u : demoUsers) {
      add(Channel.im(Team.dmId(u.id()), u.name(), u.id()));
    }
  }

  /**
   * Creates a channel; {@code members} may hold any user ids (a big channel's), the bot's included.
   *
   * @throws IllegalArgumentException when the id is taken or not a channel id
   */
  public synchronized void create(Channel c) {
    if (!c.id().matches("[CG][A-Z0-9]{2,30}") || channels.containsKey(c.id())) {
      throw new IllegalArgumentException("not a new channel id: " + c.id());
    }
    add(c);
    changes.bump();
  }

  /** Adds {@code userId} to the channel or takes them out. */
  public synchronized void setMember(String channelId, String userId, boolean in) {
    Channel c = channel(channelId).filter(x -> !x.isIm())
        .orElseThrow(() -> new IllegalArgumentException("no channel " + channelId));
    channels.put(c.id(), c.withMember(userId, in));
    changes.bump();
  }

  private synchronized void add(Channel c) {
    channels.put(c.id(), c);
    messages.put(c.id(), new LinkedHashMap<>());
  }

  public Optional<DemoUser> user(String id) {
    return Optional.ofNullable(users.get(id));
  }

  public List<DemoUser> users() {
    return List.copyOf(users.values());
  }

  /** Returns the channels {@code userId} can type in: those they are a member of, their DM with the bot included. */
  public synchronized List<Channel> channelsFor(String userId) {
    return channels.values().stream().filter(c -> c.hasMember(userId)).toList();
  }

  public synchronized Optional<Channel> channel(String id) {
    return Optional.ofNullable(channels.get(id));
  }

  /**
   * Resolves what a bot may pass as {@code channel}: a channel id, {@code #name}, or a user id,
   * which means the bot's DM with that user.
   */
  public synchronized Optional<Channel> resolve(String ref) {
    if (users.containsKey(ref)) {
      return channel(Team.dmId(ref));
    }
    if (channels.containsKey(ref)) {
      return channel(ref);
    }
    String name = ref.startsWith("#") ? ref.substring(1) : ref;
    return channels.values().stream().filter(c -> !c.isIm() && c.name().equals(name)).findFirst();
  }

  /** Posts a message; a {@code threadTs} of a reply is moved to its thread's parent, as Slack does. */
  public synchronized SimMessage post(String channel, String user, boolean fromBot, String text, JsonNode blocks,
      @Nullable String threadTs, @Nullable String ephemeralTo, JsonNode files) {
    return post(channel, user, fromBot, text, blocks, threadTs, ephemeralTo, files, null);
  }

  /** Posts a message with message metadata ({@code event_type}, {@code event_payload}), as an app may. */
  public synchronized SimMessage post(String channel, String user, boolean fromBot, String text, JsonNode blocks,
      @Nullable String threadTs, @Nullable String ephemeralTo, JsonNode files, @Nullable JsonNode metadata) {
    LinkedHashMap<String, SimMessage> in = require(channel);
    String root = null;
    if (threadTs != null) {
      SimMessage parent = in.get(threadTs);
      if (parent == null) {
        throw new SlackError("thread_not_found");
      }
      root = parent.isReply() ? parent.threadTs() : parent.ts();
    }
    SimMessage m = new SimMessage(channel, nextTs(), user, fromBot, text, blocks, root, ephemeralTo, 0, files,
        JsonNodeFactory.instance.objectNode(), 0, metadata);
    in.put(m.ts(), m);
    if (root != null && ephemeralTo == null) {
      SimMessage parent = in.get(root);
      in.put(root, parent.withThread(root, parent.replyCount() + 1));
    }
    changes.bump();
    return m;
  }

  public synchronized Optional<SimMessage> find(String channel, String ts) {
    LinkedHashMap<String, SimMessage> in = messages.get(channel);
    return in == null ? Optional.empty() : Optional.ofNullable(in.get(ts));
  }

  /** Finds a message by ts in any channel. */
  public synchronized Optional<SimMessage> find(String ts) {
    return messages.values().stream().map(m -> m.get(ts)).filter(m -> m != null).findFirst();
  }

  /** Replaces the message {@code ts} by {@code change} of it; empty when there is none. */
  public synchronized Optional<SimMessage> replace(String channel, String ts, UnaryOperator<SimMessage> change) {
    LinkedHashMap<String, SimMessage> in = require(channel);
    SimMessage old = in.get(ts);
    if (old == null) {
      return Optional.empty();
    }
    SimMessage updated = change.apply(old);
    in.put(ts, updated);
    changes.bump();
    return Optional.of(updated);
  }

  /** Deletes a message; a parent with replies stays as a tombstone, as in Slack. */
  public synchronized boolean delete(String channel, String ts) {
    LinkedHashMap<String, SimMessage> in = require(channel);
    SimMessage old = in.get(ts);
    if (old == null) {
      return false;
    }
    if (old.replyCount() > 0) {
      in.put(ts, old.withContent("This message was deleted.", JsonNodeFactory.instance.arrayNode()));
    } else {
      in.remove(ts);
      if (old.isReply() && !old.isEphemeral()) {
        SimMessage parent = in.get(old.threadTs());
        if (parent != null) {
          in.put(parent.ts(), parent.withThread(parent.ts(), Math.max(0, parent.replyCount() - 1)));
        }
      }
    }
    changes.bump();
    return true;
  }

  /** Returns every message of {@code channel}, oldest first, ephemeral ones for anybody included. */
  public synchronized List<SimMessage> messages(String channel) {
    return new ArrayList<>(require(channel).values());
  }

  private LinkedHashMap<String, SimMessage> require(String channel) {
    LinkedHashMap<String, SimMessage> in = messages.get(channel);
    if (in == null) {
      throw new SlackError("channel_not_found");
    }
    return in;
  }

  /** Returns a fresh {@code ts}: seconds and microseconds of now, strictly after the previous one. */
  synchronized String nextTs() {
    Instant now = clock.instant();
    long micros = Math.max(now.getEpochSecond() * 1_000_000L + now.getNano() / 1000, lastMicros + 1);
    lastMicros = micros;
    return String.format("%d.%06d", micros / 1_000_000L, micros % 1_000_000L);
  }
}
