/**
 * What the simulated Slack workspace holds and the rules it keeps: the fixed identities ({@link
 * com.syncrobot.playground.slack.workspace.Team}), channels and their messages ({@link
 * com.syncrobot.playground.slack.workspace.Conversations}, {@code Channel}), each user's modal
 * stack and Home tab ({@link com.syncrobot.playground.slack.workspace.Views}, {@code StoredView}),
 * the short-lived trigger_ids and response_urls ({@link
 * com.syncrobot.playground.slack.workspace.Handles}, {@code ResponseTarget}), Block Kit walking
 * and limits ({@code Blocks}, {@code BlockKitCheck}), Slack's JSON shapes ({@code SlackJson}) and
 * errors ({@code SlackError}). Start with {@code Conversations}; every change bumps {@code Changes},
 * which the page waits on.
 */
@NullMarked
package com.syncrobot.playground.slack.workspace;

import org.jspecify.annotations.NullMarked;
