package com.syncrobot.slack;

import java.util.Objects;

/** One {@code /syncro} call: who asked, and the text after the subcommand's name (stripped). */
record Invocation(String userId, String args) {
  Invocation {
    Objects.requireNonNull(userId, "userId == null");
    args = args.strip();
  }
}
