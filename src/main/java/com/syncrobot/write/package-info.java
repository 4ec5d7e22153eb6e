/**
 * The write engine: every Syncro POST, PUT or DELETE is a step of a stored {@link
 * com.syncrobot.write.Plan}, previewed, confirmed once by its owner, executed exactly once, checked
 * and audited (R1, R2, R3, R17). Start at {@link com.syncrobot.write.Plan} and {@link
 * com.syncrobot.write.Step}, then {@link com.syncrobot.write.PlanStore} (every state change is one
 * conditional update, so one click wins) and {@link com.syncrobot.write.PlanExecutor} (runs confirmed
 * plans; a step whose outcome is unknown is looked for in Syncro, never sent again blindly). {@link
 * com.syncrobot.write.Assertion} is what a read step checks after the writes, {@link
 * com.syncrobot.write.FollowUp} carries the steps that did not happen into a new plan, and {@link
 * com.syncrobot.write.AuditEntry} is one send as the audit shows it. Nothing here talks to Slack:
 * the preview and buttons are in {@code com.syncrobot.slack.plan}, which hears every change through
 * {@link com.syncrobot.write.PlanListener}. Each rule with its reason is in {@code docs/rules.md}.
 */
@NullMarked
package com.syncrobot.write;

import org.jspecify.annotations.NullMarked;
