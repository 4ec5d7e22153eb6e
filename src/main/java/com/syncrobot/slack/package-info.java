/**
 * The Slack plumbing every feature shares. Start at {@link com.syncrobot.slack.SlackBot}, which
 * builds the Bolt app and lists the features ({@link com.syncrobot.slack.Feature}, each built from
 * one {@link com.syncrobot.slack.FeatureContext}); {@code /syncro} dispatches on
 * {@link com.syncrobot.slack.Subcommands}. Here too: the signature check and the redelivery filter
 * that run before any handler, the work queues handlers hand Syncro calls to after their ack,
 * {@link com.syncrobot.slack.SlackOut} for messages sent outside an ack, and the technicians' time
 * zones. The steps a command starts with: {@link com.syncrobot.slack.Asker} (the asker's own Syncro
 * token, or the words that say why there is none), {@link com.syncrobot.slack.LoadingModal} (a modal
 * opened at once with the trigger_id and filled off Slack's thread) and
 * {@link com.syncrobot.slack.ReadRunner} (a read answered through response_url); when Syncro's request
 * budget holds their work back, {@link com.syncrobot.slack.QueuedNotice} says so. Block Kit text
 * helpers are in {@code slack.blocks}; the preview / Confirm machinery of
 * every write is in {@code slack.plan}; the features themselves in {@code com.syncrobot.feature.*}.
 * The business rules the code cites (R1…R26) are in {@code docs/rules.md}.
 */
@NullMarked
package com.syncrobot.slack;

import org.jspecify.annotations.NullMarked;
