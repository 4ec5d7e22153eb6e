/**
 * The playground: the real bot between the Syncro sandbox and the Slack simulator on one machine
 * ({@link com.syncrobot.playground.Playground}), started by the {@code playground} command only.
 */
@NullMarked
package com.syncrobot.playground;

import org.jspecify.annotations.NullMarked;
