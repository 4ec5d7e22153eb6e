package com.syncrobot.syncro;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A write Syncro answered with 2xx: status, the id found at the write's pointer, and the body (204:
 * {}).
 */
public record WriteResponse(int status, @Nullable Long id, JsonNode body) {
  public WriteResponse {
    Objects.requireNonNull(body, "body");
  }
}
