package com.syncrobot.write;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.syncrobot.syncro.TicketId;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

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
