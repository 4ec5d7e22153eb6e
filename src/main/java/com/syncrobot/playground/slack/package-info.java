/**
 * The playground's Slack simulator: an embedded HTTP server that plays Slack for one bot on
 * loopback (Web API, response_url, signed requests to the bot) and serves a browser page that
 * looks like a Slack channel. A development tool, never started by {@code serve}.
 */
@NullMarked
package com.syncrobot.playground.slack;

import org.jspecify.annotations.NullMarked;
