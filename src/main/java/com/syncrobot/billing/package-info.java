/**
 * Billing rules as pure code (R4–R10, R13's review checklist): labour types, minutes, quantities,
 * money, the rate table, the billing plan with its R5 branch, the review of drafted text and the
 * verdict on an invoice. Nothing here does I/O, so every rule is testable without a server.
 */
@NullMarked
package com.syncrobot.billing;

import org.jspecify.annotations.NullMarked;
