package com.syncrobot.feature.subscribe;

import com.syncrobot.notify.EventKind;
import com.syncrobot.notify.NotifyStatus;
import com.syncrobot.notify.Subscription;
import com.syncrobot.notify.SubscriptionFilter;
import com.syncrobot.slack.blocks.Mrkdwn;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/** What a subscription asks for and how current it is, in words (escaped mrkdwn). Pure. */
final class SubscriptionWords {
  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

  private SubscriptionWords() {}

  /** E.g. "new tickets and customer replies of Acme Dental, with status New or Waiting on Customer". */
  static String describe(SubscriptionFilter f) {
    StringBuilder sb = new StringBuilder(events(f));
    if (f.customerName() != null) {
      sb.append(" of ").append(Mrkdwn.escape(f.customerName()));
    }
    if (!f.statuses().isEmpty()) {
      sb.append(", with status ").append(or(new ArrayList<>(new TreeSet<>(f.statuses()))));
    }
    if (!f.priorities().isEmpty()) {
      sb.append(f.statuses().isEmpty() ? ", with priority " : " and priority ")
          .append(or(new ArrayList<>(new TreeSet<>(f.priorities()))));
    }
    return sb.toString();
  }

  private static String events(SubscriptionFilter f) {
    if (f.events().containsAll(EventKind.subscribable())) {
      return "every change (new tickets, customer replies, status changes, assignments, resolved tickets)"
          + (f.customerName() == null ? " to any ticket" : "");
    }
    List<String> words = new ArrayList<>();
    for (EventKind k : EnumSet.copyOf(f.events())) {
      words.add(switch (k) {
        case NEW -> "new tickets";
        case REPLY -> "customer replies";
        case STATUS -> "status changes";
        case ASSIGNED -> "assignments";
        case RESOLVED -> "resolved tickets";
        default -> k.word();
      });
    }
    return and(words);
  }

  /** "read with your Syncro access" for the creator, else "read with @dana's Syncro access". */
  static String whose(Subscription s, String askerId) {
    return s.createdBy().equals(askerId) ? "read with your Syncro access"
        : "read with <@" + s.createdBy() + ">'s Syncro access";
  }

  /**
   * How current the subscription's notifications are: "checked 40 s ago", "delayed: … since 14:05, nothing is
   * lost", or "not checked yet"; times in {@code zone}, or marked UTC when the reader's zone is unknown.
   */
  static String freshness(Optional<NotifyStatus> status, Instant now, @Nullable ZoneId zone) {
    if (status.isEmpty() || status.get().checkedAt() == null && status.get().waitingSince() == null) {
      return "not checked yet";
    }
    NotifyStatus st = status.get();
    String pending = st.pending() > 0 ? "; " + st.pending() + (st.pending() == 1 ? " post" : " posts")
        + " waiting to go out" : "";
    if (st.waitingSince() != null) {
      String why = st.why() == null || st.why().isBlank() ? "waiting for Syncro" : Mrkdwn.escape(st.why());
      return "delayed: " + why + " since " + time(st.waitingSince(), zone) + ", nothing is lost" + pending;
    }
    return "checked " + ago(Duration.between(st.checkedAt(), now)) + pending;
  }

  static String time(Instant at, @Nullable ZoneId zone) {
    return zone == null ? HH_MM.format(at.atZone(ZoneId.of("UTC"))) + " (UTC)" : HH_MM.format(at.atZone(zone));
  }

  private static String ago(Duration d) {
    long s = Math.max(0, d.toSeconds());
    if (s < 90) {
      return s + " s ago";
    }
    if (s < 90 * 60) {
      return (s + 30) / 60 + " min ago";
    }
    return (s + 1800) / 3600 + " h ago";
  }

  private static String and(List<String> words) {
    return join(words, "and");
  }

  private static String or(List<String> names) {
    return join(names.stream().map(Mrkdwn::escape).toList(), "or");
  }

  private static String join(List<String> words, String last) {
    if (words.size() == 1) {
      return words.get(0);
    }
    return String.join(", ", words.subList(0, words.size() - 1)) + " " + last + " " + words.get(words.size() - 1);
  }
}
