package com.syncrobot.billing;

import java.util.Objects;

/** One item of the review checklist: its name, whether it passed, and the detail shown in the preview. */
public record Check(String name, boolean passed, String detail) {
  public Check {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(detail, "detail == null");
  }

  static Check pass(String name, String detail) {
    return new Check(name, true, detail);
  }

  static Check fail(String name, String detail) {
    return new Check(name, false, detail);
  }
}
