package com.syncrobot.billing;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/** The seven kinds of labour a technician bills; each maps to one product of the rate table. */
public enum LabourType {
  REMOTE("remote", "Remote"),
  ONSITE("onsite", "Onsite"),
  EMERGENCY("emergency", "Emergency"),
  PROJECT("project", "Project"),
  INTERNAL("internal", "Internal"),
  TRAVEL("travel", "Travel"),
  WEBSITE("website", "Website");

  private final String key;
  private final String label;

  LabourType(String key, String label) {
    this.key = key;
    this.label = label;
  }

  /** Returns the lower-case name technicians type and the store keeps, e.g. {@code remote}. */
  public String key() {
    return key;
  }

  /** Returns the capitalised name used in text, e.g. {@code Remote}. */
  public String label() {
    return label;
  }

  /** Returns the valid names, comma-separated, in table order. */
  public static String validNames() {
    return Arrays.stream(values()).map(LabourType::key).collect(Collectors.joining(", "));
  }

  /**
   * Parses a labour type case-insensitively; there is no default (R4).
   *
   * @throws IllegalArgumentException naming the valid types when {@code text} is blank or unknown
   */
  public static LabourType parse(String text) {
    Objects.requireNonNull(text, "text == null");
    String t = text.strip().toLowerCase(Locale.ROOT);
    if (t.isEmpty()) {
      throw new IllegalArgumentException("labour type is required: choose one of " + validNames());
    }
    for (LabourType type : values()) {
      if (type.key.equals(t)) {
        return type;
      }
    }
    throw new IllegalArgumentException(
        "unknown labour type '" + Texts.clip(text.strip(), 30) + "': choose one of " + validNames());
  }

  @Override
  public String toString() {
    return key;
  }
}
