package com.syncrobot.syncro;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A customer; {@code prepayHours} is the remaining prepaid block in hours, null when none (R5).
 * {@code invoiceIds} are the ids of the customer's invoices as the detail's {@code invoice_links} list
 * them, null when the answer has no such list (a list item, or a Syncro that leaves it out).
 */
public record Customer(
    CustomerId id,
    String displayName,
    @Nullable String email,
    @Nullable String phone,
    @Nullable BigDecimal prepayHours,
    List<Contact> contacts,
    @Nullable List<Long> invoiceIds) {
  public Customer {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(displayName, "displayName");
    contacts = List.copyOf(contacts);
    invoiceIds = invoiceIds == null ? null : List.copyOf(invoiceIds);
  }

  /** A customer whose answer listed no invoices. */
  public Customer(CustomerId id, String displayName, @Nullable String email, @Nullable String phone,
      @Nullable BigDecimal prepayHours, List<Contact> contacts) {
    this(id, displayName, email, phone, prepayHours, contacts, null);
  }

  /**
   * Returns whether the customer has a prepaid block with hours left ({@code prepay_hours} > 0,
   * R5).
   */
  public boolean hasPrepaidBlock() {
    return prepayHours != null && prepayHours.signum() > 0;
  }
}
