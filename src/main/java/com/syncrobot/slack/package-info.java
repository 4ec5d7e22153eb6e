/**
 * Slack side of the bot: the Bolt app, one handler class per command or view, Block Kit replies
 * and the mrkdwn escaping every reply goes through. The business rules the code cites (R1…R26)
 * are in {@code docs/rules.md}.
 */
@NullMarked
package com.syncrobot.slack;

import org.jspecify.annotations.NullMarked;
