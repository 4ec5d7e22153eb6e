package com.syncrobot.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The validated values: minutes, labour type, quantity, money, rate, rate table, line (R4, R6, R7). */
final class ValuesTest {

  @Test
  void minutesParse_wholeMinutes_accepted_R4() {
    assertThat(Minutes.parse("45").value()).isEqualTo(45);
    assertThat(Minutes.parse(" 1440 ").value()).isEqualTo(1440);
    assertThat(Minutes.parse("1").value()).isEqualTo(1);
  }

  @Test
  void minutesParse_badInput_eachGetsItsOwnMessage_R4() {
    assertThatThrownBy(() -> Minutes.parse("")).hasMessage(
        "minutes are required: enter whole minutes, 1 to 1440, e.g. 45");
    assertThatThrownBy(() -> Minutes.parse("0")).hasMessage("0 minutes is nothing to bill: enter at least 1 minute");
    assertThatThrownBy(() -> Minutes.parse("-5")).hasMessage(
        "-5 minutes is negative: enter the minutes worked, 1 to 1440");
    assertThatThrownBy(() -> Minutes.parse("1.5")).hasMessage(
        "'1.5' is not whole minutes: enter minutes without decimals, e.g. 90 for an hour and a half");
    assertThatThrownBy(() -> Minutes.parse("abc")).hasMessage(
        "'abc' is not a number of minutes: enter whole minutes, 1 to 1440, e.g. 45");
    assertThatThrownBy(() -> Minutes.parse("99999")).hasMessageStartingWith(
        "99999 minutes is more than a day (1440 minutes)");
    assertThatThrownBy(() -> Minutes.parse("99999999999999999999999")).hasMessageContaining("more than a day");
    assertThatThrownBy(() -> new Minutes(1441)).hasMessage("minutes must be 1 to 1440, got 1441");
  }

  @Test
  void labourTypeParse_caseInsensitive_andUnknownListsTheValidOnes_R4() {
    assertThat(LabourType.parse(" Emergency ")).isEqualTo(LabourType.EMERGENCY);
    assertThat(LabourType.parse("REMOTE")).isEqualTo(LabourType.REMOTE);
    assertThatThrownBy(() -> LabourType.parse("afterhours")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown labour type 'afterhours': choose one of remote, onsite, emergency, project,"
            + " internal, travel, website");
    assertThatThrownBy(() -> LabourType.parse("  ")).hasMessage(
        "labour type is required: choose one of remote, onsite, emergency, project, internal, travel, website");
  }

  @Test
  void quantityHours_isMinutesOverSixtyAtFourDecimals_R7() {
    assertThat(Quantity.hours(new Minutes(45)).toString()).isEqualTo("0.75");
    assertThat(Quantity.hours(new Minutes(20)).toString()).isEqualTo("0.3333");
    assertThat(Quantity.hours(new Minutes(40)).toString()).isEqualTo("0.6667");
    assertThat(Quantity.hours(new Minutes(120)).toString()).isEqualTo("2");
    assertThat(Quantity.hours(new Minutes(600)).toString()).isEqualTo("10");
    assertThat(Quantity.hours(new Minutes(1)).toString()).isEqualTo("0.0167");
    assertThat(Quantity.hours(new Minutes(45))).isEqualTo(new Quantity(new BigDecimal("0.7500")));
  }

  @Test
  void quantityPrepaidEmergency_isHoursTimesOneAndAHalf_R5() {
    assertThat(Quantity.prepaidEmergencyHours(new Minutes(120)).toString()).isEqualTo("3");
    // From the minutes, not from the rounded hours: 20 min is 0.5, not 0.3333 × 1.5 = 0.49995.
    assertThat(Quantity.prepaidEmergencyHours(new Minutes(20)).toString()).isEqualTo("0.5");
    assertThat(Quantity.prepaidEmergencyHours(new Minutes(45)).toString()).isEqualTo("1.125");
  }

  @Test
  void quantity_refusesZeroAndFiveDecimals() {
    assertThatThrownBy(() -> new Quantity(BigDecimal.ZERO)).hasMessage("quantity must be positive, got 0");
    assertThatThrownBy(() -> new Quantity(new BigDecimal("0.77777"))).hasMessageContaining("more than 4 decimal");
  }

  @Test
  void money_hasTwoDecimalsRoundsHalfUpOnlyWhenAsked() {
    assertThat(Money.parse("150").toString()).isEqualTo("150.00");
    assertThat(Money.rounded(new BigDecimal("49.995")).toString()).isEqualTo("50.00");
    assertThat(Money.rounded(new BigDecimal("49.994")).toString()).isEqualTo("49.99");
    // Half-up, not banker's rounding: 10.125 goes up even though 2 is even.
    assertThat(Money.rounded(new BigDecimal("10.125")).toString()).isEqualTo("10.13");
    assertThatThrownBy(() -> new Money(new BigDecimal("150.005"))).hasMessageContaining("more than 2 decimal");
    assertThatThrownBy(() -> new Money(new BigDecimal("-1"))).hasMessageContaining("negative");
    assertThatThrownBy(() -> Money.parse("1e3")).hasMessageContaining("is not an amount");
  }

  @Test
  void billingLine_refusesTaxableAndBlankDescription_R6() {
    Quantity q = Quantity.one();
    Money price = Money.parse("40.00");
    assertThatThrownBy(() -> new BillingLine(26117, "Fee - Travel Time", "Trip", q, price, true))
        .hasMessageContaining("taxable:false (R6)");
    assertThatThrownBy(() -> new BillingLine(26117, "Fee - Travel Time", " ", q, price))
        .hasMessageContaining("description must not be blank");
    assertThatThrownBy(() -> new BillingLine(0, "Fee - Travel Time", "Trip", q, price))
        .hasMessageContaining("product id must be positive");
  }

  @Test
  void rate_onsiteOrEmergencyPerTrip_refused_R5() {
    assertThatThrownBy(() -> BriefRates.rate(LabourType.EMERGENCY, 26184, "E", "262.50", Unit.TRIP))
        .hasMessageContaining("emergency labour must be billed by the hour");
  }

  @Test
  void rateTable_needsAllSevenTypesAndOnePricePerProduct() {
    List<Rate> six = new ArrayList<>(BriefRates.TABLE.all());
    six.remove(BriefRates.TABLE.rate(LabourType.WEBSITE));
    assertThatThrownBy(() -> RateTable.of(six)).hasMessage("the rate table has no rate for website");

    Rate websiteOnRemoteProduct = BriefRates.rate(LabourType.WEBSITE, 1190473, "Labor - Remote Business", "120.00",
        Unit.HOUR);
    assertThatThrownBy(() -> BriefRates.TABLE.with(websiteOnRemoteProduct))
        .hasMessageContaining("product 1190473 is listed for remote");

    Rate cheaperRemote = BriefRates.rate(LabourType.REMOTE, 1190473, "Labor - Remote Business", "140.00", Unit.HOUR);
    assertThat(BriefRates.TABLE.with(cheaperRemote).rate(LabourType.REMOTE).priceRetail())
        .isEqualTo(Money.parse("140.00"));
    assertThat(BriefRates.TABLE.byProductId(26118)).map(Rate::type).contains(LabourType.ONSITE);
  }

  @Test
  void visibility_impliesTheCommentFieldsAndSaysThemLoudly() {
    assertThat(Visibility.INTERNAL.hidden()).isTrue();
    assertThat(Visibility.PUBLIC.hidden()).isFalse();
    assertThat(Visibility.PUBLIC.doNotEmail()).isTrue();
    assertThat(Visibility.PUBLIC_EMAIL.hidden()).isFalse();
    assertThat(Visibility.PUBLIC_EMAIL.doNotEmail()).isFalse();
    assertThat(Visibility.PUBLIC_EMAIL.description()).startsWith("EMAILED TO THE CUSTOMER");
    assertThat(Visibility.INTERNAL.description()).startsWith("INTERNAL NOTE");
    assertThat(Visibility.PUBLIC.applyTo(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode())
        .toString()).isEqualTo("{\"hidden\":false,\"do_not_email\":true}");
    assertThat(Visibility.parse("Public-Email")).isEqualTo(Visibility.PUBLIC_EMAIL);
  }
}
