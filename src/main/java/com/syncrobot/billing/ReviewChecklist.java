package com.syncrobot.billing;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The deterministic review that runs on every billing before its preview, whoever drafted the text
 * (R13): the line's product and R5 branch, price, quantity and total are recomputed from the rate
 * table, and the comment obeys R8. A failed check is corrected and the correction listed, never
 * silently. Stateless and thread-safe.
 */
public final class ReviewChecklist {
  public static final String PRODUCT = "product";
  public static final String R5_BRANCH = "emergency rule";
  public static final String PRICE = "price";
  public static final String QUANTITY = "quantity";
  public static final String TOTAL = "total";
  public static final String LINE_BREAKS = CommentChecks.LINE_BREAKS;
  public static final String NO_LISTS = CommentChecks.NO_LISTS;
  public static final String TEXT_ONLY = CommentChecks.TEXT_ONLY;
  public static final String NO_SECRETS = CommentChecks.NO_SECRETS;
  public static final String NO_INTERNAL = CommentChecks.NO_INTERNAL;

  static final String DEFAULT_SUBJECT = "Resolution";

  private ReviewChecklist() {}

  /**
   * Reviews a drafted billing and returns the texts and plan to preview, corrected where needed.
   *
   * @param visibility who will see the resolution comment; the line description is always treated
   *     as customer-visible, since it prints on the invoice
   */
  public static ReviewResult review(DraftedTexts texts, BillingPlan plan, RateTable rates, Visibility visibility) {
    Objects.requireNonNull(texts, "texts == null");
    Objects.requireNonNull(plan, "plan == null");
    Objects.requireNonNull(rates, "rates == null");
    Objects.requireNonNull(visibility, "visibility == null");
    List<ReviewCheck> checks = new ArrayList<>();
    List<String> corrections = new ArrayList<>();
    CommentChecks rules = new CommentChecks(checks, corrections);

    String body = rules.body(texts.commentBody(), visibility);
    String subject = rules.singleLine("subject", texts.commentSubject(), visibility.customerVisible(), DEFAULT_SUBJECT);
    String fallbackDescription = plan.labourType().label() + " labour";
    String description = rules.singleLine("line description", texts.lineItemDescription(), true, fallbackDescription);
    // The preview summary only reaches the technician in Slack, but a token must never reach Slack either (R11).
    String preview = rules.singleLine("preview summary", texts.preview(), false, "(no summary)");
    if (body.isBlank()) {
      body = description;
      corrections.add("the comment body was empty after the checks; it now repeats the line description");
    }

    BillingPlan reviewed = reviewPlan(plan, rates, description, checks, corrections);
    return new ReviewResult(texts.with(subject, body, description, preview), reviewed, checks, corrections);
  }

  /**
   * Reviews a plain comment (subject and HTML body) by the R8 rules alone, for comments that bill
   * nothing.
   */
  public static CommentReview reviewComment(String subject, String body, Visibility visibility) {
    Objects.requireNonNull(subject, "subject == null");
    Objects.requireNonNull(body, "body == null");
    Objects.requireNonNull(visibility, "visibility == null");
    List<ReviewCheck> checks = new ArrayList<>();
    List<String> corrections = new ArrayList<>();
    CommentChecks rules = new CommentChecks(checks, corrections);
    String b = rules.body(body, visibility);
    String s = rules.singleLine("subject", subject, visibility.customerVisible(), "Update");
    return new CommentReview(s, b, checks, corrections);
  }

  private static BillingPlan reviewPlan(
      BillingPlan plan, RateTable rates, String description, List<ReviewCheck> checks, List<String> corrections) {
    BillingPlan expected = BillingCalculator.plan(plan.labourType(), plan.minutes(), plan.prepayHours(), rates,
        description);
    BillingLine got = plan.line();
    BillingLine want = expected.line();
    int failuresBefore = corrections.size();

    String wantProduct = want.name() + " (" + want.productId() + ")";
    String gotProduct = got.name() + " (" + got.productId() + ")";
    if (got.productId() == want.productId() && got.name().equals(want.name())) {
      checks.add(ReviewCheck.pass(PRODUCT, wantProduct + " is the rate table's product for " + expected.branch()));
    } else {
      fail(checks, corrections, PRODUCT, "the line had " + gotProduct + "; the rate table's product for "
          + expected.branch() + " is " + wantProduct);
    }

    if (plan.labourType() != LabourType.EMERGENCY) {
      checks.add(ReviewCheck.pass(R5_BRANCH, "not emergency labour, so the prepaid-hours rule does not apply"));
    } else if (plan.getClass() == expected.getClass() && got.productId() == want.productId()
        && got.quantity().equals(want.quantity())) {
      checks.add(ReviewCheck.pass(R5_BRANCH, expected.branch() + ": " + want.quantity() + " × " + wantProduct
          + "; never both emergency and onsite products for the same hours"));
    } else {
      fail(checks, corrections, R5_BRANCH, "the plan billed " + got.quantity() + " × " + gotProduct + " as "
          + plan.branch() + ", but prepaid hours " + (plan.prepayHours() == null ? "none"
              : plan.prepayHours().toPlainString())
          + " call for " + expected.branch() + ": "
          + want.quantity() + " × " + wantProduct);
    }

    Optional<Rate> tableRate = rates.byProductId(got.productId());
    if (tableRate.isEmpty()) {
      fail(checks, corrections, PRICE, "product " + got.productId() + " is not in the rate table");
    } else if (!tableRate.get().priceRetail().equals(got.priceRetail())) {
      fail(checks, corrections, PRICE, "the line says $" + got.priceRetail() + " for " + gotProduct
          + ", the rate table says $" + tableRate.get().priceRetail());
    } else {
      checks.add(ReviewCheck.pass(PRICE, "$" + got.priceRetail() + " for " + gotProduct + ", as in the rate table"));
    }

    String arithmetic = arithmetic(expected, rates);
    if (got.quantity().equals(want.quantity())) {
      checks.add(ReviewCheck.pass(QUANTITY, arithmetic));
    } else {
      fail(checks, corrections, QUANTITY, "the line says " + got.quantity() + ", but " + arithmetic);
    }

    if (plan.expectedTotal().equals(got.total())) {
      checks.add(ReviewCheck.pass(TOTAL, got.quantity() + " × $" + got.priceRetail() + " = $" + got.total()
          + " (rounded to the cent)"));
    } else {
      fail(checks, corrections, TOTAL, "the plan says $" + plan.expectedTotal() + ", but " + got.quantity()
          + " × $" + got.priceRetail() + " = $" + got.total());
    }

    if (corrections.size() == failuresBefore) {
      return plan.withDescription(description);
    }
    corrections.add("the line was recomputed from the rate table: " + want.summary());
    return expected;
  }

  private static String arithmetic(BillingPlan expected, RateTable rates) {
    int m = expected.minutes().value();
    Quantity q = expected.line().quantity();
    if (expected instanceof BillingPlan.EmergencyPrepaid) {
      return m + " min ÷ 60 × 1.5 = " + q + " (prepaid block)";
    }
    if (expected.labourType() != LabourType.EMERGENCY && rates.rate(expected.labourType()).unit() == Unit.TRIP) {
      return "1 per trip, whatever the minutes (" + m + " min recorded)";
    }
    return m + " min ÷ 60 = " + q + " (at most 4 decimals)";
  }

  private static void fail(List<ReviewCheck> checks, List<String> corrections, String name, String detail) {
    checks.add(ReviewCheck.fail(name, detail));
    corrections.add(name + ": " + detail + "; corrected");
  }
}
