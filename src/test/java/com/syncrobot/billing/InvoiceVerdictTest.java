package com.syncrobot.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncrobot.syncro.CustomerId;
import com.syncrobot.syncro.Invoice;
import com.syncrobot.syncro.LineItem;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Judging the invoice read back from Syncro (R9, R10). */
final class InvoiceVerdictTest {
  private static final Money EXPECTED = Money.parse("525.00");
  private static final Quantity THREE = new Quantity(new BigDecimal("3"));

  private static Invoice invoice(@Nullable String total) {
    return new Invoice(901, "67447", 5001L, new CustomerId(77), null, total == null ? null : new BigDecimal(total),
        List.of(), null, "Acme", null, null);
  }

  private static LineItem line(long id, @Nullable String price, @Nullable Long invoiceId) {
    return new LineItem(id, "Labor - Onsite Business", "x", new BigDecimal("3.0"),
        price == null ? null : new BigDecimal(price), 26118L, invoiceId);
  }

  @Test
  void totalEqualsExpected_matches_R9() {
    InvoiceVerdict v = InvoiceVerdict.judge(EXPECTED, invoice("525.0"), List.of(line(1, "175.0", 901L)), null, null,
        THREE);

    assertThat(v).isInstanceOf(InvoiceVerdict.Matches.class);
    assertThat(v.success()).isTrue();
  }

  @Test
  void zeroDollarProjectLine_matchesZeroExpected() {
    InvoiceVerdict v = InvoiceVerdict.judge(Money.ZERO, invoice("0.0"), List.of(line(1, "0.0", null)), null, null,
        new Quantity(new BigDecimal("0.5")));

    assertThat(v).isInstanceOf(InvoiceVerdict.Matches.class);
  }

  @Test
  void zeroInvoiceAndPrepayDroppedByQuantity_isSuccessNotTheBug_R10() {
    InvoiceVerdict v = InvoiceVerdict.judge(EXPECTED, invoice("0.0"), List.of(line(1, "175.0", 901L)),
        new BigDecimal("10.0"), new BigDecimal("7.0"), THREE);

    assertThat(v).isInstanceOf(InvoiceVerdict.PrepaidZeroOk.class);
    assertThat(v.success()).isTrue();
    assertThat(v.explanation()).contains("from 10.0 to 7.0, down by the line's 3 h");
  }

  @Test
  void zeroInvoiceBecauseLinesHaveNoPrice_recoveryListsLinesAndInvoice_R10() {
    List<LineItem> lines = List.of(line(11, null, 901L), line(12, "0.0", null), line(13, "175.0", 901L),
        line(14, null, 555L));

    InvoiceVerdict v = InvoiceVerdict.judge(EXPECTED, invoice("0.0"), lines, null, null, THREE);

    assertThat(v).isInstanceOf(InvoiceVerdict.ZeroNeedsRecovery.class);
    InvoiceVerdict.ZeroNeedsRecovery r = (InvoiceVerdict.ZeroNeedsRecovery) v;
    // Line 14 sits on an older invoice: not ours to touch.
    assertThat(r.linesToFix()).extracting(InvoiceVerdict.UnpricedLine::lineItemId).containsExactly(11L, 12L);
    assertThat(r.invoiceId()).isEqualTo(901);
    assertThat(r.success()).isFalse();
    assertThat(r.explanation()).contains("price line(s) 11, 12 from the rate table").contains("delete invoice 67447")
        .contains("read it back to be sure it is gone").doesNotContain("price_retail", "update_line_item", "R10");
  }

  @Test
  void zeroInvoiceForNonPrepaidCustomerWithPricedLines_isAMismatchNotARecovery_R10() {
    InvoiceVerdict v = InvoiceVerdict.judge(EXPECTED, invoice("0.0"), List.of(line(1, "175.0", 901L)),
        new BigDecimal("0.0"), new BigDecimal("0.0"), THREE);

    assertThat(v).isInstanceOf(InvoiceVerdict.Mismatch.class);
    assertThat(v.explanation()).contains("repricing the lines would not fix it");
  }

  @Test
  void zeroInvoiceWithPrepayDroppedByAnotherAmount_isAMismatch_R10() {
    InvoiceVerdict v = InvoiceVerdict.judge(EXPECTED, invoice("0.0"), List.of(line(1, null, 901L)),
        new BigDecimal("10.0"), new BigDecimal("8.0"), THREE);

    assertThat(v).isInstanceOf(InvoiceVerdict.Mismatch.class);
    assertThat(v.explanation()).contains("down by 2.0 h, not by the line's 3 h");
  }

  @Test
  void otherTotal_isAMismatchWithExpectedAndActual_R9() {
    InvoiceVerdict v = InvoiceVerdict.judge(EXPECTED, invoice("551.25"), List.of(), null, null, THREE);

    assertThat(v).isInstanceOf(InvoiceVerdict.Mismatch.class);
    InvoiceVerdict.Mismatch m = (InvoiceVerdict.Mismatch) v;
    assertThat(m.actualTotal()).isEqualByComparingTo("551.25");
    assertThat(m.explanation()).isEqualTo(
        "invoice 67447 total is 551.25, expected 525.00 (over by 26.25). Check it in Syncro; nothing was changed.");
  }

  @Test
  void missingTotal_isAMismatch() {
    assertThat(InvoiceVerdict.judge(EXPECTED, invoice(null), List.of(), null, null, THREE))
        .isInstanceOf(InvoiceVerdict.Mismatch.class);
  }
}
