package com.syncrobot.billing;

import java.util.Objects;

/** One item of the review checklist: its name, whether it passed, and the detail shown in the preview. */
public record ReviewCheck(String name, boolean passed, String detail) {
  public ReviewCheck {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(detail, "detail == null");
  }

  static ReviewCheck pass(String name, String detail) {
    return new ReviewCheck(name, true, detail);
  }

  static ReviewCheck fail(String name, String detail) {
    return new ReviewCheck(name, false, detail);
  }
}
