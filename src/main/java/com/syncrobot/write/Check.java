package com.syncrobot.write;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.syncrobot.syncro.TicketId;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * How to find out, by reading Syncro, whether a step whose outcome is unknown did happen (R2).
 * Stored as JSON with a {@code "type"} field; adding a kind is one record here (with its
 * {@code @JsonTypeName}) plus one case in {@code CheckVerifier}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public sealed interface Check {

  /**
   * A comment with this subject and body exists on the ticket, created no earlier than shortly
   * before the step was sent (all pages of comments are read, not the last few).
   */
  @JsonTypeName("comment_exists")
  record CommentExists(TicketId ticket, String subject, String body) implements Check {
    public CommentExists {
      Objects.requireNonNull(ticket, "ticket == null");
      Objects.requireNonNull(subject, "subject == null");
      Objects.requireNonNull(body, "body == null");
    }
  }

  /** The ticket's fields (keys as Syncro names them: status, priority, problem_type, subject) equal these. */
  @JsonTypeName("ticket_fields_are")
  record TicketFieldsAre(TicketId ticket, Map<String, String> expected) implements Check {
    /** The ticket fields this check can compare. */
    public static final Set<String> FIELDS = Set.of("status", "priority", "problem_type", "subject");

    public TicketFieldsAre {
      Objects.requireNonNull(ticket, "ticket == null");
      Objects.requireNonNull(expected, "expected == null");
      if (expected.isEmpty()) {
        throw new IllegalArgumentException("no expected fields for ticket " + ticket);
      }
      for (Map.Entry<String, String> e : expected.entrySet()) {
        if (!FIELDS.contains(e.getKey())) {
          throw new IllegalArgumentException("cannot check ticket field '" + e.getKey() + "'; known: " + FIELDS);
        }
        Objects.requireNonNull(e.getValue(), "expected value of " + e.getKey() + " == null");
      }
      expected = Collections.unmodifiableMap(new TreeMap<>(expected));
    }

    /** Returns a check that the ticket's status is {@code status}. */
    public static TicketFieldsAre status(TicketId ticket, String status) {
      return new TicketFieldsAre(ticket, Map.of("status", status));
    }
  }

  /**
   * The outcome cannot be read back automatically: it stays undecided and the technician is told
   * where to look ({@code hint}). Avoid for writes that have a check.
   */
  @JsonTypeName("none")
  record None(String hint) implements Check {
    public None {
      Objects.requireNonNull(hint, "hint == null");
      if (hint.isBlank()) {
        throw new IllegalArgumentException("blank hint");
      }
    }
  }
}
