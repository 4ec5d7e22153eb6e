package com.syncrobot.feature.alerts;

import com.syncrobot.notify.AlertSettings;
import com.syncrobot.notify.AlertStore;
import com.syncrobot.notify.Announcements;
import com.syncrobot.notify.EventKind;
import com.syncrobot.notify.PeriodicCheck;
import com.syncrobot.notify.Target;
import com.syncrobot.notify.TicketEvent;
import com.syncrobot.slack.SafeLog;
import com.syncrobot.store.ConnectedUser;
import com.syncrobot.store.ConnectedUserStore;
import com.syncrobot.syncro.Customer;
import com.syncrobot.syncro.CustomerId;
import com.syncrobot.syncro.RequestBudget;
import com.syncrobot.syncro.SyncroApi;
import com.syncrobot.syncro.SyncroClient;
import com.syncrobot.syncro.SyncroException;
import com.syncrobot.syncro.Ticket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "A prepaid customer of my open tickets has fewer than H hours left": for each technician with the prepaid alert
 * on, the customers of their open tickets whose prepaid block ({@code prepay_hours} above 0, as the billing rules
 * count a prepaid block) is below their threshold, read fresh from Syncro with their own token at background
 * priority (never from a cache: hours change with every bill). One event per customer per day in the
 * technician's zone (key {@code prepaid:<customer id>@<date>}).
 *
 * <p>Cost per run (every 15 minutes): per technician with the alert on, one {@code GET /tickets} of their open
 * tickets (25 a page) and one {@code GET /customers/{id}} per distinct customer of those tickets not yet told
 * about today by this process.
 */
public final class PrepaidCheck implements PeriodicCheck {
  static final Duration EVERY = Duration.ofMinutes(15);
  private static final Logger log = LoggerFactory.getLogger(PrepaidCheck.class);

  private final AlertStore alerts;
  private final ConnectedUserStore users;
  private final SyncroClient syncro;
  /** Event keys this process offered (per process: the store's record is what counts; this only spares reads). */
  private final Set<String> offered = ConcurrentHashMap.newKeySet();

  public PrepaidCheck(AlertStore alerts, ConnectedUserStore users, SyncroClient syncro) {
    this.alerts = alerts;
    this.users = users;
    this.syncro = syncro;
  }

  @Override
  public Duration every() {
    return EVERY;
  }

  @Override
  public void run(Instant now, Announcements out) {
    for (AlertSettings s : alerts.allOn()) {
      if (s.prepaid()) {
        check(s, now, out);
      }
    }
    if (offered.size() > 10_000) {
      offered.clear();
    }
  }

  private void check(AlertSettings s, Instant now, Announcements out) {
    Optional<ConnectedUser> user = AppointmentCheck.user(users, s.slackUserId());
    if (user.isEmpty()) {
      return;
    }
    SyncroApi api = syncro.as(user.get().token(), RequestBudget.Priority.BACKGROUND);
    LocalDate today = now.atZone(s.zone()).toLocalDate();
    try {
      Map<Long, List<Ticket>> byCustomer = new LinkedHashMap<>();
      for (Ticket t : api.openTicketsAssignedTo(user.get().syncroUserId())) {
        if (t.customerId() != null) {
          byCustomer.computeIfAbsent(t.customerId().value(), c -> new ArrayList<>()).add(t);
        }
      }
      for (Map.Entry<Long, List<Ticket>> e : byCustomer.entrySet()) {
        String key = "prepaid:" + e.getKey() + "@" + today;
        if (offered.contains(key)) {
          continue;
        }
        Customer c = api.customer(new CustomerId(e.getKey()));
        if (!c.hasPrepaidBlock() || c.prepayHours() == null || c.prepayHours().compareTo(s.prepaidHours()) >= 0) {
          continue;
        }
        TicketEvent event = new TicketEvent(EventKind.PREPAID_LOW, key, now, text(c, e.getValue()));
        out.offer(Target.user(s.slackUserId()), null, event);
        offered.add(key);
      }
    } catch (SyncroException e) {
      log.info("Prepaid check for {} could not read Syncro: {}", s.slackUserId(), SafeLog.describe(e));
    }
  }

  /** "Acme Dental has 1.5 prepaid hours left (your tickets #32203, #32210)". */
  static String text(Customer c, List<Ticket> tickets) {
    String hours = c.prepayHours() == null ? "0" : c.prepayHours().stripTrailingZeros().toPlainString();
    String numbers = tickets.stream().map(t -> "#" + t.number().value()).sorted().collect(Collectors.joining(", "));
    return c.displayName().strip() + " has " + hours + " prepaid " + (hours.equals("1") ? "hour" : "hours")
        + " left (your " + (tickets.size() == 1 ? "ticket " : "tickets ") + numbers + ")";
  }
}
