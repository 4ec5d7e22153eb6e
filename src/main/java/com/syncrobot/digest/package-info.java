/**
 * Scheduled channel digests: the schedule arithmetic (time zones, DST), the schedules and their
 * once-per-day run claims in SQLite, the scheduler loop, and the Syncro reads a digest is built from.
 * Nothing here talks to Slack; a {@link com.syncrobot.digest.DigestPublisher} does.
 */
@NullMarked
package com.syncrobot.digest;

import org.jspecify.annotations.NullMarked;
