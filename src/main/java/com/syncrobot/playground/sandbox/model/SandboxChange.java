package com.syncrobot.playground.sandbox.model;

import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A change made to a ticket outside the bot (a customer writing in or replying, a technician in
 * Syncro's web UI): the ticket as it is now, the comment added (if any) and a sentence saying what
 * happened, e.g. "Ticket #32210 created for Canyon Dental Group".
 */
public record SandboxChange(Kind kind, SandboxTicket ticket, String customerName, @Nullable SandboxComment comment,
    String summary) {
  /** What kind of change it was. */
  public enum Kind {
    /** A customer wrote in: a new unassigned ticket with their first comment. */
    NEW_TICKET,
    /** A customer answered on the ticket; its status became Customer Reply. */
    CUSTOMER_REPLY,
    /** A technician changed status, assignee or priority in Syncro's web UI. */
    TICKET_CHANGE,
    /** A technician added an internal note in Syncro's web UI. */
    INTERNAL_NOTE;

    /** The name the admin API uses, e.g. {@code customer_reply}. */
    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public SandboxChange {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(ticket, "ticket");
    Objects.requireNonNull(customerName, "customerName");
    Objects.requireNonNull(summary, "summary");
  }
}
