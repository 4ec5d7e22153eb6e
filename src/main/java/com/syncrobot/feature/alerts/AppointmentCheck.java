package com.syncrobot.feature.alerts;

import com.syncrobot.notify.AlertSettings;
import com.syncrobot.notify.AlertStore;
import com.syncrobot.notify.Announcements;
import com.syncrobot.notify.EventKind;
import com.syncrobot.notify.PeriodicCheck;
import com.syncrobot.notify.Target;
import com.syncrobot.notify.TicketEvent;
import com.syncrobot.notify.TicketState;
import com.syncrobot.slack.SafeLog;
import com.syncrobot.store.ConnectedUser;
import com.syncrobot.store.ConnectedUserStore;
import com.syncrobot.syncro.Appointment;
import com.syncrobot.syncro.RequestBudget;
import com.syncrobot.syncro.SyncroApi;
import com.syncrobot.syncro.SyncroClient;
import com.syncrobot.syncro.SyncroException;
import com.syncrobot.syncro.TicketId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Your appointment starts within N minutes": for each technician with the appointment alert on, their
 * appointments (Syncro user id among the appointment's technicians) starting in the next N minutes of their
 * setting, read with their own token at background priority. One event per appointment and start time (key
 * {@code appt:<id>@<start millis>}), so a moved appointment is told again at its new time.
 *
 * <p>Cost per run (every minute): one {@code GET /appointments} for the two calendar days around now (usually
 * one page) per technician with the alert on, plus one {@code GET /tickets/{id}} the first time this process
 * offers an appointment that has a ticket (for the ticket's line and buttons).
 */
public final class AppointmentCheck implements PeriodicCheck {
  static final Duration EVERY = Duration.ofMinutes(1);
  private static final Logger log = LoggerFactory.getLogger(AppointmentCheck.class);
  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

  private final AlertStore alerts;
  private final ConnectedUserStore users;
  private final SyncroClient syncro;
  /** The event keys this process offered (per process: the store's record is what counts; this only spares reads). */
  private final Set<String> offered = ConcurrentHashMap.newKeySet();

  public AppointmentCheck(AlertStore alerts, ConnectedUserStore users, SyncroClient syncro) {
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
      if (s.appointments()) {
        check(s, now, out);
      }
    }
  }

  private void check(AlertSettings s, Instant now, Announcements out) {
    Optional<ConnectedUser> user = user(users, s.slackUserId());
    if (user.isEmpty()) {
      return;
    }
    SyncroApi api = syncro.as(user.get().token(), RequestBudget.Priority.BACKGROUND);
    Instant until = now.plus(Duration.ofMinutes(s.appointmentMinutes()));
    // Syncro filters by the account's local date; half a day either side covers any account zone.
    LocalDate from = now.minus(Duration.ofHours(14)).atZone(ZoneOffset.UTC).toLocalDate();
    LocalDate to = until.plus(Duration.ofHours(14)).atZone(ZoneOffset.UTC).toLocalDate();
    try {
      for (Appointment a : api.appointments(from, to)) {
        Instant start = a.startAt().toInstant();
        if (!a.involves(user.get().syncroUserId()) || !start.isAfter(now) || start.isAfter(until)) {
          continue;
        }
        String key = "appt:" + a.id() + "@" + start.toEpochMilli();
        if (offered.contains(key)) {
          continue;
        }
        TicketEvent event = new TicketEvent(EventKind.APPOINTMENT, key, now, text(a, start, now, s));
        out.offer(Target.user(s.slackUserId()), ticket(api, a), event);
        offered.add(key);
      }
    } catch (SyncroException e) {
      log.info("Appointment check for {} could not read Syncro: {}", s.slackUserId(), SafeLog.describe(e));
    }
    if (offered.size() > 10_000) {
      offered.clear();
    }
  }

  /** The appointment's ticket as it is now, or null when it has none or it cannot be read (the alert goes anyway). */
  private static @Nullable TicketState ticket(SyncroApi api, Appointment a) {
    if (a.ticketId() == null) {
      return null;
    }
    try {
      return TicketState.of(api.ticket(new TicketId(a.ticketId())));
    } catch (SyncroException e) {
      log.info("The ticket of appointment {} could not be read: {}", a.id(), SafeLog.describe(e));
      return null;
    }
  }

  /** "Appointment “Server patching” with Acme Dental starts at 14:30 (in 25 minutes)". */
  static String text(Appointment a, Instant start, Instant now, AlertSettings s) {
    long minutes = Math.max(1, (Duration.between(now, start).toSeconds() + 59) / 60);
    String with = a.customerName() == null || a.customerName().isBlank() ? "" : " with " + a.customerName().strip();
    return "Appointment “" + a.summary().strip() + "”" + with + " starts at " + HH_MM.format(start.atZone(s.zone()))
        + " (in " + minutes + (minutes == 1 ? " minute)" : " minutes)");
  }

  /** The technician's connection, or empty (logged) when they have none or it cannot be read. */
  static Optional<ConnectedUser> user(ConnectedUserStore users, String slackUserId) {
    try {
      Optional<ConnectedUser> u = users.find(slackUserId);
      if (u.isEmpty()) {
        log.info("{} has alerts on but no Syncro token connected: skipped", slackUserId);
      }
      return u;
    } catch (RuntimeException e) {
      log.error("Reading the connection of {} failed: {}", slackUserId, SafeLog.describe(e));
      return Optional.empty();
    }
  }
}
