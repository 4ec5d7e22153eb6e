package com.syncrobot.playground.sandbox.routes;

import com.syncrobot.playground.sandbox.model.SandboxTech;
import java.util.Objects;

/** One authenticated API request: method, path below {@code /api/v1}, path id (0 if none), params, caller. */
public record Call(String method, String path, long id, RailsParams params, SandboxTech tech) {
  public Call {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(params, "params");
    Objects.requireNonNull(tech, "tech");
  }
}
