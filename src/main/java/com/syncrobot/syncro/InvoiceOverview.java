package com.syncrobot.syncro;

import java.time.OffsetDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** An invoice with its payment state, as a link preview shows it. */
public record InvoiceOverview(Invoice invoice, boolean paid, @Nullable OffsetDateTime dueDate) {
  public InvoiceOverview {
    Objects.requireNonNull(invoice, "invoice");
  }
}
