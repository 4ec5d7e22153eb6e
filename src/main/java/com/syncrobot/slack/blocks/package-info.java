/**
 * Block Kit text helpers shared by every feature: {@link com.syncrobot.slack.blocks.Mrkdwn}
 * escaping (every reply goes through it), {@link com.syncrobot.slack.blocks.Reply} and
 * {@link com.syncrobot.slack.blocks.Replies} (an ephemeral answer and the standard ones),
 * {@link com.syncrobot.slack.blocks.SectionPacker} (lines into as few sections as Slack allows),
 * Slack markup to plain text, times shown in each reader's zone, what a submitted modal holds
 * ({@link com.syncrobot.slack.blocks.ViewValues}), a modal's private_metadata as JSON ({@link
 * com.syncrobot.slack.blocks.MetadataJson}) and the buttons every message about a ticket carries ({@link
 * com.syncrobot.slack.blocks.TicketButtons}). Comment text rules are in {@code com.syncrobot.text}.
 */
@NullMarked
package com.syncrobot.slack.blocks;

import org.jspecify.annotations.NullMarked;
