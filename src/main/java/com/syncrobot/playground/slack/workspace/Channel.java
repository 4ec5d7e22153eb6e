package com.syncrobot.playground.slack.workspace;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A conversation of the simulated workspace: a public or private channel, possibly shared with another
 * organization (Slack Connect), or the bot's direct-message channel with one user ({@code imUser} set).
 * {@code members} are user ids in joining order, the bot's ({@link Team#BOT_USER_ID}) when it is in.
 */
public record Channel(String id, String name, @Nullable String imUser, boolean isPrivate, boolean extShared,
    Set<String> members) {
  public Channel {
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(name, "name == null");
    members = Collections.unmodifiableSet(new LinkedHashSet<>(members));
  }

  /** The bot's direct-message channel with {@code user}: the user, then the bot. */
  static Channel im(String id, String name, String user) {
    // Not Set.of: its iteration order changes from one JVM to the next.
    return new Channel(id, name, user, true, false, new LinkedHashSet<>(List.of(user, Team.BOT_USER_ID)));
  }

  public boolean isIm() {
    return imUser != null;
  }

  public boolean hasMember(String userId) {
    return members.contains(userId);
  }

  /** Whether the bot may read or post here: every public channel (chat:write.public), private ones it is in. */
  public boolean visibleToBot() {
    return !isPrivate || hasMember(Team.BOT_USER_ID);
  }

  Channel withMember(String userId, boolean in) {
    Set<String> m = new LinkedHashSet<>(members);
    if (in) {
      m.add(userId);
    } else {
      m.remove(userId);
    }
    return new Channel(id, name, imUser, isPrivate, extShared, m);
  }
}
