package com.syncrobot.billing;

import java.util.List;

/** The rate table of docs/rules.md, as the V4 migration seeds it. */
final class BriefRates {
  static final RateTable TABLE = RateTable.of(List.of(
      rate(LabourType.REMOTE, 1190473, "Labor - Remote Business", "150.00", Unit.HOUR),
      rate(LabourType.ONSITE, 26118, "Labor - Onsite Business", "175.00", Unit.HOUR),
      rate(LabourType.EMERGENCY, 26184, "Labor - Emergency or After Hours Business", "262.50", Unit.HOUR),
      rate(LabourType.PROJECT, 9269129, "Labor - Prepaid Project Labor", "0.00", Unit.HOUR),
      rate(LabourType.INTERNAL, 9269124, "Labor - Internal Labor", "0.00", Unit.HOUR),
      rate(LabourType.TRAVEL, 26117, "Fee - Travel Time", "40.00", Unit.TRIP),
      rate(LabourType.WEBSITE, 68055, "Labor - Website Labor", "150.00", Unit.HOUR)));

  private BriefRates() {}

  static Rate rate(LabourType type, long productId, String name, String price, Unit unit) {
    return new Rate(type, productId, name, Money.parse(price), unit);
  }
}
