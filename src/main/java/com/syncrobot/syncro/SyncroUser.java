package com.syncrobot.syncro;

import java.util.Objects;

/** A technician as {@code GET /users} lists them ({@code [id, "Name"]} pairs). */
public record SyncroUser(long id, String name) {
  public SyncroUser {
    Objects.requireNonNull(name, "name");
  }
}
