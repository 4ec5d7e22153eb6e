package com.syncrobot.billing;

import java.util.List;
import java.util.Objects;

/** A plain comment after the R8 checks: the subject and body to send, the checks and corrections. */
public record CommentReview(String subject, String body, List<ReviewCheck> checks, List<String> corrections) {
  public CommentReview {
    Objects.requireNonNull(subject, "subject == null");
    Objects.requireNonNull(body, "body == null");
    checks = List.copyOf(checks);
    corrections = List.copyOf(corrections);
  }

  /** Returns whether every check passed as written. */
  public boolean allPassed() {
    return checks.stream().allMatch(ReviewCheck::passed);
  }
}
