package com.syncrobot.write;

import com.syncrobot.syncro.Comment;
import com.syncrobot.syncro.SyncroApi;
import com.syncrobot.syncro.Ticket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads Syncro to decide whether a step with an unknown outcome happened (R2). Syncro errors
 * propagate: the engine tells "unreachable, check later" from "cannot decide".
 */
final class CheckVerifier {
  private final Duration tolerance;

  /**
   * Creates a verifier that counts a matching comment only if it was created no earlier than
   * {@code tolerance} before the step was sent, so an identical older comment does not count.
   */
  CheckVerifier(Duration tolerance) {
    if (tolerance.isNegative()) {
      throw new IllegalArgumentException("negative tolerance: " + tolerance);
    }
    this.tolerance = tolerance;
  }

  Verdict verify(SyncroApi api, Check check, Instant sentAt) {
    Objects.requireNonNull(api, "api == null");
    if (check instanceof Check.CommentExists c) {
      return commentExists(api, c, sentAt);
    }
    if (check instanceof Check.TicketFieldsAre t) {
      return ticketFieldsAre(api, t);
    }
    if (check instanceof Check.None n) {
      return new Verdict.Undecided("cannot be checked automatically; " + n.hint());
    }
    throw new IllegalStateException("no verifier for " + check.getClass().getName());
  }

  private Verdict commentExists(SyncroApi api, Check.CommentExists c, Instant sentAt) {
    Instant earliest = sentAt.minus(tolerance);
    List<Comment> comments = api.comments(c.ticket());
    List<Comment> recent = new ArrayList<>();
    int older = 0;
    int undated = 0;
    for (Comment comment : comments) {
      if (!CommentText.same(comment.subject(), c.subject()) || !CommentText.same(comment.body(), c.body())) {
        continue;
      }
      if (comment.createdAt() == null) {
        undated++;
      } else if (comment.createdAt().toInstant().isBefore(earliest)) {
        older++;
      } else {
        recent.add(comment);
      }
    }
    Optional<Comment> first = recent.stream()
        .min(Comparator.comparing((Comment x) -> Objects.requireNonNull(x.createdAt()).toInstant()));
    if (first.isPresent()) {
      return new Verdict.Found(first.get().id(), "comment " + first.get().id() + " on ticket " + c.ticket()
          + " has the same subject and body" + (recent.size() > 1 ? " (" + recent.size() + " such comments)" : ""));
    }
    if (undated > 0) {
      return new Verdict.Undecided(undated + " comment(s) with the same subject and body have no creation time");
    }
    return new Verdict.Absent("none of the ticket's " + comments.size() + " comments has the same subject and body"
        + " since " + earliest + (older > 0 ? " (" + older + " identical older comment(s) do not count)" : ""));
  }

  private static Verdict ticketFieldsAre(SyncroApi api, Check.TicketFieldsAre check) {
    Ticket ticket = api.ticket(check.ticket());
    List<String> differences = new ArrayList<>();
    for (Map.Entry<String, String> e : check.expected().entrySet()) {
      String actual = field(ticket, e.getKey());
      if (actual == null || !actual.strip().equalsIgnoreCase(e.getValue().strip())) {
        differences.add(e.getKey() + " is '" + actual + "', not '" + e.getValue() + "'");
      }
    }
    if (differences.isEmpty()) {
      return new Verdict.Found(ticket.id().value(), "ticket " + ticket.number() + " shows " + check.expected());
    }
    return new Verdict.Absent("ticket " + ticket.number() + ": " + String.join("; ", differences));
  }

  private static @Nullable String field(Ticket ticket, String name) {
    switch (name) {
      case "status":
        return ticket.status();
      case "priority":
        return ticket.priority();
      case "problem_type":
        return ticket.problemType();
      case "subject":
        return ticket.subject();
      default:
        throw new IllegalArgumentException("unknown ticket field " + name);
    }
  }
}
