package com.syncrobot.playground.slack.user;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.syncrobot.playground.slack.DemoUser;
import com.syncrobot.playground.slack.MessageShortcut;
import com.syncrobot.playground.slack.SimMessage;
import com.syncrobot.playground.slack.workspace.Channel;
import com.syncrobot.playground.slack.workspace.Conversations;
import com.syncrobot.playground.slack.workspace.Team;
import com.syncrobot.playground.slack.workspace.Views;
import java.util.List;
import java.util.function.Supplier;

/**
 * Everything one user sees, as JSON for the page: people, channels, the messages visible to them,
 * their open modal and their Home tab. Never includes a token or the signing secret.
 */
public final class Snapshot {
  private final Conversations conv;
  private final Views views;
  private final Supplier<List<MessageShortcut>> shortcuts;
  private final UserActions actions;

  public Snapshot(Conversations conv, Views views, Supplier<List<MessageShortcut>> shortcuts, UserActions actions) {
    this.conv = conv;
    this.views = views;
    this.shortcuts = shortcuts;
    this.actions = actions;
  }

  ObjectNode of(String userId, long version) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode s = f.objectNode();
    s.put("version", version);
    s.put("me", userId);
    s.putObject("team").put("id", Team.TEAM_ID).put("name", Team.TEAM_NAME);
    s.putObject("bot").put("id", Team.BOT_USER_ID).put("name", Team.BOT_REAL_NAME);
    ArrayNode users = s.putArray("users");
    for (DemoUser u : conv.users()) {
      users.addObject().put("id", u.id()).put("name", u.name()).put("real_name", u.realName())
          .put("tz", u.tz().getId());
    }
    ArrayNode channels = s.putArray("channels");
    ObjectNode messages = s.putObject("messages");
    for (Channel c : conv.channelsFor(userId)) {
      channels.addObject().put("id", c.id()).put("name", c.isIm() ? Team.BOT_REAL_NAME : c.name())
          .put("is_im", c.isIm());
      ArrayNode list = messages.putArray(c.id());
      for (SimMessage m : conv.messages(c.id())) {
        if (m.visibleTo(userId)) {
          list.add(message(m));
        }
      }
    }
    views.top(userId).ifPresentOrElse(v -> {
      ObjectNode modal = s.putObject("modal");
      modal.set("view", v.view().deepCopy());
      ObjectNode errors = modal.putObject("errors");
      v.errors().forEach(errors::put);
      modal.put("depth", views.depth(userId));
      if (v.problem() != null) {
        modal.put("problem", v.problem());
      }
    }, () -> s.putNull("modal"));
    views.home(userId).ifPresentOrElse(v -> s.set("home", v.view().deepCopy()), () -> s.putNull("home"));
    ArrayNode sc = s.putArray("shortcuts");
    shortcuts.get().forEach(x -> sc.addObject().put("name", x.name()).put("callback_id", x.callbackId()));
    ArrayNode cmds = s.putArray("commands");
    actions.commands().stream().sorted().forEach(cmds::add);
    return s;
  }

  private ObjectNode message(SimMessage m) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("ts", m.ts());
    o.put("user", m.user());
    o.put("user_name", name(m.user()));
    o.put("from_bot", m.fromBot());
    o.put("text", m.text());
    o.set("blocks", m.blocks());
    if (m.threadTs() != null) {
      o.put("thread_ts", m.threadTs());
    }
    o.put("ephemeral", m.isEphemeral());
    o.put("reply_count", m.replyCount());
    o.set("files", m.files());
    o.set("unfurls", m.unfurls());
    o.put("edited", m.edits() > 0);
    return o;
  }

  private String name(String user) {
    if (user.equals(Team.BOT_USER_ID)) {
      return Team.BOT_REAL_NAME;
    }
    if (user.equals(Team.SLACKBOT)) {
      return "Slackbot";
    }
    return conv.user(user).map(DemoUser::realName).orElse(user);
  }
}
