package com.syncrobot.slack;

import java.util.List;
import java.util.Objects;

/** A rendered digest: the one main message and the thread replies that carry the full lists. */
record DigestMessages(Reply main, List<Reply> thread) {
  DigestMessages {
    Objects.requireNonNull(main, "main == null");
    thread = List.copyOf(thread);
  }
}
