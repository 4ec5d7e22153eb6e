/**
 * Daily channel digests of open tickets: {@code /syncro digest add|list|remove|now}. Start at
 * {@link com.syncrobot.feature.digest.DigestFeature}; {@link
 * com.syncrobot.feature.digest.ChannelAccess} decides who may point a digest at a channel, {@link
 * com.syncrobot.feature.digest.ChannelDigests} builds and posts one and {@link
 * com.syncrobot.feature.digest.DigestRenderer} renders it. Scheduling and the store are in {@code
 * com.syncrobot.digest}.
 */
@NullMarked
package com.syncrobot.feature.digest;

import org.jspecify.annotations.NullMarked;
