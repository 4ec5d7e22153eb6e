package com.syncrobot.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The brief's billing examples, each down to the exact add_line_item body (R5, R6, R7). */
final class BillingCalculatorTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static BillingPlan plan(LabourType type, int minutes, String prepay) {
    return BillingCalculator.plan(
        type, new Minutes(minutes), prepay == null ? null : new BigDecimal(prepay), BriefRates.TABLE, "Fixed it");
  }

  private static String body(BillingPlan plan) throws Exception {
    return JSON.writeValueAsString(plan.line().toRequestBody());
  }

  @Test
  void remote45Minutes_isThreeQuartersOfAnHourAt150_R7() throws Exception {
    BillingPlan p = plan(LabourType.REMOTE, 45, null);

    assertThat(p).isInstanceOf(BillingPlan.Hourly.class);
    // Quantity and price go out as exact decimals: 0.75, not 0.77 or 0.75000001 (R7); price_retail and
    // taxable:false are explicit because Syncro fills neither from the product (R6).
    assertThat(body(p)).isEqualTo("{\"product_id\":1190473,\"name\":\"Labor - Remote Business\","
        + "\"description\":\"Fixed it\",\"quantity\":0.75,\"price_retail\":150.00,\"taxable\":false}");
    assertThat(p.expectedTotal()).isEqualTo(Money.parse("112.50"));
    assertThat(p.expectedTotal().toString()).isEqualTo("112.50");
    assertThat(p.explanation()).contains("45 min ÷ 60 = 0.75 h × $150.00 = $112.50");
  }

  @Test
  void emergencyTwoHoursWithoutPrepaid_billsEmergencyProductAtTheHours_R5() throws Exception {
    BillingPlan p = plan(LabourType.EMERGENCY, 120, null);

    assertThat(p).isInstanceOf(BillingPlan.EmergencyNoPrepaid.class);
    assertThat(body(p)).isEqualTo("{\"product_id\":26184,\"name\":\"Labor - Emergency or After Hours Business\","
        + "\"description\":\"Fixed it\",\"quantity\":2,\"price_retail\":262.50,\"taxable\":false}");
    assertThat(p.expectedTotal().toString()).isEqualTo("525.00");
    assertThat(p.explanation()).contains("without a prepaid block (prepaid hours: none)").contains("26184");
  }

  @Test
  void emergencyTwoHoursWithPrepaidBlock_billsOnsiteAtOneAndHalfQuantity_R5() throws Exception {
    BillingPlan p = plan(LabourType.EMERGENCY, 120, "10.0");

    assertThat(p).isInstanceOf(BillingPlan.EmergencyPrepaid.class);
    // One line only: the onsite product at 3 hours; 26184 is never stacked on top.
    assertThat(body(p)).isEqualTo("{\"product_id\":26118,\"name\":\"Labor - Onsite Business\","
        + "\"description\":\"Fixed it\",\"quantity\":3,\"price_retail\":175.00,\"taxable\":false}");
    assertThat(p.expectedTotal().toString()).isEqualTo("525.00");
    assertThat(p.explanation()).contains("prepaid blocks debit by quantity, not dollars")
        .contains("2 h × 1.5 = 3").contains("never both").doesNotContain("may invoice the rest");
  }

  @Test
  void emergencyWithSmallPrepaidBlock_saysTheBlockFallsShort_R5() {
    BillingPlan p = plan(LabourType.EMERGENCY, 120, "1.5");

    assertThat(p.line().quantity().toString()).isEqualTo("3");
    assertThat(p.explanation()).contains("only 1.5 h left, less than the 3 h");
  }

  @Test
  void emergencyWithPrepayZeroOrNull_takesTheNoPrepaidBranch_R5() {
    // Syncro sends "0.0" (or null) for a customer without a block; neither may pick the onsite product.
    for (String prepay : new String[] {"0.0", null, "-1"}) {
      BillingPlan p = plan(LabourType.EMERGENCY, 90, prepay);
      assertThat(p).isInstanceOf(BillingPlan.EmergencyNoPrepaid.class);
      assertThat(p.line().productId()).isEqualTo(26184);
      assertThat(p.line().quantity().toString()).isEqualTo("1.5");
      assertThat(p.expectedTotal().toString()).isEqualTo("393.75");
    }
  }

  @Test
  void project30Minutes_isAZeroDollarLineThatSaysSo() throws Exception {
    BillingPlan p = plan(LabourType.PROJECT, 30, null);

    assertThat(p).isInstanceOf(BillingPlan.ZeroRated.class);
    assertThat(body(p)).isEqualTo("{\"product_id\":9269129,\"name\":\"Labor - Prepaid Project Labor\","
        + "\"description\":\"Fixed it\",\"quantity\":0.5,\"price_retail\":0.00,\"taxable\":false}");
    assertThat(p.expectedTotal().toString()).isEqualTo("0.00");
    assertThat(p.explanation()).contains("$0.00").contains("prepaid project hours");
  }

  @Test
  void internalLabour_isAZeroDollarLineThatIsNotBillable() {
    BillingPlan p = plan(LabourType.INTERNAL, 60, null);

    assertThat(p).isInstanceOf(BillingPlan.ZeroRated.class);
    assertThat(p.line().productId()).isEqualTo(9269124);
    assertThat(p.line().quantity().toString()).isEqualTo("1");
    assertThat(p.expectedTotal()).isEqualTo(Money.ZERO);
    assertThat(p.explanation()).contains("not billable");
  }

  @Test
  void travel_isOneTripWhateverTheMinutes() throws Exception {
    BillingPlan p = plan(LabourType.TRAVEL, 95, null);

    assertThat(p).isInstanceOf(BillingPlan.PerTrip.class);
    assertThat(body(p)).isEqualTo("{\"product_id\":26117,\"name\":\"Fee - Travel Time\","
        + "\"description\":\"Fixed it\",\"quantity\":1,\"price_retail\":40.00,\"taxable\":false}");
    assertThat(p.expectedTotal().toString()).isEqualTo("40.00");
    assertThat(p.explanation()).contains("per trip").contains("95 min recorded");
  }

  @Test
  void remote20Minutes_quantityHasFourDecimalsAndTotalRoundsHalfUp_R7() throws Exception {
    BillingPlan p = plan(LabourType.REMOTE, 20, null);

    // 20 ÷ 60 = 0.3333 (4 decimals); 0.3333 × 150.00 = 49.995, half-up to the cent = 50.00.
    assertThat(body(p)).contains("\"quantity\":0.3333,\"price_retail\":150.00");
    assertThat(p.expectedTotal().toString()).isEqualTo("50.00");
  }

  @Test
  void onsiteAndWebsite_billTheirOwnProductsByTheHour() {
    BillingPlan onsite = plan(LabourType.ONSITE, 90, "10.0");
    BillingPlan website = plan(LabourType.WEBSITE, 90, null);

    // A prepaid block changes nothing outside emergency work.
    assertThat(onsite.line().summary()).isEqualTo("1.5 × Labor - Onsite Business (26118) @ 175.00 = 262.50");
    assertThat(website.line().summary()).isEqualTo("1.5 × Labor - Website Labor (68055) @ 150.00 = 225.00");
  }
}
