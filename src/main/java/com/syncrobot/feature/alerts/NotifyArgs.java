package com.syncrobot.feature.alerts;

import com.syncrobot.notify.AlertSettings;
import com.syncrobot.notify.QuietHours;
import com.syncrobot.slack.blocks.Mrkdwn;
import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The words after {@code /syncro notify} (or after {@code notify} in a direct message to the bot): what to
 * show or change, or, for anything else, the message saying what is wrong with an example (nothing changes).
 */
final class NotifyArgs {
  static final String USAGE = "`/syncro notify` shows your alerts; change one with `/syncro notify assigned on`, "
      + "`/syncro notify replies on`, `/syncro notify appointments on 30`, `/syncro notify prepaid on 2`, "
      + "`/syncro notify quiet 22:00-07:00`, or switch them all off with `/syncro notify off`.";
  static final BigDecimal MAX_PREPAID_HOURS = BigDecimal.valueOf(1000);
  private static final Pattern QUIET = Pattern.compile("(\\d{1,2}):(\\d{2})\\s*[-–—]\\s*(\\d{1,2}):(\\d{2})");

  private NotifyArgs() {}

  /** What was asked. */
  sealed interface Request permits Show, Switch, Quiet, AllOff, Problem {}

  /** Show the alerts. */
  record Show() implements Request {}

  /**
   * Switch one alert on or off; {@code minutes} (appointments) and {@code hours} (prepaid) are null when not
   * given.
   */
  record Switch(Alert alert, boolean on, @Nullable Integer minutes, @Nullable BigDecimal hours) implements Request {}

  /** Set quiet hours, or switch them off (null). */
  record Quiet(@Nullable QuietHours hours) implements Request {}

  /** Switch every alert off. */
  record AllOff() implements Request {}

  /** What is wrong with the words (escaped mrkdwn with an example). */
  record Problem(String message) implements Request {}

  /** The alerts a technician switches, by the word they type. */
  enum Alert {
    ASSIGNED("assigned"), REPLIES("replies"), APPOINTMENTS("appointments"), PREPAID("prepaid");

    final String word;

    Alert(String word) {
      this.word = word;
    }
  }

  static Request parse(String args) {
    String[] w = args.strip().isEmpty() ? new String[0] : args.strip().split("\\s+");
    if (w.length == 0) {
      return new Show();
    }
    String first = w[0].toLowerCase(Locale.ROOT);
    if (first.equals("off")) {
      return w.length == 1 ? new AllOff() : new Problem("`/syncro notify off` takes nothing after it: it switches "
          + "every alert off. To switch one off, name it, e.g. `/syncro notify replies off`.");
    }
    if (first.equals("quiet")) {
      return quiet(args.strip().substring(w[0].length()).strip());
    }
    for (Alert a : Alert.values()) {
      if (a.word.equals(first)) {
        return toggle(a, w);
      }
    }
    return new Problem("`" + Mrkdwn.inCode(w[0], 40) + "` is not an alert I know. " + USAGE);
  }

  private static Request toggle(Alert a, String[] w) {
    String example = switch (a) {
      case APPOINTMENTS -> "`/syncro notify appointments on 30` (minutes before the start) or "
          + "`/syncro notify appointments off`";
      case PREPAID -> "`/syncro notify prepaid on 1.5` (hours left) or `/syncro notify prepaid off`";
      default -> "`/syncro notify " + a.word + " on` or `/syncro notify " + a.word + " off`";
    };
    if (w.length < 2) {
      return new Problem("On or off? For example " + example + ".");
    }
    String onOff = w[1].toLowerCase(Locale.ROOT);
    if (!onOff.equals("on") && !onOff.equals("off")) {
      return new Problem("`" + Mrkdwn.inCode(w[1], 40) + "` is neither on nor off. For example " + example + ".");
    }
    boolean on = onOff.equals("on");
    boolean takesNumber = on && (a == Alert.APPOINTMENTS || a == Alert.PREPAID);
    if (w.length > (takesNumber ? 3 : 2)) {
      return new Problem("I did not understand `" + Mrkdwn.inCode(String.join(" ", w), 60) + "`. For example "
          + example + ".");
    }
    if (!takesNumber || w.length == 2) {
      return new Switch(a, on, null, null);
    }
    return a == Alert.APPOINTMENTS ? minutes(w[2]) : hours(w[2]);
  }

  private static Request minutes(String typed) {
    int minutes;
    try {
      minutes = Integer.parseInt(typed);
    } catch (NumberFormatException e) {
      minutes = -1;
    }
    if (minutes < 1 || minutes > 24 * 60) {
      return new Problem("`" + Mrkdwn.inCode(typed, 20) + "` is not a number of minutes from 1 to 1440 (a day). "
          + "For example `/syncro notify appointments on 15` tells you 15 minutes before each of your appointments.");
    }
    return new Switch(Alert.APPOINTMENTS, true, minutes, null);
  }

  private static Request hours(String typed) {
    BigDecimal hours;
    try {
      hours = new BigDecimal(typed.replace(',', '.'));
    } catch (NumberFormatException e) {
      hours = null;
    }
    if (hours == null || hours.signum() <= 0 || hours.compareTo(MAX_PREPAID_HOURS) > 0 || hours.scale() > 2) {
      return new Problem("`" + Mrkdwn.inCode(typed, 20) + "` is not a number of hours above 0 (up to 1000, at most "
          + "two decimals). For example `/syncro notify prepaid on 1.5` tells you when a prepaid customer of your open "
          + "tickets has less than 1.5 hours left.");
    }
    return new Switch(Alert.PREPAID, true, null, hours);
  }

  private static Request quiet(String rest) {
    String example = "For example `/syncro notify quiet 22:00-07:00` (in your Slack time zone), or "
        + "`/syncro notify quiet off`.";
    if (rest.isEmpty()) {
      return new Problem("Which hours? " + example);
    }
    if (rest.equalsIgnoreCase("off")) {
      return new Quiet(null);
    }
    Matcher m = QUIET.matcher(rest);
    if (!m.matches()) {
      return new Problem("`" + Mrkdwn.inCode(rest, 40) + "` is not a time range. " + example);
    }
    LocalTime from = time(m.group(1), m.group(2));
    LocalTime to = time(m.group(3), m.group(4));
    if (from == null || to == null) {
      return new Problem("`" + Mrkdwn.inCode(rest, 40) + "` has a time that does not exist (hours 0–23, minutes "
          + "0–59). " + example);
    }
    if (from.equals(to)) {
      return new Problem("Quiet hours must start and end at different times. " + example);
    }
    return new Quiet(new QuietHours(from, to));
  }

  private static @Nullable LocalTime time(String h, String m) {
    int hour = Integer.parseInt(h);
    int minute = Integer.parseInt(m);
    return hour > 23 || minute > 59 ? null : LocalTime.of(hour, minute);
  }

  /** Applies a change (not {@link Show} or {@link Problem}) to {@code s}. */
  static AlertSettings apply(AlertSettings s, Request r) {
    if (r instanceof AllOff) {
      return new AlertSettings(s.slackUserId(), false, false, false, s.appointmentMinutes(), false, s.prepaidHours(),
          s.quiet(), s.zone());
    }
    if (r instanceof Quiet q) {
      return new AlertSettings(s.slackUserId(), s.assigned(), s.replies(), s.appointments(), s.appointmentMinutes(),
          s.prepaid(), s.prepaidHours(), q.hours(), s.zone());
    }
    Switch w = (Switch) r;
    return switch (w.alert()) {
      case ASSIGNED -> new AlertSettings(s.slackUserId(), w.on(), s.replies(), s.appointments(),
          s.appointmentMinutes(), s.prepaid(), s.prepaidHours(), s.quiet(), s.zone());
      case REPLIES -> new AlertSettings(s.slackUserId(), s.assigned(), w.on(), s.appointments(),
          s.appointmentMinutes(), s.prepaid(), s.prepaidHours(), s.quiet(), s.zone());
      case APPOINTMENTS -> new AlertSettings(s.slackUserId(), s.assigned(), s.replies(), w.on(),
          w.minutes() == null ? s.appointmentMinutes() : w.minutes(), s.prepaid(), s.prepaidHours(), s.quiet(),
          s.zone());
      case PREPAID -> new AlertSettings(s.slackUserId(), s.assigned(), s.replies(), s.appointments(),
          s.appointmentMinutes(), w.on(), w.hours() == null ? s.prepaidHours() : w.hours(), s.quiet(), s.zone());
    };
  }
}
