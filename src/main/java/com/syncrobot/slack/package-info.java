/**
 * Slack side of the bot: the Bolt app, one handler class per command or view, Block Kit replies
 * and the mrkdwn escaping every reply goes through.
 */
@NullMarked
package com.syncrobot.slack;

import org.jspecify.annotations.NullMarked;
