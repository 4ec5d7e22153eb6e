/**
 * The playground: the real bot, unchanged, between a fake Syncro and a fake Slack on one machine,
 * for a look without accounts; started by the {@code playground} command only, never by {@code
 * serve}. Start at {@link com.syncrobot.playground.Playground}; the fake Syncro is {@code
 * playground.sandbox}, the fake Slack with its browser page {@code playground.slack}; {@code
 * SandboxControls} serves the page's sandbox panel (faults, reset).
 */
@NullMarked
package com.syncrobot.playground;

import org.jspecify.annotations.NullMarked;
