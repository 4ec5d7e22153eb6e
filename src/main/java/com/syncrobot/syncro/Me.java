package com.syncrobot.syncro;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The owner of a token, from {@code GET /me} (flat, not wrapped). */
public record Me(long userId, String userName, @Nullable String email) {
  public Me {
    Objects.requireNonNull(userName, "userName");
  }
}
