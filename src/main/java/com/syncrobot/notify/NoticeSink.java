package com.syncrobot.notify;

import java.util.List;

/**
 * Puts notifications into Slack; implemented in {@code com.syncrobot.feature.notify}. A batch is identified
 * by {@code batchId}, which the sink carries into Slack (message metadata) so that {@code retry} can look
 * for what an earlier attempt of the same batch already posted (its process died before recording it) and
 * post only what is missing: each batch appears once.
 */
public interface NoticeSink {
  /**
   * Posts one ticket's events in the subscription's channel, as a reply in the ticket's thread (starting
   * the thread with a message about the ticket when there is none yet, and updating that first message with
   * the ticket's current status).
   */
  Delivered toChannel(Subscription s, Notice notice, String batchId, boolean retry);

  /** Sends a technician one direct message with every notice, oldest first. */
  Delivered toUser(AlertSettings user, List<Notice> notices, String batchId, boolean retry);
}
