package com.syncrobot.syncro;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A customer's contact person with the address Syncro holds for them (R14). */
public record Contact(
    long id,
    String name,
    @Nullable String email,
    @Nullable String phone,
    @Nullable String mobile,
    @Nullable String address1,
    @Nullable String address2,
    @Nullable String city,
    @Nullable String state,
    @Nullable String zip) {
  public Contact {
    Objects.requireNonNull(name, "name");
  }
}
