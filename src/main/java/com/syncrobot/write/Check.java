package com.syncrobot.write;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.JsonNode;
import com.syncrobot.syncro.CustomerId;
import com.syncrobot.syncro.TicketId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * How to find out, by reading Syncro, whether a step whose outcome is unknown did happen (R2).
 * Stored as JSON with a {@code "type"} field; adding a kind is one record here (with its
 * {@code @JsonTypeName}) plus one case in {@code CheckVerifier}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public sealed interface Check {

  /**
   * A comment with this subject and body exists on the ticket that was not there when the plan was
   * made ({@code knownBefore}: the ids of the ticket's comments then; empty for a ticket the same
   * plan creates), so an identical earlier comment never counts. All pages of comments are read, not
   * the last few. Plans stored before the ids were recorded have {@code knownBefore} null: for them a
   * matching comment counts if it was created no earlier than shortly before the step was sent.
   */
  @JsonTypeName("comment_exists")
  record CommentExists(TicketId ticket, String subject, String body, @Nullable List<Long> knownBefore)
      implements Check {
    public CommentExists {
      Objects.requireNonNull(ticket, "ticket == null");
      Objects.requireNonNull(subject, "subject == null");
      Objects.requireNonNull(body, "body == null");
      knownBefore = knownBefore == null ? null : sortedIds(knownBefore);
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
   * The ticket is assigned to Syncro user {@code userId}. Assigning again is harmless, so an absent
   * assignment may simply be sent again.
   */
  @JsonTypeName("ticket_assigned")
  record TicketAssigned(TicketId ticket, long userId) implements Check {
    public TicketAssigned {
      Objects.requireNonNull(ticket, "ticket == null");
      if (userId <= 0) {
        throw new IllegalArgumentException("user id must be positive: " + userId);
      }
    }
  }

  /**
   * A line item that was not on the ticket when the plan was made ({@code knownBefore}: the ids the
   * ticket held then) has this product, quantity and description and is not invoiced. Both halves
   * matter: the known ids keep an identical earlier line (billed twice for the same work on purpose)
   * from counting, the equality keeps a line someone else added meanwhile from counting.
   */
  @JsonTypeName("line_item_exists")
  record LineItemExists(TicketId ticket, long productId, BigDecimal quantity, String description,
      List<Long> knownBefore) implements Check {
    public LineItemExists {
      Objects.requireNonNull(ticket, "ticket == null");
      Objects.requireNonNull(quantity, "quantity == null");
      Objects.requireNonNull(description, "description == null");
      knownBefore = sortedIds(knownBefore);
    }
  }

  /**
   * {@code GET /invoices?ticket_id=} lists an invoice that was not there when the plan was made
   * ({@code knownBefore}).
   */
  @JsonTypeName("invoice_for_ticket")
  record InvoiceForTicket(TicketId ticket, List<Long> knownBefore) implements Check {
    public InvoiceForTicket {
      Objects.requireNonNull(ticket, "ticket == null");
      knownBefore = sortedIds(knownBefore);
    }
  }

  /**
   * {@code GET /invoices/{id}} answers 404: the DELETE happened. (A DELETE that answered 200 is still
   * followed by a read step that asserts the same, since Syncro answers 200 even when it failed.)
   */
  @JsonTypeName("invoice_deleted")
  record InvoiceDeleted(long invoiceId) implements Check {
    public InvoiceDeleted {
      if (invoiceId <= 0) {
        throw new IllegalArgumentException("invoice id must be positive: " + invoiceId);
      }
    }
  }

  /** The ticket's line item {@code lineItemId} shows {@code price_retail} = {@code priceRetail}. */
  @JsonTypeName("line_item_priced")
  record LineItemPriced(TicketId ticket, long lineItemId, BigDecimal priceRetail) implements Check {
    public LineItemPriced {
      Objects.requireNonNull(ticket, "ticket == null");
      Objects.requireNonNull(priceRetail, "priceRetail == null");
    }
  }

  /**
   * A timer entry that was not on the ticket when the plan was made ({@code knownBefore}) has these
   * notes and (when Syncro shows it) this length, give or take a minute. The product is not compared:
   * Syncro may put its default labour product on a timer.
   */
  @JsonTypeName("timer_exists")
  record TimerExists(TicketId ticket, List<Long> knownBefore, int minutes, @Nullable Long productId, String notes)
      implements Check {
    public TimerExists {
      Objects.requireNonNull(ticket, "ticket == null");
      Objects.requireNonNull(notes, "notes == null");
      knownBefore = sortedIds(knownBefore);
    }
  }

  /** The ticket's timer entry {@code timerId} is recorded (charged). */
  @JsonTypeName("timer_charged")
  record TimerCharged(TicketId ticket, long timerId) implements Check {
    public TimerCharged {
      Objects.requireNonNull(ticket, "ticket == null");
    }
  }

  /**
   * A ticket of {@code customer} with {@code subject} exists, created no earlier than shortly before
   * {@code createdAfter}: ticket creation has no other key, and an unknown outcome must never lead to
   * a second ticket (R2).
   */
  @JsonTypeName("ticket_created")
  record TicketCreated(CustomerId customer, String subject, Instant createdAfter) implements Check {
    public TicketCreated {
      Objects.requireNonNull(customer, "customer == null");
      Objects.requireNonNull(subject, "subject == null");
      Objects.requireNonNull(createdAfter, "createdAfter == null");
      if (subject.isBlank()) {
        throw new IllegalArgumentException("blank subject");
      }
    }
  }

  /**
   * An appointment starts at {@code startAt}: appointment {@code appointment} when given (a move),
   * else one on {@code ticket} (a new one); found by listing the appointments of the days around it.
   */
  @JsonTypeName("appointment_at")
  record AppointmentAt(@Nullable Long appointment, @Nullable TicketId ticket, Instant startAt) implements Check {
    public AppointmentAt {
      Objects.requireNonNull(startAt, "startAt == null");
      if (appointment == null && ticket == null) {
        throw new IllegalArgumentException("an appointment check needs the appointment or its ticket");
      }
      if (appointment != null && appointment <= 0) {
        throw new IllegalArgumentException("appointment id must be positive: " + appointment);
      }
    }
  }

  /**
   * Another check whose JSON still holds {@code {{step:N}}} placeholders, like a request's path and
   * body (e.g. a comment on the ticket that step 0 creates); the engine fills in those steps' ids
   * just before verifying.
   */
  @JsonTypeName("with_step_ids")
  record WithStepIds(JsonNode template) implements Check {
    /** A ticket id no real ticket has, replaced by the placeholder when the template is made. */
    private static final TicketId STAND_IN = new TicketId(Long.MAX_VALUE - 7_919);

    public WithStepIds {
      Objects.requireNonNull(template, "template == null");
      String type = template.path("type").asText("");
      if (!template.isObject() || type.isEmpty() || "with_step_ids".equals(type)) {
        throw new IllegalArgumentException("template must be another check's JSON, not " + type);
      }
      template = template.deepCopy();
    }

    /**
     * Returns the check {@code make} builds, with its ticket to be the id of step {@code step}'s
     * result (e.g. {@code onTicketOf(0, t -> new CommentExists(t, "Initial Issue", body))}).
     *
     * @throws IllegalArgumentException if the check does not hold the ticket it was given
     */
    public static WithStepIds onTicketOf(int step, Function<TicketId, Check> make) {
      if (step < 0) {
        throw new IllegalArgumentException("negative step: " + step);
      }
      return new WithStepIds(PlanJson.template(make.apply(STAND_IN), STAND_IN.value(), "{{step:" + step + "}}"));
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

  private static List<Long> sortedIds(List<Long> ids) {
    Objects.requireNonNull(ids, "ids == null");
    return ids.stream().map(id -> Objects.requireNonNull(id, "id == null")).sorted().distinct().toList();
  }
}
