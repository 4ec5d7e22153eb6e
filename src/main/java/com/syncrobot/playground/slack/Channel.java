package com.syncrobot.playground.slack;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A conversation of the simulated workspace: a public channel, or the bot's direct-message
 * channel with one user ({@code imUser} set).
 */
record Channel(String id, String name, @Nullable String imUser) {
  Channel {
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(name, "name == null");
  }

  boolean isIm() {
    return imUser != null;
  }
}
