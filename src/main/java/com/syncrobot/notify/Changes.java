package com.syncrobot.notify;

import com.syncrobot.syncro.Comment;
import com.syncrobot.syncro.Ticket;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What happened to a ticket between two looks: pure functions from what a view saw before ({@link
 * NotifyStore.Snapshot}) and what Syncro says now to {@link TicketEvent}s with stable keys, so the same change
 * seen by two overlapping polls is the same event.
 */
final class Changes {
  /** How much of a customer's reply a notification quotes. */
  static final int QUOTE_CHARS = 200;

  private Changes() {}

  /** What the view records of {@code t} now; {@code lastReplyId} the newest customer comment announced. */
  static NotifyStore.Snapshot snapshot(Ticket t, @Nullable Long lastReplyId) {
    return new NotifyStore.Snapshot(t.id().value(), t.status(), t.userId(), t.priority(),
        t.customerId() == null ? null : t.customerId().value(), millis(t.updatedAt()), t.customerReply(), lastReplyId);
  }

  /** Whether Syncro changed the ticket since the view last saw it (or the view never saw it). */
  static boolean changed(NotifyStore.@Nullable Snapshot before, Ticket t) {
    return before == null || !Objects.equals(before.updatedAt(), millis(t.updatedAt()))
        || !before.status().equals(t.status()) || !Objects.equals(before.userId(), t.userId());
  }

  /**
   * The events of {@code t} other than replies: new (not seen before, and created since both the view's baseline
   * and the poll's {@code since}, so a ticket merely not seen for a while is never new), a status change (resolved
   * when it went from open to closed), an assignment to a technician.
   */
  static List<TicketEvent> events(NotifyStore.@Nullable Snapshot before, Ticket t, Instant baselineAt, Instant since,
      Instant now) {
    List<TicketEvent> out = new ArrayList<>();
    Instant at = t.updatedAt() == null ? now : t.updatedAt().toInstant();
    long stamp = at.toEpochMilli();
    if (before == null) {
      Instant created = t.createdAt() == null ? null : t.createdAt().toInstant();
      if (created != null && !created.isBefore(baselineAt) && !created.isBefore(since)) {
        out.add(new TicketEvent(EventKind.NEW, "new", created, "New ticket from " + t.customerName()));
      }
      return out;
    }
    if (!before.status().equals(t.status())) {
      boolean resolved = Ticket.isOpenStatus(before.status()) && !t.isOpen();
      String text = resolved && t.status().equalsIgnoreCase("Resolved") ? "Resolved"
          : "Status: " + before.status() + " → " + t.status();
      out.add(new TicketEvent(resolved ? EventKind.RESOLVED : EventKind.STATUS, "status:" + t.status() + "@" + stamp,
          at, text));
    }
    if (t.userId() != null && !t.userId().equals(before.userId())) {
      String who = t.assignedTechName() == null || t.assignedTechName().isBlank() ? "a technician"
          : t.assignedTechName();
      out.add(new TicketEvent(EventKind.ASSIGNED, "assigned:" + t.userId() + "@" + stamp, at, "Assigned to " + who));
    }
    return out;
  }

  /**
   * The customer's comments on {@code detail} not announced yet, oldest first: newer than the last one announced,
   * or, when none was, written after the view's previous look at the ticket ({@code before.updatedAt()}).
   */
  static List<Comment> newReplies(NotifyStore.Snapshot before, Ticket detail) {
    return detail.comments().stream()
        .filter(Comment::fromCustomer)
        .filter(c -> before.lastReplyId() != null ? c.id() > before.lastReplyId()
            : c.createdAt() != null && before.updatedAt() != null
                && c.createdAt().toInstant().toEpochMilli() > before.updatedAt())
        .sorted(Comparator.comparingLong(Comment::id))
        .toList();
  }

  /** A reply as an event: the first {@link #QUOTE_CHARS} characters of what the customer wrote. */
  static TicketEvent reply(Comment c, Instant now) {
    String text = c.body().replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").strip();
    if (text.length() > QUOTE_CHARS) {
      text = text.substring(0, QUOTE_CHARS).stripTrailing() + "…";
    }
    Instant at = c.createdAt() == null ? now : c.createdAt().toInstant();
    return new TicketEvent(EventKind.REPLY, "reply:" + c.id(), at,
        text.isEmpty() ? "Customer replied" : "Customer replied: “" + text + "”");
  }

  /** The newest customer comment on {@code detail}, or {@code fallback} when there is none. */
  static @Nullable Long newestReply(Ticket detail, @Nullable Long fallback) {
    return detail.comments().stream().filter(Comment::fromCustomer).map(Comment::id).max(Long::compare)
        .orElse(fallback);
  }

  static @Nullable Long millis(@Nullable OffsetDateTime t) {
    return t == null ? null : t.toInstant().toEpochMilli();
  }
}
