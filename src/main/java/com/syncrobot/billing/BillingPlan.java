package com.syncrobot.billing;

import java.math.BigDecimal;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What one piece of labour bills, with the branch of the rules taken and why. Built by {@link
 * BillingCalculator}; a plan built any other way (restored from storage, say) is re-checked by
 * {@link ReviewChecklist}, so the records hold the figures as given rather than recomputing them.
 */
public sealed interface BillingPlan
    permits BillingPlan.Hourly,
    BillingPlan.Emergency,
    BillingPlan.PerTrip,
    BillingPlan.ZeroRated {

  LabourType labourType();

  Minutes minutes();

  /**
   * Returns the customer's {@code prepay_hours} read for the R5 decision; null when not read (only the
   * emergency branches read it).
   */
  default @Nullable BigDecimal prepayHours() {
    return null;
  }

  /** Returns the one line item this plan sends. */
  BillingLine line();

  /** Returns the total the invoice must show for this line (R7, R9). */
  Money expectedTotal();

  /** Returns, in plain words, which branch was taken and why. */
  String explanation();

  /** Returns a short name of the branch, e.g. {@code emergency with prepaid block}. */
  String branch();

  /** Returns this plan with another line item description. */
  BillingPlan withDescription(String description);

  /** Remote, onsite or website labour (or any other priced hourly type): hours × the type's rate. */
  record Hourly(LabourType labourType, Minutes minutes, BillingLine line, Money expectedTotal, String explanation)
      implements BillingPlan {
    public Hourly {
      PlanChecks.common(labourType, minutes, line, expectedTotal, explanation);
      if (labourType == LabourType.EMERGENCY) {
        throw new IllegalArgumentException("emergency labour is planned by the R5 branches");
      }
    }

    @Override
    public String branch() {
      return "hourly";
    }

    @Override
    public Hourly withDescription(String description) {
      return new Hourly(labourType, minutes, line.withDescription(description), expectedTotal, explanation);
    }
  }

  /** Emergency labour, planned by one of the two R5 branches. */
  sealed interface Emergency extends BillingPlan permits EmergencyNoPrepaid, EmergencyPrepaid {
    @Override
    default LabourType labourType() {
      return LabourType.EMERGENCY;
    }
  }

  /** Emergency work for a customer without a prepaid block: the emergency product at the hours (R5). */
  record EmergencyNoPrepaid(
      Minutes minutes, @Nullable BigDecimal prepayHours, BillingLine line, Money expectedTotal, String explanation)
      implements Emergency {
    public EmergencyNoPrepaid {
      PlanChecks.common(LabourType.EMERGENCY, minutes, line, expectedTotal, explanation);
      if (prepayHours != null && prepayHours.signum() > 0) {
        throw new IllegalArgumentException(
            "prepay_hours " + prepayHours.toPlainString() + " is a prepaid block: use EmergencyPrepaid (R5)");
      }
    }

    @Override
    public String branch() {
      return "emergency without prepaid block";
    }

    @Override
    public EmergencyNoPrepaid withDescription(String description) {
      return new EmergencyNoPrepaid(
          minutes, prepayHours, line.withDescription(description), expectedTotal, explanation);
    }
  }

  /**
   * Emergency work for a customer with a prepaid block: the onsite product at hours × 1.5, because
   * prepaid blocks debit by quantity, not dollars (R5).
   */
  record EmergencyPrepaid(
      Minutes minutes, BigDecimal prepayHours, BillingLine line, Money expectedTotal, String explanation)
      implements Emergency {
    public EmergencyPrepaid {
      PlanChecks.common(LabourType.EMERGENCY, minutes, line, expectedTotal, explanation);
      Objects.requireNonNull(prepayHours, "prepayHours == null");
      if (prepayHours.signum() <= 0) {
        throw new IllegalArgumentException(
            "prepay_hours " + prepayHours.toPlainString() + " is no prepaid block: use EmergencyNoPrepaid (R5)");
      }
    }

    @Override
    public String branch() {
      return "emergency with prepaid block";
    }

    @Override
    public EmergencyPrepaid withDescription(String description) {
      return new EmergencyPrepaid(
          minutes, prepayHours, line.withDescription(description), expectedTotal, explanation);
    }
  }

  /** Labour billed per trip (travel): quantity one whatever the minutes. */
  record PerTrip(LabourType labourType, Minutes minutes, BillingLine line, Money expectedTotal, String explanation)
      implements BillingPlan {
    public PerTrip {
      PlanChecks.common(labourType, minutes, line, expectedTotal, explanation);
    }

    @Override
    public String branch() {
      return "per trip";
    }

    @Override
    public PerTrip withDescription(String description) {
      return new PerTrip(labourType, minutes, line.withDescription(description), expectedTotal, explanation);
    }
  }

  /** Project or internal labour: a $0.00 line that records the time (project debits prepaid hours). */
  record ZeroRated(LabourType labourType, Minutes minutes, BillingLine line, Money expectedTotal, String explanation)
      implements BillingPlan {
    public ZeroRated {
      PlanChecks.common(labourType, minutes, line, expectedTotal, explanation);
    }

    @Override
    public String branch() {
      return "$0.00 " + labourType + " line";
    }

    @Override
    public ZeroRated withDescription(String description) {
      return new ZeroRated(labourType, minutes, line.withDescription(description), expectedTotal, explanation);
    }
  }
}
