/**
 * {@code /syncro bill}: minutes and labour type (or the ticket's timers) become a previewed plan
 * that adds the line item, invoices it and marks the ticket Invoiced. Start at {@link
 * com.syncrobot.feature.bill.BillFeature} (every handler of the feature), then {@link
 * com.syncrobot.feature.bill.BillCommand} → {@link com.syncrobot.feature.bill.BillModal} → {@link
 * com.syncrobot.feature.bill.BillSubmission} → {@link com.syncrobot.feature.bill.BillPlanner} (the
 * plan) → {@link com.syncrobot.feature.bill.BillResult} (what a finished billing says). The $0.00
 * repair is {@link com.syncrobot.feature.bill.RecoveryPlanner}; a billing that stopped before its
 * invoice is found by {@link com.syncrobot.feature.bill.UnfinishedBills}. The money rules themselves
 * are in {@code com.syncrobot.billing}.
 */
@NullMarked
package com.syncrobot.feature.bill;

import org.jspecify.annotations.NullMarked;
