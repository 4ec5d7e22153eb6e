package com.syncrobot.digest;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What became of one run: the digest was posted (with the main message's ts), a short notice was
 * posted instead (e.g. the creator's token stopped working), it failed, or it was skipped because it
 * was missed for longer than the late window.
 */
public record Delivery(Outcome outcome, @Nullable String ts, String detail) {
  /** The kinds of result. */
  public enum Outcome {
    POSTED,
    NOTICE,
    FAILED,
    SKIPPED
  }

  public Delivery {
    Objects.requireNonNull(outcome, "outcome == null");
    Objects.requireNonNull(detail, "detail == null");
  }

  public static Delivery posted(String ts, String detail) {
    return new Delivery(Outcome.POSTED, ts, detail);
  }

  public static Delivery notice(@Nullable String ts, String detail) {
    return new Delivery(Outcome.NOTICE, ts, detail);
  }

  public static Delivery failed(String detail) {
    return new Delivery(Outcome.FAILED, null, detail);
  }

  public static Delivery skipped(String detail) {
    return new Delivery(Outcome.SKIPPED, null, detail);
  }
}
