/**
 * The process: the jar's entry point with its operator commands, the configuration read once from
 * the environment, and the wiring of one running bot. Start at {@link com.syncrobot.app.Main} (the
 * commands {@code serve}, {@code users}, {@code rates}, {@code audit}, {@code doctor}, {@code
 * migrate-store} and {@code playground}), then {@link com.syncrobot.app.BotServer}, which opens the store and builds the
 * Syncro client from one {@link com.syncrobot.app.BotConfig}, hands them to {@link
 * com.syncrobot.slack.SlackBot} (the Slack app with every feature), and serves it through {@link
 * com.syncrobot.app.HttpTransport} or Socket Mode. {@link com.syncrobot.app.LogRedaction} keeps
 * secrets out of every log line.
 */
@NullMarked
package com.syncrobot.app;

import org.jspecify.annotations.NullMarked;
