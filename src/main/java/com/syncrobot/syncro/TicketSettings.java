package com.syncrobot.syncro;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Account vocabulary for tickets: statuses and users from {@code GET /tickets/settings}; problem
 * types, priorities and the account time zone from {@code GET /settings}.
 */
public record TicketSettings(
    List<String> statuses,
    List<String> problemTypes,
    List<String> priorities,
    @Nullable String timeZone,
    @Nullable Long defaultLaborProductId,
    List<SyncroUser> users) {
  public TicketSettings {
    statuses = List.copyOf(statuses);
    problemTypes = List.copyOf(problemTypes);
    priorities = List.copyOf(priorities);
    users = List.copyOf(users);
  }
}
