/**
 * Billing rules as pure code (R4–R10, R13's review checklist): labour types, minutes, quantities,
 * money, the rate table, the billing plan with its R5 branch, the review of drafted text and the
 * verdict on an invoice. Nothing here does I/O, so every rule is testable without a server. The
 * rules (R…), each with its reason, are in {@code docs/rules.md}.
 */
@NullMarked
package com.syncrobot.billing;

import org.jspecify.annotations.NullMarked;
