package com.syncrobot.slack;

import com.syncrobot.store.ConnectedUser;
import com.syncrobot.store.ConnectedUserStore;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The technician behind a command, button or shortcut as the bot's store knows them: their Syncro
 * connection, whose own token every Syncro request then uses (R11), or, when there is none, the words
 * that tell them why ({@link UserMessages#NOT_CONNECTED}, or {@link UserMessages#STORE_FAILED} after
 * logging the store's failure). Exactly one of the two is set.
 */
public record Asker(@Nullable ConnectedUser user, @Nullable String refusal) {
  private static final Logger log = LoggerFactory.getLogger(Asker.class);

  /** Reads the connection of {@code slackUserId}. */
  public static Asker find(ConnectedUserStore users, String slackUserId) {
    Optional<ConnectedUser> user;
    try {
      user = users.find(slackUserId);
    } catch (RuntimeException e) {
      log.error("Reading the connection of {} failed: {}", slackUserId, SafeLog.describe(e));
      return new Asker(null, UserMessages.STORE_FAILED);
    }
    return user.map(u -> new Asker(u, null)).orElseGet(() -> new Asker(null, UserMessages.NOT_CONNECTED));
  }
}
