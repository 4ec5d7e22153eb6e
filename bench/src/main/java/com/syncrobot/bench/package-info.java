/**
 * The benchmark harness of issue 8: the real bot as a child JVM from the shaded jar, driven through
 * the Slack simulator against the Syncro sandbox (the replicas scenario's bots run in the bench JVM, see
 * {@link com.syncrobot.bench.Replicas}), printing one table of min / median / max figures.
 * Not a unit test; run with {@code mvn -B -Pbench -DskipTests verify} (see bench/README.md).
 */
@NullMarked
package com.syncrobot.bench;

import org.jspecify.annotations.NullMarked;
