/** The threads of the bot's background work. */
@NullMarked
package com.syncrobot.threads;

import org.jspecify.annotations.NullMarked;
