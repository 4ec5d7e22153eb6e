/**
 * The playground's Slack simulator: an embedded HTTP server that plays Slack for one bot on
 * loopback (Web API, response_url, signed requests to the bot) and serves a browser page that
 * looks like a Slack channel. A development tool, never started by {@code serve}.
 *
 * <p>Start with {@link com.syncrobot.playground.slack.SlackSimulator}: it starts the server and
 * offers every gesture as a method; the records it hands out ({@link
 * com.syncrobot.playground.slack.SimMessage}, {@link com.syncrobot.playground.slack.SimModal},
 * {@link com.syncrobot.playground.slack.BotAck}, {@link com.syncrobot.playground.slack.ApiCall},
 * {@link com.syncrobot.playground.slack.DemoUser}) live here too. What the workspace holds is in
 * {@code slack.workspace}, what the bot calls in {@code slack.web}, what a person does (and the
 * page) in {@code slack.user}.
 *
 * <p>The page's stable hooks for browser tests ({@code data-testid}): {@code user-switcher},
 * {@code channel-<id>}, {@code composer}, {@code send}, {@code composer-status},
 * {@code message-list}, {@code message} (with {@code data-ts}, {@code data-user},
 * {@code data-ephemeral}), {@code ephemeral-note}, {@code button} (with {@code data-label} =
 * its text and {@code data-action-id}), {@code confirm-dialog}, {@code confirm-yes},
 * {@code confirm-no}, {@code message-menu}, {@code shortcut} (with {@code data-callback-id}),
 * {@code reply-in-thread}, {@code replies}, {@code thread}, {@code thread-composer},
 * {@code thread-send}, {@code unfurl}, {@code file}, {@code modal} (with {@code data-view-id},
 * {@code data-callback-id}), {@code modal-title}, {@code input-<block_id>},
 * {@code field-<block_id>}, {@code error-<block_id>}, {@code suggestion}, {@code modal-problem},
 * {@code modal-submit}, {@code modal-close}, {@code modal-dismiss}, {@code tab-messages},
 * {@code tab-home}, {@code home}, {@code toast}. {@code /?user=U…} opens the page as that user.
 */
@NullMarked
package com.syncrobot.playground.slack;

import org.jspecify.annotations.NullMarked;
