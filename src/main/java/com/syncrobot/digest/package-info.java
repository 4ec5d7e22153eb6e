/**
 * Scheduled channel digests below Slack: the schedule arithmetic (time zones, DST), the schedules
 * and their once-per-day run claims in SQLite, the scheduler loop, and the Syncro reads a digest is
 * built from. Start at {@link com.syncrobot.digest.DigestScheduler}; {@link
 * com.syncrobot.digest.DigestTimes} is the pure arithmetic, {@link com.syncrobot.digest.DigestStore}
 * the claims that make each day's run happen once, {@link com.syncrobot.digest.DigestReader} the
 * reads. Nothing here talks to Slack: a {@link com.syncrobot.digest.DigestPublisher}, implemented in
 * {@code com.syncrobot.feature.digest}, renders and posts.
 */
@NullMarked
package com.syncrobot.digest;

import org.jspecify.annotations.NullMarked;
