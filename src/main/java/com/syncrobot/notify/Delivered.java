package com.syncrobot.notify;

/** How handing a batch to Slack went. */
public sealed interface Delivered {
  /** In Slack now (or found there already, from an earlier attempt); {@code ts} is the message posted. */
  record Posted(String ts) implements Delivered {}

  /** Not posted this time (Slack did not answer, asked to slow down): the batch is tried again later. */
  record Later(String why) implements Delivered {}

  /**
   * Can never be posted (the channel is gone or the bot was removed from it, the subscription was removed,
   * the creator may no longer post there): recorded with {@code why}; the sink has told whom it concerns.
   */
  record Dropped(String why) implements Delivered {}
}
