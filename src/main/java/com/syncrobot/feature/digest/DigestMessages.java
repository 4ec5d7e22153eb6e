package com.syncrobot.feature.digest;

import com.syncrobot.slack.blocks.Reply;

import java.util.List;
import java.util.Objects;

/** A rendered digest: the one main message and the thread replies that carry the full lists. */
public record DigestMessages(Reply main, List<Reply> thread) {
  public DigestMessages {
    Objects.requireNonNull(main, "main == null");
    thread = List.copyOf(thread);
  }
}
