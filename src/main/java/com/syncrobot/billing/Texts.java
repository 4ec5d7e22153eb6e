package com.syncrobot.billing;

/** Small text helpers shared by the billing messages. */
final class Texts {
  private Texts() {}

  /** Returns {@code s} cut to {@code max} characters with an ellipsis, so echoed input stays short. */
  static String clip(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
