package com.syncrobot.billing;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of the review checklist: the texts and plan to preview and send (corrected where a
 * check failed), every check, and each correction in words for the preview (R13).
 */
public record ReviewResult(DraftedTexts texts, BillingPlan plan, List<ReviewCheck> checks, List<String> corrections) {
  public ReviewResult {
    Objects.requireNonNull(texts, "texts == null");
    Objects.requireNonNull(plan, "plan == null");
    checks = List.copyOf(checks);
    corrections = List.copyOf(corrections);
  }

  /** Returns whether every check passed as drafted, i.e. nothing had to be corrected. */
  public boolean allPassed() {
    return checks.stream().allMatch(ReviewCheck::passed);
  }
}
