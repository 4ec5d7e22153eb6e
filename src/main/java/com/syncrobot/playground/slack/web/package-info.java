/**
 * What the bot calls: Slack's Web API at {@code /api/<method>} ({@link
 * com.syncrobot.playground.slack.web.WebApi}, which checks the token and dispatches to {@code
 * ChatMethods}, {@code ViewMethods}, {@code InfoMethods} and {@code FileMethods}, each method an
 * {@code ApiMethod} reading its {@code ApiArgs}), the response_urls ({@link
 * com.syncrobot.playground.slack.web.ResponseUrls}) and file uploads and downloads ({@code
 * FileEndpoints}, {@code FileStore}, {@code Multipart}). Start with {@code WebApi}; {@code
 * SimulatorHttp} reads requests and writes answers on the JDK server.
 */
@NullMarked
package com.syncrobot.playground.slack.web;

import org.jspecify.annotations.NullMarked;
