package com.syncrobot.playground.sandbox.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A customer; {@code prepayHours} is the remaining prepaid block, null when the customer never had one. */
public record SandboxCustomer(
    long id,
    String firstname,
    String lastname,
    @Nullable String businessName,
    String email,
    String phone,
    String address,
    String city,
    String state,
    String zip,
    @Nullable BigDecimal prepayHours,
    Instant createdAt) {
  public SandboxCustomer {
    Objects.requireNonNull(firstname, "firstname");
    Objects.requireNonNull(lastname, "lastname");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(phone, "phone");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(city, "city");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(zip, "zip");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /** Returns the person's full name. */
  public String fullname() {
    return (firstname + " " + lastname).strip();
  }

  /** Returns the business name when there is one, else the full name (Syncro's business_then_name). */
  public String displayName() {
    return businessName == null || businessName.isBlank() ? fullname() : businessName;
  }

  /** Returns a copy with another prepaid balance. */
  public SandboxCustomer withPrepayHours(@Nullable BigDecimal hours) {
    return new SandboxCustomer(
        id, firstname, lastname, businessName, email, phone, address, city, state, zip, hours, createdAt);
  }
}
