/**
 * Billing rules as pure code (R4 to R10, and the review checklist of R13): minutes, labour types,
 * quantities, money, the rate table, what one piece of labour bills and which branch of the rules
 * it took, the review of the text a customer will read, and the verdict on an invoice Syncro holds.
 * Nothing here does I/O or talks to Slack, so every rule is testable on its own. Start at {@link
 * com.syncrobot.billing.BillingCalculator} (labour to a {@link com.syncrobot.billing.BillingPlan}),
 * then {@link com.syncrobot.billing.ReviewChecklist}, which re-checks every billing before its
 * preview, and {@link com.syncrobot.billing.InvoiceVerdict}. The bill command that uses them is
 * {@code com.syncrobot.feature.bill}; each rule with its reason is in {@code docs/rules.md}.
 */
@NullMarked
package com.syncrobot.billing;

import org.jspecify.annotations.NullMarked;
