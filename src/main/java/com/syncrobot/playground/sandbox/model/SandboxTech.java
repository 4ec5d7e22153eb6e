package com.syncrobot.playground.sandbox.model;

import java.util.Objects;

/** A technician (a Syncro user); writes made with the technician's token are attributed to it. */
public record SandboxTech(long id, String name, String email, String group, boolean admin) {
  public SandboxTech {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(group, "group");
  }
}
