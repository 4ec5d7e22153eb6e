package com.syncrobot.playground.sandbox.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** An invoice with its lines; {@code number} is a string, as Syncro sends it. */
public record SandboxInvoice(
    long id,
    String number,
    long customerId,
    @Nullable Long ticketId,
    String category,
    LocalDate date,
    BigDecimal subtotal,
    BigDecimal tax,
    BigDecimal total,
    long userId,
    Instant createdAt,
    List<SandboxInvoiceLine> lines) {
  public SandboxInvoice {
    Objects.requireNonNull(number, "number");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(subtotal, "subtotal");
    Objects.requireNonNull(tax, "tax");
    Objects.requireNonNull(total, "total");
    Objects.requireNonNull(createdAt, "createdAt");
    lines = List.copyOf(lines);
  }
}
