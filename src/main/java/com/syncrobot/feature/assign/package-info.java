/**
 * "Assign to me": {@code /syncro assign 32203} and the buttons every message about a ticket carries
 * (View, Comment, Assign to me, Bill; built by {@link com.syncrobot.slack.blocks.TicketButtons}).
 * Start at {@link com.syncrobot.feature.assign.AssignFeature}; the plan is made by {@link
 * com.syncrobot.feature.assign.AssignPlans}, the clicks handled by {@link
 * com.syncrobot.feature.assign.TicketButtonActions}.
 */
@NullMarked
package com.syncrobot.feature.assign;

import org.jspecify.annotations.NullMarked;
