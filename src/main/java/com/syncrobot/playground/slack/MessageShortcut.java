package com.syncrobot.playground.slack;

import java.util.List;
import java.util.Objects;

/** A message shortcut offered in the "⋮" menu of every message: its label and the callback_id the bot matches. */
public record MessageShortcut(String name, String callbackId) {
  public MessageShortcut {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(callbackId, "callbackId == null");
    if (name.isBlank() || callbackId.isBlank()) {
      throw new IllegalArgumentException("blank shortcut name or callback_id: '" + name + "', '" + callbackId + "'");
    }
  }

  /** Returns the two shortcuts the playground offers unless told otherwise. */
  public static List<MessageShortcut> defaults() {
    return List.of(new MessageShortcut("Create Syncro ticket", "syncro_create_ticket"),
        new MessageShortcut("Add to Syncro ticket", "syncro_add_to_ticket"));
  }
}
