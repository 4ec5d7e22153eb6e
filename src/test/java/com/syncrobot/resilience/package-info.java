/** Fault scenarios against the real bot, the Syncro sandbox and the Slack simulator (issue 8). */
@NullMarked
package com.syncrobot.resilience;

import org.jspecify.annotations.NullMarked;
