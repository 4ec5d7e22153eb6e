package com.syncrobot.notify;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * How current a view's notifications are, for {@code /syncro subscriptions}: when Syncro was last read
 * through to the end for it, since when the next read has been waiting (for the request budget, or Syncro
 * not answering), and how many notifications are waiting to be posted.
 *
 * @param checkedAt the last complete poll, or null before the first
 * @param waitingSince when the poll now waiting should have run, or null when none is overdue
 * @param why in words why it waits, or null
 */
public record NotifyStatus(@Nullable Instant checkedAt, @Nullable Instant waitingSince, int pending,
    @Nullable String why) {}
