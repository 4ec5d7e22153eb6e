package com.syncrobot.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The review checklist that runs on every draft before the preview (R5, R7, R8, R13). */
final class ReviewChecklistTest {
  private static final String SYNCRO_TOKEN = "T0123456789abcdef-0123456789abcdef0123456789abcdef";

  private static BillingPlan remote45() {
    return BillingCalculator.plan(LabourType.REMOTE, new Minutes(45), null, BriefRates.TABLE, "Remote labour: x");
  }

  private static DraftedTexts texts(String body) {
    return new DraftedTexts("Resolution", body, "Remote labour: replaced the print driver", "preview", true, "");
  }

  private static ReviewCheck check(ReviewResult r, String name) {
    return r.checks().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void cleanDraft_allChecksPassAndNothingIsCorrected() {
    ReviewResult r = ReviewChecklist.review(
        texts("Replaced the print driver.<br>Printing works again."), remote45(), BriefRates.TABLE,
        Visibility.PUBLIC_EMAIL);

    assertThat(r.allPassed()).isTrue();
    assertThat(r.corrections()).isEmpty();
    assertThat(r.checks()).extracting(ReviewCheck::name).contains(ReviewChecklist.PRODUCT, ReviewChecklist.R5_BRANCH,
        ReviewChecklist.PRICE, ReviewChecklist.QUANTITY, ReviewChecklist.TOTAL, ReviewChecklist.LINE_BREAKS,
        ReviewChecklist.NO_LISTS, ReviewChecklist.NO_SECRETS, ReviewChecklist.NO_INTERNAL);
    assertThat(r.texts().commentBody()).isEqualTo("Replaced the print driver.<br>Printing works again.");
    // The drafted description goes onto the line that will be sent.
    assertThat(r.plan().line().description()).isEqualTo("Remote labour: replaced the print driver");
    assertThat(check(r, ReviewChecklist.QUANTITY).detail()).isEqualTo("45 min ÷ 60 = 0.75 (at most 4 decimals)");
    assertThat(check(r, ReviewChecklist.TOTAL).detail()).startsWith("0.75 × $150.00 = $112.50");
  }

  @Test
  void listInDraft_becomesBulletLinesWithBr_andIsListed_R8() {
    ReviewResult r = ReviewChecklist.review(
        texts("Work done:\n<ul>\n  <li>Removed the old driver</li>\n  <li>Installed v5.2</li>\n</ul>\nAll good."),
        remote45(), BriefRates.TABLE, Visibility.PUBLIC);

    assertThat(r.texts().commentBody())
        .isEqualTo("Work done:<br>• Removed the old driver<br>• Installed v5.2<br><br>All good.")
        .doesNotContainIgnoringCase("<li").doesNotContainIgnoringCase("<ul").doesNotContain("\n");
    assertThat(check(r, ReviewChecklist.NO_LISTS).passed()).isFalse();
    assertThat(r.corrections()).contains("turned the bullet list in the body into • lines, which Syncro shows");
  }

  @Test
  void htmlInDraft_linksScriptsAndTagsBecomeEscapedText_andTheCorrectionIsListed_R8() {
    ReviewResult r = ReviewChecklist.review(
        texts("<p>Fixed it &amp; tested.</p>Pay at <a href=\"http://evil.example\">your bank</a>."
            + "<script>alert(1)</script><b>R&D</b> said 2 < 3"),
        remote45(), BriefRates.TABLE, Visibility.PUBLIC_EMAIL);

    assertThat(r.texts().commentBody())
        .isEqualTo("Fixed it &amp; tested.<br>Pay at your bank (http://evil.example).R&amp;D said 2 &lt; 3");
    assertThat(check(r, ReviewChecklist.TEXT_ONLY).passed()).isFalse();
    assertThat(r.corrections()).anySatisfy(c -> assertThat(c).startsWith("removed the HTML tags from the body"));
  }

  @Test
  void escapedTechnicianText_staysEscaped_andPassesTheTextCheck_R8() {
    String escaped = "Call &lt;a href=&quot;http://evil&quot;&gt;bank&lt;/a&gt; &amp; more<br>Thanks";
    ReviewResult r = ReviewChecklist.review(texts(escaped), remote45(), BriefRates.TABLE, Visibility.PUBLIC);

    assertThat(r.texts().commentBody()).isEqualTo(escaped);
    assertThat(check(r, ReviewChecklist.TEXT_ONLY).passed()).isTrue();
  }

  @Test
  void newlines_becomeBr_andTheCorrectionIsListed_R8() {
    ReviewResult r = ReviewChecklist.review(
        texts("Line one\nLine two\r\nLine three<br>\nLine four"), remote45(), BriefRates.TABLE, Visibility.PUBLIC);

    assertThat(r.texts().commentBody()).isEqualTo("Line one<br>Line two<br>Line three<br>Line four");
    assertThat(check(r, ReviewChecklist.LINE_BREAKS).passed()).isFalse();
    // The newline that followed a <br> was the same break, so two were converted, not three.
    assertThat(r.corrections()).contains("converted 2 line break(s) in the body into ones Syncro shows");
  }

  @Test
  void tokenInPublicBody_lineRemovedAndSaidWithoutRepeatingIt_R8() {
    ReviewResult r = ReviewChecklist.review(
        texts("Reconnected the sync.<br>Used api_key=abc123 for the test<br>Token " + SYNCRO_TOKEN
            + "<br>Slack xoxb-1234-5678-abcdef<br>Done."),
        remote45(), BriefRates.TABLE, Visibility.PUBLIC_EMAIL);

    assertThat(r.texts().commentBody()).isEqualTo("Reconnected the sync.<br>Done.");
    assertThat(check(r, ReviewChecklist.NO_SECRETS).passed()).isFalse();
    assertThat(r.corrections()).contains(
        "removed line 2 of the body: it looked like an API key",
        "removed line 3 of the body: it looked like a Syncro API token",
        "removed line 4 of the body: it looked like a Slack token");
    assertThat(String.join(" ", r.corrections())).doesNotContain("abc123", SYNCRO_TOKEN, "xoxb-1234");
    assertThat(String.join(" ", r.checks().stream().map(ReviewCheck::detail).toList())).doesNotContain("abc123");
  }

  @Test
  void shapesTheReviewOnceMissed_areRemovedToo_R11() {
    // The Slack forms' copy of the rules refused these; the review's own copy let them through.
    ReviewResult r = ReviewChecklist.review(
        texts("Reconnected Slack.<br>Refresh xoxe-1-abcdef123456<br>Set x_api_key=abc123<br>token: abc<br>Done."),
        remote45(), BriefRates.TABLE, Visibility.INTERNAL);

    assertThat(r.texts().commentBody()).isEqualTo("Reconnected Slack.<br>Done.");
    assertThat(r.corrections()).containsExactly(
        "removed line 2 of the body: it looked like a Slack token",
        "removed line 3 of the body: it looked like an API key",
        "removed line 4 of the body: it looked like a token or secret");
  }

  @Test
  void passwordLabelWithoutValue_removedFromPublicBody_R8() {
    ReviewResult r = ReviewChecklist.review(texts("Set up the mailbox.<br>Password:<br>Done."), remote45(),
        BriefRates.TABLE, Visibility.PUBLIC);

    assertThat(r.texts().commentBody()).isEqualTo("Set up the mailbox.<br>Done.");
    assertThat(r.corrections()).containsExactly("removed line 2 of the body: it looked like a password");
  }

  @Test
  void passwordWordInOrdinaryNotes_isKept_R8() {
    DraftedTexts t = new DraftedTexts("Resolution", "Reset John's password and unlocked his account.",
        "Remote labour: password reset for John", "p", true, "");
    ReviewResult r = ReviewChecklist.review(t, remote45(), BriefRates.TABLE, Visibility.PUBLIC);
    assertThat(r.texts().commentBody()).isEqualTo("Reset John's password and unlocked his account.");
    assertThat(r.texts().lineItemDescription()).isEqualTo("Remote labour: password reset for John");
    assertThat(r.corrections()).isEmpty();
  }

  @Test
  void passwordAndInternalWord_removedFromPublicBody_keptInInternalNote_R8() {
    String body = "Reset the mailbox.<br>New password: Spring2026!<br>Internal: customer is slow to pay<br>Done.";

    ReviewResult pub = ReviewChecklist.review(texts(body), remote45(), BriefRates.TABLE, Visibility.PUBLIC);
    ReviewResult internal = ReviewChecklist.review(texts(body), remote45(), BriefRates.TABLE, Visibility.INTERNAL);

    assertThat(pub.texts().commentBody()).isEqualTo("Reset the mailbox.<br>Done.");
    assertThat(check(pub, ReviewChecklist.NO_INTERNAL).passed()).isFalse();
    assertThat(pub.corrections()).contains("removed line 2 of the body: it looked like a password");
    assertThat(pub.corrections()).anyMatch(c -> c.startsWith("removed line 3 of the body: it mentions \"internal\""));
    // Only technicians read an internal note, so R8's customer-facing limits do not cut it.
    assertThat(internal.texts().commentBody()).isEqualTo(body);
    assertThat(internal.allPassed()).isTrue();
  }

  @Test
  void tokenInInternalNote_stillRemoved_R11() {
    ReviewResult r = ReviewChecklist.review(texts("Token " + SYNCRO_TOKEN + "<br>Done."), remote45(),
        BriefRates.TABLE, Visibility.INTERNAL);

    assertThat(r.texts().commentBody()).isEqualTo("Done.");
  }

  @Test
  void tokenInPreviewSummary_removedBeforeItReachesSlack_R11() {
    DraftedTexts t = new DraftedTexts("Resolution", "Done.", "Remote labour", "Used xoxb-1234-5678-abcdef", true, "");

    ReviewResult r = ReviewChecklist.review(t, remote45(), BriefRates.TABLE, Visibility.INTERNAL);

    assertThat(r.texts().preview()).isEqualTo("(no summary)");
    assertThat(r.corrections()).contains(
        "replaced the preview summary with \"(no summary)\": it looked like a Slack token");
  }

  @Test
  void secretInLineDescription_replaced_becauseTheInvoiceShowsIt_R8() {
    DraftedTexts t = new DraftedTexts("Resolution", "Done.", "Remote labour: wifi password is hunter2", "p", true, "");

    ReviewResult r = ReviewChecklist.review(t, remote45(), BriefRates.TABLE, Visibility.INTERNAL);

    assertThat(r.texts().lineItemDescription()).isEqualTo("Remote labour");
    assertThat(r.plan().line().description()).isEqualTo("Remote labour");
    assertThat(r.corrections()).contains(
        "replaced the line description with \"Remote labour\": it looked like a password");
  }

  @Test
  void wrongPriceInHandBuiltLine_flaggedAndRecomputedFromTheTable_R13() {
    BillingLine cheap = new BillingLine(1190473, "Labor - Remote Business", "x", Quantity.hours(new Minutes(45)),
        Money.parse("140.00"));
    BillingPlan handBuilt = new BillingPlan.Hourly(LabourType.REMOTE, new Minutes(45), cheap, cheap.total(), "by hand");

    ReviewResult r = ReviewChecklist.review(texts("Done."), handBuilt, BriefRates.TABLE, Visibility.PUBLIC);

    assertThat(check(r, ReviewChecklist.PRICE).passed()).isFalse();
    assertThat(check(r, ReviewChecklist.PRICE).detail())
        .isEqualTo("the line says $140.00 for Labor - Remote Business (1190473), the rate table says $150.00");
    assertThat(r.plan().line().priceRetail()).isEqualTo(Money.parse("150.00"));
    assertThat(r.plan().expectedTotal().toString()).isEqualTo("112.50");
    assertThat(r.corrections()).contains("the line was recomputed from the rate table: "
        + "0.75 × Labor - Remote Business (1190473) @ 150.00 = 112.50");
  }

  @Test
  void wrongQuantityAndTotal_flagged_R7() {
    BillingLine line = new BillingLine(1190473, "Labor - Remote Business", "x", new Quantity(new BigDecimal("0.77")),
        Money.parse("150.00"));
    BillingPlan handBuilt = new BillingPlan.Hourly(LabourType.REMOTE, new Minutes(45), line, Money.parse("100.00"),
        "by hand");

    ReviewResult r = ReviewChecklist.review(texts("Done."), handBuilt, BriefRates.TABLE, Visibility.PUBLIC);

    assertThat(check(r, ReviewChecklist.QUANTITY).detail())
        .isEqualTo("the line says 0.77, but 45 min ÷ 60 = 0.75 (at most 4 decimals)");
    assertThat(check(r, ReviewChecklist.TOTAL).detail())
        .isEqualTo("the plan says $100.00, but 0.77 × $150.00 = $115.50");
    assertThat(r.plan().line().quantity().toString()).isEqualTo("0.75");
    assertThat(r.plan().expectedTotal().toString()).isEqualTo("112.50");
  }

  @Test
  void emergencyPrepaidBilledOnEmergencyProduct_r5BranchFlaggedAndCorrected_R5() {
    // Stacking the 1.5× twice: the emergency product at hours × 1.5.
    BillingLine stacked = new BillingLine(26184, "Labor - Emergency or After Hours Business", "x",
        Quantity.prepaidEmergencyHours(new Minutes(120)), Money.parse("262.50"));
    BillingPlan handBuilt = new BillingPlan.EmergencyPrepaid(new Minutes(120), new BigDecimal("10.0"), stacked,
        stacked.total(), "by hand");

    ReviewResult r = ReviewChecklist.review(texts("Done."), handBuilt, BriefRates.TABLE, Visibility.PUBLIC);

    assertThat(check(r, ReviewChecklist.R5_BRANCH).passed()).isFalse();
    assertThat(check(r, ReviewChecklist.PRODUCT).passed()).isFalse();
    assertThat(r.plan()).isInstanceOf(BillingPlan.EmergencyPrepaid.class);
    assertThat(r.plan().line().summary()).isEqualTo("3 × Labor - Onsite Business (26118) @ 175.00 = 525.00");
  }

  @Test
  void reviewComment_appliesTheSameRulesToAPlainComment_R8() {
    CommentReview r = ReviewChecklist.reviewComment("Update", "<ol><li>a</li><li>b</li></ol>", Visibility.PUBLIC);

    assertThat(r.body()).isEqualTo("• a<br>• b");
    assertThat(r.allPassed()).isFalse();
  }
}
