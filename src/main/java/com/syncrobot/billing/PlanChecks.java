package com.syncrobot.billing;

import java.util.Objects;

/** Null checks shared by the {@link BillingPlan} records. */
final class PlanChecks {
  private PlanChecks() {}

  static void common(LabourType type, Minutes minutes, BillingLine line, Money expectedTotal, String explanation) {
    Objects.requireNonNull(type, "labourType == null");
    Objects.requireNonNull(minutes, "minutes == null");
    Objects.requireNonNull(line, "line == null");
    Objects.requireNonNull(expectedTotal, "expectedTotal == null");
    Objects.requireNonNull(explanation, "explanation == null");
  }
}
