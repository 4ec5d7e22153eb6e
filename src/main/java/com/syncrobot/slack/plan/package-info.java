/**
 * The Slack side of every write: a plan is previewed, confirmed once by its owner, and its
 * message kept in step while the engine ({@code com.syncrobot.write}) runs it (R1, R2). Start at
 * {@link com.syncrobot.slack.plan.PlanMachinery} (what is built once and the plan buttons it
 * registers), then {@link com.syncrobot.slack.plan.PlanRequests} (a submission becomes a stored plan
 * and its preview), {@link com.syncrobot.slack.plan.PlanPreview} (the message), {@link
 * com.syncrobot.slack.plan.PreviewSentence} (its one first line), {@link
 * com.syncrobot.slack.plan.PlanButtons} (Confirm, Cancel, Send it again…) and {@link
 * com.syncrobot.slack.plan.PreviewUpdater}. "Finish the remaining steps" is {@link
 * com.syncrobot.slack.plan.FinishButton}.
 */
@NullMarked
package com.syncrobot.slack.plan;

import org.jspecify.annotations.NullMarked;
