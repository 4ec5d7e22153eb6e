package com.syncrobot.syncro;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A customer; {@code prepayHours} is the remaining prepaid block in hours, null when none (R5). */
public record Customer(
    CustomerId id,
    String displayName,
    @Nullable String email,
    @Nullable String phone,
    @Nullable BigDecimal prepayHours,
    List<Contact> contacts) {
  public Customer {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(displayName, "displayName");
    contacts = List.copyOf(contacts);
  }

  /**
   * Returns whether the customer has a prepaid block with hours left ({@code prepay_hours} > 0,
   * R5).
   */
  public boolean hasPrepaidBlock() {
    return prepayHours != null && prepayHours.signum() > 0;
  }
}
