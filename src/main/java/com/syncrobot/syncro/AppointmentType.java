package com.syncrobot.syncro;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** An appointment type such as "Onsite" with its location rule ({@code location_type}). */
public record AppointmentType(
    long id, String name, @Nullable String locationType, @Nullable String locationHardCode) {
  public AppointmentType {
    Objects.requireNonNull(name, "name");
  }
}
