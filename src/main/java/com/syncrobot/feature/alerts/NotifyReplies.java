package com.syncrobot.feature.alerts;

import com.slack.api.methods.MethodsClient;
import com.syncrobot.notify.AlertSettings;
import com.syncrobot.notify.AlertStore;
import com.syncrobot.slack.Asker;
import com.syncrobot.slack.SafeLog;
import com.syncrobot.slack.UserZones;
import com.syncrobot.store.ConnectedUserStore;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows or changes a technician's alerts, for {@code /syncro notify} and for {@code notify} in a direct message
 * to the bot; runs off Slack's ack thread (it may ask Slack for the technician's time zone). The technician must
 * be connected: the alerts read Syncro with their own token. Thread-safe.
 */
final class NotifyReplies {
  private static final Logger log = LoggerFactory.getLogger(NotifyReplies.class);

  private final AlertStore alerts;
  private final ConnectedUserStore users;
  private final UserZones zones;

  NotifyReplies(AlertStore alerts, ConnectedUserStore users, UserZones zones) {
    this.alerts = alerts;
    this.users = users;
    this.zones = zones;
  }

  /** Returns what to tell {@code userId} about {@code request} (escaped mrkdwn), after storing any change. */
  String answer(MethodsClient slack, String userId, NotifyArgs.Request request) {
    if (request instanceof NotifyArgs.Problem p) {
      return p.message();
    }
    Asker asker = Asker.find(users, userId);
    if (asker.refusal() != null) {
      return asker.refusal() + " Your alerts read Syncro with your own token.";
    }
    Optional<ZoneId> slackZone = zones.zoneOf(slack, userId);
    AlertSettings current;
    try {
      current = alerts.of(userId, slackZone.orElse(ZoneOffset.UTC));
    } catch (RuntimeException e) {
      log.error("Reading the alerts of {} failed: {}", userId, SafeLog.describe(e));
      return "The bot could not read your alerts from its store; the error was logged. Try again in a minute.";
    }
    if (request instanceof NotifyArgs.Show) {
      return AlertSettingsText.describe(current);
    }
    if (request instanceof NotifyArgs.Quiet q && q.hours() != null && slackZone.isEmpty()) {
      return "I could not read your time zone from Slack, so your quiet hours were not set. Try again in a minute.";
    }
    // Quiet hours are kept in the zone the technician has in Slack now.
    AlertSettings withZone = new AlertSettings(userId, current.assigned(), current.replies(), current.appointments(),
        current.appointmentMinutes(), current.prepaid(), current.prepaidHours(), current.quiet(),
        slackZone.orElse(current.zone()));
    AlertSettings next = NotifyArgs.apply(withZone, request);
    try {
      alerts.save(next);
    } catch (RuntimeException e) {
      log.error("Storing the alerts of {} failed: {}", userId, SafeLog.describe(e));
      return "The bot could not store your alerts; the error was logged, and nothing was changed. Try again in a "
          + "minute.";
    }
    log.info("Slack user {} changed their alerts: {}", userId, request);
    return changed(next, request) + "\n\n" + AlertSettingsText.describe(next);
  }

  private static String changed(AlertSettings s, NotifyArgs.Request r) {
    if (r instanceof NotifyArgs.AllOff) {
      return "All your alerts are off now.";
    }
    if (r instanceof NotifyArgs.Quiet) {
      return AlertSettingsText.quiet(s);
    }
    NotifyArgs.Switch w = (NotifyArgs.Switch) r;
    return switch (w.alert()) {
      case ASSIGNED -> w.on() ? "You will get a direct message when a ticket is assigned to you."
          : "No more messages when a ticket is assigned to you.";
      case REPLIES -> w.on() ? "You will get a direct message when a customer replies on one of your tickets."
          : "No more messages about customer replies.";
      case APPOINTMENTS -> w.on() ? "You will get a direct message " + s.appointmentMinutes() + " minutes before "
          + "each of your appointments." : "No more messages before your appointments.";
      case PREPAID -> w.on() ? "You will get a direct message when a prepaid customer of your open tickets has less "
          + "than " + AlertSettingsText.hours(s) + " hours left (checked every 15 minutes, once a day per customer)."
          : "No more messages about prepaid hours.";
    };
  }
}
