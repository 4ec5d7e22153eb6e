/**
 * What a person does, and how Slack tells the bot: slash commands, messages, clicks and shortcuts
 * ({@link com.syncrobot.playground.slack.user.UserActions}), modal and Home tab gestures ({@link
 * com.syncrobot.playground.slack.user.ModalActions}, with the typed view state of {@code
 * ViewStates}), built as Bolt parses them ({@code Payloads}) and sent signed to the bot ({@code
 * BotLink}). The browser page calls the same actions through {@link
 * com.syncrobot.playground.slack.user.PageApi}, which serves each user's {@code Snapshot}. Start
 * with {@code UserActions}; {@code Parts} is what these classes share.
 */
@NullMarked
package com.syncrobot.playground.slack.user;

import org.jspecify.annotations.NullMarked;
