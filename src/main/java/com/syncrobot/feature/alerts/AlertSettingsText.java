package com.syncrobot.feature.alerts;

import com.syncrobot.notify.AlertSettings;
import com.syncrobot.notify.QuietHours;
import com.syncrobot.slack.blocks.Mrkdwn;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** A technician's alerts in words, each with the command that changes it. */
final class AlertSettingsText {
  static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

  private AlertSettingsText() {}

  /** Every alert, on or off, and how to change it (escaped mrkdwn). */
  static String describe(AlertSettings s) {
    StringBuilder b = new StringBuilder("*Your Syncro alerts* (direct messages from me about your work):");
    b.append("\n• A ticket is assigned to you: ").append(s.assigned()
        ? "*on*. Stop with `/syncro notify assigned off`."
        : "off. Start with `/syncro notify assigned on`.");
    b.append("\n• A customer replies on your ticket: ").append(s.replies()
        ? "*on*. Stop with `/syncro notify replies off`."
        : "off. Start with `/syncro notify replies on`.");
    b.append("\n• Your appointment starts soon: ").append(s.appointments()
        ? "*on*, " + s.appointmentMinutes() + " minutes before. Change with `/syncro notify appointments on 15`, "
            + "stop with `/syncro notify appointments off`."
        : "off. Start with `/syncro notify appointments on " + s.appointmentMinutes() + "` (minutes before).");
    String hours = hours(s);
    b.append("\n• A prepaid customer of your open tickets runs low: ").append(s.prepaid()
        ? "*on*, below " + hours + " hours. Change with `/syncro notify prepaid on 1.5`, stop with "
            + "`/syncro notify prepaid off`."
        : "off. Start with `/syncro notify prepaid on " + hours + "` (hours left).");
    b.append("\n• Quiet hours: ").append(s.quiet() == null
        ? "none: alerts arrive as they happen. Hold them at night with `/syncro notify quiet 22:00-07:00`."
        : quiet(s) + " Change with `/syncro notify quiet 21:00-06:30`, or `/syncro notify quiet off`.");
    b.append("\n`/syncro notify off` switches every alert off.");
    return b.toString();
  }

  /** The technician's prepaid threshold, as typed ("1.5"). */
  static String hours(AlertSettings s) {
    return s.prepaidHours().stripTrailingZeros().toPlainString();
  }

  /** "Quiet hours 22:00–07:00 (Europe/Berlin): alerts are held and arrive as one message at 07:00." */
  static String quiet(AlertSettings s) {
    QuietHours q = s.quiet();
    if (q == null) {
      return "Quiet hours off: alerts arrive as they happen.";
    }
    return "Quiet hours " + range(q) + " (" + Mrkdwn.escape(s.zone().getId()) + "): alerts are held and arrive as "
        + "one message at " + HH_MM.format(q.to()) + ".";
  }

  /** "22:00–07:00". */
  static String range(QuietHours q) {
    return HH_MM.format(q.from()) + "–" + HH_MM.format(q.to());
  }
}
