/**
 * The playground: the real bot between the Syncro sandbox and the Slack simulator on one machine
 * ({@link com.syncrobot.playground.Playground}), started by the {@code playground} command only.
 * The fake Syncro is {@code playground.sandbox}, the fake Slack {@code playground.slack}; {@code
 * SandboxControls} serves the page's sandbox panel (faults, reset).
 */
@NullMarked
package com.syncrobot.playground;

import org.jspecify.annotations.NullMarked;
