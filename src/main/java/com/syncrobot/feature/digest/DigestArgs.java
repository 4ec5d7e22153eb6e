package com.syncrobot.feature.digest;

import com.syncrobot.slack.blocks.Mrkdwn;

import com.syncrobot.digest.DigestDays;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Parses the text after {@code /syncro digest} into a request, or into the one specific sentence that
 * says what is wrong with it. Pure; no Slack or store access.
 */
public final class DigestArgs {
  /** The one spelling of the command, the same in README, the help list and every message. */
  static final String ADD_USAGE = "`/syncro digest add here|C0123ABCD 08:00 [weekdays|daily] [Europe/Berlin]`";
  static final String USAGE = "Usage: " + ADD_USAGE + ", `/syncro digest list`, `/syncro digest remove ID`, "
      + "`/syncro digest now [C0123ABCD]`.";

  /** Slack's escaped channel mention: {@code <#C0123ABCD|name>} or {@code <#C0123ABCD>}. */
  private static final Pattern ESCAPED_CHANNEL = Pattern.compile("<#([CGD][A-Z0-9]{2,30})(?:\\|[^>]*)?>");
  private static final Pattern RAW_CHANNEL = Pattern.compile("[CGD][A-Z0-9]{6,30}");
  private static final Pattern TIME_SHAPE = Pattern.compile("(\\d{1,2}):(\\d{2})");
  private static final Map<String, String> ZONES_BY_LOWER = ZoneId.getAvailableZoneIds().stream()
      .collect(Collectors.toMap(z -> z.toLowerCase(Locale.ROOT), Function.identity(), (a, b) -> a));

  private DigestArgs() {}

  /** What {@code /syncro digest ...} asked for. */
  sealed interface Request permits Add, ListAll, Remove, Now, Problem {}

  /** Add a schedule; a null {@code zone} means "the asker's Slack time zone". */
  record Add(Channel channel, LocalTime time, DigestDays days, @Nullable ZoneId zone) implements Request {}

  /** List every schedule. */
  record ListAll() implements Request {}

  /** Remove the schedule with this id. */
  record Remove(long id) implements Request {}

  /** Post a digest now; a null {@code channel} means the channel the command was typed in. */
  record Now(@Nullable Channel channel) implements Request {}

  /** Input that cannot be used, and the reply (escaped mrkdwn) that says why. */
  record Problem(String message) implements Request {}

  /** A channel id, or the channel the command was typed in. */
  record Channel(@Nullable String id) {
    static final Channel HERE = new Channel(null);

    /** Returns the id, with "here" meaning {@code current}. */
    String resolve(String current) {
      return id == null ? current : id;
    }
  }

  /** Parses {@code args}, the text after "digest". */
  static Request parse(String args) {
    List<String> words = Arrays.stream(args.strip().split("\\s+")).filter(w -> !w.isEmpty()).toList();
    if (words.isEmpty()) {
      return new Problem("What should I do with digests? " + USAGE);
    }
    String action = words.get(0).toLowerCase(Locale.ROOT);
    List<String> rest = words.subList(1, words.size());
    return switch (action) {
      case "add" -> add(rest);
      case "list" -> rest.isEmpty() ? new ListAll() : new Problem("`/syncro digest list` takes no more text.");
      case "remove", "delete" -> remove(rest);
      case "now" -> now(rest);
      default -> new Problem("Unknown digest action `" + Mrkdwn.inCode(words.get(0), 40) + "`. " + USAGE);
    };
  }

  private static Request add(List<String> words) {
    if (words.isEmpty()) {
      return new Problem("Which channel, and at what time? Usage: " + ADD_USAGE);
    }
    Object channel = channel(words.get(0));
    if (channel instanceof Problem p) {
      return p;
    }
    if (words.size() < 2) {
      return new Problem("At what time? Usage: " + ADD_USAGE + ", e.g. `/syncro digest add here 08:00`.");
    }
    Object time = time(words.get(1));
    if (time instanceof Problem p) {
      return p;
    }
    DigestDays days = null;
    ZoneId zone = null;
    for (String w : words.subList(2, words.size())) {
      Optional<DigestDays> d = DigestDays.parse(w);
      if (d.isPresent()) {
        if (days != null) {
          return new Problem("Give the days once: `weekdays` or `daily`.");
        }
        days = d.get();
        continue;
      }
      Optional<ZoneId> z = zone(w);
      if (z.isPresent()) {
        if (zone != null) {
          return new Problem("Give one time zone only; `" + Mrkdwn.inCode(w, 60) + "` is a second one.");
        }
        zone = z.get();
        continue;
      }
      if (w.contains("/") || w.matches("(?i)(utc|gmt)?[+-]\\d.*")) {
        return new Problem("`" + Mrkdwn.inCode(w, 60) + "` is not a time zone I know; use an IANA name such as "
            + "`Europe/Berlin`, `America/New_York` or `Asia/Kolkata`.");
      }
      return new Problem("`" + Mrkdwn.inCode(w, 60) + "` is not `weekdays`, `daily` or a time zone such as "
          + "`Europe/Berlin`. Usage: " + ADD_USAGE);
    }
    return new Add((Channel) channel, (LocalTime) time, days == null ? DigestDays.WEEKDAYS : days, zone);
  }

  private static Request remove(List<String> words) {
    if (words.isEmpty()) {
      return new Problem("Which digest? Usage: `/syncro digest remove ID`, with an ID from `/syncro digest list`.");
    }
    String w = words.get(0);
    if (words.size() > 1 || !w.matches("\\d{1,12}") || Long.parseLong(w) == 0) {
      return new Problem("`" + Mrkdwn.inCode(String.join(" ", words), 40) + "` is not a digest ID; IDs are the "
          + "numbers `/syncro digest list` shows.");
    }
    return new Remove(Long.parseLong(w));
  }

  private static Request now(List<String> words) {
    if (words.isEmpty()) {
      return new Now(null);
    }
    if (words.size() > 1) {
      return new Problem("`/syncro digest now` takes at most one channel.");
    }
    Object channel = channel(words.get(0));
    return channel instanceof Problem p ? p : new Now((Channel) channel);
  }

  /** Returns a {@link Channel} or a {@link Problem}. */
  private static Object channel(String w) {
    if (w.equalsIgnoreCase("here")) {
      return Channel.HERE;
    }
    Matcher m = ESCAPED_CHANNEL.matcher(w);
    if (m.matches()) {
      return new Channel(m.group(1));
    }
    if (RAW_CHANNEL.matcher(w).matches()) {
      return new Channel(w);
    }
    if (w.startsWith("#")) {
      // The manifest's should_escape decides whether Slack turns #name into <#C…|name>.
      return new Problem("Slack sent `" + Mrkdwn.inCode(w, 80) + "` as plain text, not as a channel link, so I "
          + "cannot tell which channel it is. Use `here` (the channel you are typing in) or the channel's ID "
          + "(e.g. `C0123ABCD`, at the bottom of the channel's details).");
    }
    return new Problem("`" + Mrkdwn.inCode(w, 80) + "` is not a channel. Use `here`, a #channel link or a channel "
        + "ID such as `C0123ABCD`. Usage: " + ADD_USAGE);
  }

  /** Returns a {@link LocalTime} or a {@link Problem}. */
  private static Object time(String w) {
    Matcher m = TIME_SHAPE.matcher(w);
    if (!m.matches()) {
      return new Problem("`" + Mrkdwn.inCode(w, 40) + "` is not a time; use 24-hour HH:mm, e.g. `08:00` or `17:30`.");
    }
    int h = Integer.parseInt(m.group(1));
    int min = Integer.parseInt(m.group(2));
    if (h > 23 || min > 59) {
      return new Problem("`" + Mrkdwn.inCode(w, 40) + "` is not a time of day; hours go from 00 to 23 and minutes "
          + "from 00 to 59.");
    }
    return LocalTime.of(h, min);
  }

  /** Returns the IANA zone {@code w} names, ignoring case; offsets like +05:30 are not accepted. */
  static Optional<ZoneId> zone(String w) {
    String id = ZONES_BY_LOWER.get(w.toLowerCase(Locale.ROOT));
    return id == null ? Optional.empty() : Optional.of(ZoneId.of(id));
  }
}
