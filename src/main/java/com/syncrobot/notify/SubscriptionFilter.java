package com.syncrobot.notify;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Which tickets and events a channel subscription wants. Empty status and priority sets mean any; the
 * events are never empty (no {@code events} argument means all subscribable ones). Statuses and
 * priorities are compared without regard to case, as Syncro's own names.
 *
 * @param customerId only this customer's tickets, or null for every customer
 * @param customerName the customer's name as shown, or null with a null id
 */
public record SubscriptionFilter(@Nullable Long customerId, @Nullable String customerName, Set<String> statuses,
    Set<String> priorities, Set<EventKind> events) {
  public SubscriptionFilter {
    statuses = Set.copyOf(statuses);
    priorities = Set.copyOf(priorities);
    events = Set.copyOf(events);
    if (events.isEmpty() || !EventKind.subscribable().containsAll(events)) {
      throw new IllegalArgumentException("events must be a non-empty set of subscribable kinds");
    }
    if ((customerId == null) != (customerName == null)) {
      throw new IllegalArgumentException("customer id and name go together");
    }
  }

  /** Every ticket, every event. */
  public static SubscriptionFilter everything() {
    return new SubscriptionFilter(null, null, Set.of(), Set.of(), EventKind.subscribable());
  }

  /** Whether an event of {@code kind} on {@code t} (as it is now) is for this subscription. */
  public boolean matches(TicketState t, EventKind kind) {
    Objects.requireNonNull(t, "t");
    return events.contains(kind)
        && (customerId == null || customerId.equals(t.customerId()))
        && (statuses.isEmpty() || lower(statuses).contains(t.status().strip().toLowerCase(Locale.ROOT)))
        && (priorities.isEmpty() || t.priority() != null
            && lower(priorities).contains(t.priority().strip().toLowerCase(Locale.ROOT)));
  }

  private static Set<String> lower(Set<String> names) {
    return names.stream().map(n -> n.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
  }
}
