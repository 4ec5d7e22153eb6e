package com.syncrobot.billing;

import java.math.BigDecimal;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Computes the line item for a piece of labour from the rate table (R5, R6, R7). Minutes and labour
 * type always come from the technician (R4); nothing here has a default. Stateless and thread-safe.
 */
public final class BillingCalculator {
  private BillingCalculator() {}

  /**
   * Plans one line item.
   *
   * @param prepayHours the customer's {@code prepay_hours}, read fresh from Syncro; only emergency
   *     labour uses it, and null or zero means no prepaid block (R5)
   * @param description the billing narrative for the line item (R6)
   * @throws IllegalArgumentException if {@code description} is blank
   */
  public static BillingPlan plan(
      LabourType type, Minutes minutes, @Nullable BigDecimal prepayHours, RateTable rates, String description) {
    Objects.requireNonNull(type, "type == null");
    Objects.requireNonNull(minutes, "minutes == null");
    Objects.requireNonNull(rates, "rates == null");
    Objects.requireNonNull(description, "description == null");
    if (type == LabourType.EMERGENCY) {
      return emergency(minutes, prepayHours, rates, description);
    }
    Rate rate = rates.rate(type);
    BillingLine line = line(rate, rate.unit().quantityFor(minutes), description);
    Money total = line.total();
    if (rate.priceRetail().isZero()) {
      return new BillingPlan.ZeroRated(type, minutes, line, total, zeroRated(type, rate, line, minutes));
    }
    if (rate.unit() == Unit.TRIP) {
      return new BillingPlan.PerTrip(type, minutes, line, total, type.label() + " is billed per trip: "
          + line.quantity() + " × " + rate.productName() + " at $" + rate.priceRetail() + " = $" + total
          + ", whatever the time (" + minutes + " recorded).");
    }
    return new BillingPlan.Hourly(type, minutes, line, total, type.label() + " labour bills " + rate.productName()
        + " at $" + rate.priceRetail() + " per " + rate.unit() + ": " + minutes + " ÷ 60 = " + line.quantity()
        + " h × $" + rate.priceRetail() + " = $" + total + ".");
  }

  private static BillingPlan emergency(
      Minutes minutes, @Nullable BigDecimal prepayHours, RateTable rates, String description) {
    if (prepayHours != null && prepayHours.signum() > 0) {
      Rate onsite = rates.rate(LabourType.ONSITE);
      BillingLine line = line(onsite, Quantity.prepaidEmergencyHours(minutes), description);
      Quantity hours = Quantity.hours(minutes);
      String shortfall = prepayHours.compareTo(line.quantity().value()) < 0
          ? " The block has only " + prepayHours.toPlainString() + " h left, less than the " + line.quantity()
              + " h this line debits, so Syncro may invoice the rest."
          : "";
      String why = "Emergency work for a customer with a prepaid block (" + prepayHours.toPlainString()
          + " prepaid hours): prepaid blocks debit by quantity, not dollars, so the line is the onsite product at"
          + " 1.5 × the hours: " + hours + " h × 1.5 = " + line.quantity() + " × " + onsite.productName()
          + " at $" + onsite.priceRetail() + " = $" + line.total() + ". The emergency product ("
          + rates.rate(LabourType.EMERGENCY).productId() + ") is not added: never both for the same hours."
          + shortfall;
      return new BillingPlan.EmergencyPrepaid(minutes, prepayHours, line, line.total(), why);
    }
    Rate emergency = rates.rate(LabourType.EMERGENCY);
    BillingLine line = line(emergency, Quantity.hours(minutes), description);
    String prepaid = prepayHours == null ? "none" : prepayHours.toPlainString();
    String why = "Emergency work for a customer without a prepaid block (prepaid hours: " + prepaid
        + "): the emergency product at the hours, its rate already holds the 1.5× onsite premium: "
        + minutes + " ÷ 60 = " + line.quantity() + " h × " + emergency.productName() + " ("
        + emergency.productId() + ") at $" + emergency.priceRetail() + " = $" + line.total() + ".";
    return new BillingPlan.EmergencyNoPrepaid(minutes, prepayHours, line, line.total(), why);
  }

  private static String zeroRated(LabourType type, Rate rate, BillingLine line, Minutes minutes) {
    String what;
    if (type == LabourType.PROJECT) {
      what = "Project labour is a $0.00 line: it debits the customer's prepaid project hours by the quantity"
          + " instead of charging dollars.";
    } else if (type == LabourType.INTERNAL) {
      what = "Internal labour is not billable: the $0.00 line only records the time.";
    } else {
      what = type.label() + " labour is priced at $0.00 in the rate table, so this is a $0.00 line.";
    }
    return what + " " + minutes + " → " + line.quantity() + " × " + line.name() + ".";
  }

  private static BillingLine line(Rate rate, Quantity quantity, String description) {
    return new BillingLine(rate.productId(), rate.productName(), description, quantity, rate.priceRetail());
  }
}
