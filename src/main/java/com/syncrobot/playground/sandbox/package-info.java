/**
 * An embedded, stateful stand-in for the part of Syncro's REST API v1 the bot uses, with the real
 * quirks, demo data, and latency and fault injection. A development tool for the playground, the
 * benchmarks and the resilience suite; never started by {@code serve}.
 */
@NullMarked
package com.syncrobot.playground.sandbox;

import org.jspecify.annotations.NullMarked;
