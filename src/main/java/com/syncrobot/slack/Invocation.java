package com.syncrobot.slack;

import java.util.Objects;

/** One {@code /syncro} call: who asked, and the text after the subcommand's name (stripped). */
public record Invocation(String userId, String args) {
  public Invocation {
    Objects.requireNonNull(userId, "userId == null");
    args = args.strip();
  }
}
