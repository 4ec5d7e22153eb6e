package com.syncrobot.playground.sandbox;

import java.util.Objects;

/** One authenticated API request: method, path below {@code /api/v1}, path id (0 if none), params, caller. */
record Call(String method, String path, long id, RailsParams params, SandboxTech tech) {
  Call {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(params, "params");
    Objects.requireNonNull(tech, "tech");
  }
}
