package com.syncrobot.slack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The registry {@code /syncro} dispatches on; later features add a subcommand by registering one
 * class here, not by growing a switch. Filled once at wiring time, then only read.
 */
public final class Subcommands {
  private final Map<String, Subcommand> byName = new LinkedHashMap<>();

  /** Adds {@code s}; names are unique. */
  public Subcommands register(Subcommand s) {
    String name = s.name().toLowerCase(Locale.ROOT);
    if (!name.matches("[a-z][a-z0-9-]*")) {
      throw new IllegalArgumentException("subcommand name must be a lower-case word: " + s.name());
    }
    if (byName.putIfAbsent(name, s) != null) {
      throw new IllegalStateException("subcommand registered twice: " + name);
    }
    return this;
  }

  /** Returns the subcommand called {@code name}, ignoring case. */
  Optional<Subcommand> find(String name) {
    return Optional.ofNullable(byName.get(name.toLowerCase(Locale.ROOT)));
  }

  /** Returns the usage list, one line per subcommand in registration order. */
  String usage() {
    List<String> lines = new ArrayList<>();
    lines.add("*Syncro from Slack* (replies are visible only to you)");
    for (Subcommand s : byName.values()) {
      lines.add("• " + s.usage());
    }
    return String.join("\n", lines);
  }
}
