package com.syncrobot.syncro;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A customer asset from {@code GET /customer_assets} (wrapper {@code assets}), chosen at ticket
 * creation (R14).
 */
public record Asset(
    long id,
    String name,
    @Nullable CustomerId customerId,
    @Nullable String assetType,
    @Nullable String serial) {
  public Asset {
    Objects.requireNonNull(name, "name");
  }
}
