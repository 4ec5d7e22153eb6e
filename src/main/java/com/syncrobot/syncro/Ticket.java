package com.syncrobot.syncro;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A ticket from a list ({@code comments} possibly truncated, {@code lineItems} empty) or from the
 * detail endpoint (comments newest first, line items, customer, contact and assigned tech).
 * {@code customerReply} is Syncro's flag that the customer wrote last and nobody has answered yet.
 */
public record Ticket(
    TicketId id,
    TicketNumber number,
    String subject,
    String status,
    @Nullable String priority,
    @Nullable String problemType,
    @Nullable CustomerId customerId,
    String customerName,
    @Nullable String contactName,
    @Nullable OffsetDateTime createdAt,
    @Nullable OffsetDateTime dueDate,
    @Nullable OffsetDateTime updatedAt,
    @Nullable Long userId,
    @Nullable String assignedTechName,
    List<Comment> comments,
    List<LineItem> lineItems,
    boolean customerReply) {

  /** Statuses after which a ticket no longer counts as open (domain vocabulary). */
  static final Set<String> CLOSED_STATUSES = Set.of("resolved", "invoiced", "closed");

  public Ticket {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(number, "number");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(customerName, "customerName");
    comments = List.copyOf(comments);
    lineItems = List.copyOf(lineItems);
  }

  /** Returns whether the status is anything but Resolved, Invoiced or Closed (case-insensitive). */
  public boolean isOpen() {
    return isOpenStatus(status);
  }

  /** Returns whether a ticket with {@code status} counts as open (see {@link #isOpen()}). */
  public static boolean isOpenStatus(String status) {
    return !CLOSED_STATUSES.contains(status.strip().toLowerCase(Locale.ROOT));
  }
}
