package com.syncrobot.syncro;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Every write the bot sends to Syncro, by name: each returns the exact {@link SyncroWrite} (method,
 * path, body, where the new record's id is) that a plan step stores and sends once (R2). Plans are
 * stored as JSON, so what these return is part of the stored format: the field order and number
 * types of each body stay as they are.
 *
 * <p>A write may name a record an earlier step of the same plan creates with {@link #stepId(int)};
 * the plan engine puts that step's id in its place at send time.
 */
public final class SyncroWrites {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private SyncroWrites() {}

  /** Returns {@code {{step:N}}}, the stand-in for the id step {@code step} of the same plan returns. */
  public static String stepId(int step) {
    if (step < 0) {
      throw new IllegalArgumentException("negative step: " + step);
    }
    return "{{step:" + step + "}}";
  }

  // ---- tickets -----------------------------------------------------------------------------

  /**
   * A new ticket's fields; {@code contactId}, {@code due} and {@code assetId} are left out when null.
   *
   * @param problemType Syncro's "issue type"
   */
  public record NewTicket(
      CustomerId customer,
      String subject,
      String problemType,
      String status,
      String priority,
      long userId,
      @Nullable Long contactId,
      @Nullable LocalDate due,
      @Nullable Long assetId) {
    public NewTicket {
      Objects.requireNonNull(customer, "customer == null");
      Objects.requireNonNull(subject, "subject == null");
      Objects.requireNonNull(problemType, "problemType == null");
      Objects.requireNonNull(status, "status == null");
      Objects.requireNonNull(priority, "priority == null");
    }
  }

  /** {@code POST /tickets}; the id is at {@code /ticket/id}. */
  public static SyncroWrite createTicket(NewTicket t) {
    ObjectNode body = NODES.objectNode()
        .put("customer_id", t.customer().value())
        .put("subject", t.subject())
        .put("problem_type", t.problemType())
        .put("status", t.status())
        .put("priority", t.priority())
        .put("user_id", t.userId());
    if (t.contactId() != null) {
      body.put("contact_id", t.contactId().longValue());
    }
    if (t.due() != null) {
      body.put("due_date", t.due().toString());
    }
    if (t.assetId() != null) {
      body.putArray("asset_ids").add(t.assetId().longValue());
    }
    return SyncroWrite.post("/tickets", body, "/ticket/id");
  }

  /** {@code PUT /tickets/{id}} changing only {@code fields} (e.g. status, priority); id at {@code /ticket/id}. */
  public static SyncroWrite updateTicket(TicketId ticket, Map<String, String> fields) {
    ObjectNode body = NODES.objectNode();
    fields.forEach(body::put);
    return SyncroWrite.put(SyncroPaths.ticket(ticket), body, "/ticket/id");
  }

  /**
   * {@code PUT /tickets/{id}} with only {@code {"user_id": N}}, a number: assigns the ticket to Syncro user
   * {@code userId} and changes nothing else; id at {@code /ticket/id}.
   */
  public static SyncroWrite assignTicket(TicketId ticket, long userId) {
    ObjectNode body = NODES.objectNode().put("user_id", userId);
    return SyncroWrite.put(SyncroPaths.ticket(ticket), body, "/ticket/id");
  }

  /**
   * {@code POST /tickets/{id}/comment}, flat {@code {subject, body, hidden, do_not_email, tech}}:
   * never wrapped and never with product_id, minutes_spent or bill_time_now; id at {@code /comment/id}.
   *
   * @param html the comment body as Syncro takes it (line breaks as {@code <br>})
   * @param tech the name the comment is signed with: its author's
   */
  public static SyncroWrite addComment(
      TicketId ticket, String subject, String html, boolean hidden, boolean doNotEmail, String tech) {
    return comment(SyncroPaths.ticket(ticket), subject, html, hidden, doNotEmail, tech);
  }

  /** {@link #addComment} on the ticket that step {@code createStep} of the same plan creates. */
  public static SyncroWrite addCommentToCreatedTicket(
      int createStep, String subject, String html, boolean hidden, boolean doNotEmail, String tech) {
    return comment("/tickets/" + stepId(createStep), subject, html, hidden, doNotEmail, tech);
  }

  private static SyncroWrite comment(
      String ticketPath, String subject, String html, boolean hidden, boolean doNotEmail, String tech) {
    ObjectNode body = NODES.objectNode()
        .put("subject", subject)
        .put("body", html)
        .put("hidden", hidden)
        .put("do_not_email", doNotEmail)
        .put("tech", tech);
    return SyncroWrite.post(ticketPath + "/comment", body, "/comment/id");
  }

  // ---- line items and timers ---------------------------------------------------------------

  /**
   * Returns the {@code add_line_item} body: {@code product_id, name, description, quantity,
   * price_retail, taxable:false}. Quantity and price are JSON numbers with their exact decimals
   * ({@code 0.75}, {@code 150.00}); {@code price_retail} is always present because Syncro does not
   * fill it from the product (R6).
   */
  public static ObjectNode lineItem(
      long productId, String name, String description, BigDecimal quantity, BigDecimal priceRetail) {
    ObjectNode body = NODES.objectNode();
    body.put("product_id", productId);
    body.put("name", name);
    body.put("description", description);
    body.put("quantity", quantity);
    body.put("price_retail", priceRetail);
    body.put("taxable", false);
    return body;
  }

  /** {@code POST /tickets/{id}/add_line_item} of a {@link #lineItem} body; the id is at {@code /id} (flat). */
  public static SyncroWrite addLineItem(TicketId ticket, JsonNode lineItem) {
    return SyncroWrite.post(SyncroPaths.ticket(ticket) + "/add_line_item", lineItem, "/id");
  }

  /**
   * {@code PUT /tickets/{id}/update_line_item} setting the price of line item {@code lineItemId};
   * id at {@code /ticket_line_item/id}.
   */
  public static SyncroWrite updateLineItemPrice(TicketId ticket, long lineItemId, BigDecimal priceRetail) {
    ObjectNode body = NODES.objectNode();
    body.put("ticket_line_item_id", lineItemId);
    body.put("price_retail", priceRetail);
    return SyncroWrite.put(SyncroPaths.ticket(ticket) + "/update_line_item", body, "/ticket_line_item/id");
  }

  /**
   * {@code POST /tickets/{id}/timer_entry}: {@code minutes} of work from {@code start} to {@code
   * end} (UTC, whole seconds) with the labour's product, charging nothing (R12); id at {@code /id}.
   */
  public static SyncroWrite addTimerEntry(
      TicketId ticket, Instant start, Instant end, int minutes, long productId, String notes, long userId) {
    ObjectNode body = NODES.objectNode();
    body.put("start_at", utc(start));
    body.put("end_at", utc(end));
    body.put("duration_minutes", minutes);
    body.put("product_id", productId);
    body.put("notes", notes);
    body.put("user_id", userId);
    return SyncroWrite.post(SyncroPaths.ticket(ticket) + "/timer_entry", body, "/id");
  }

  /** {@code POST /tickets/{id}/charge_timer_entry}: turns timer entry {@code timerId} into a line item; id at {@code /id}. */
  public static SyncroWrite chargeTimer(TicketId ticket, long timerId) {
    ObjectNode body = NODES.objectNode();
    body.put("timer_entry_id", timerId);
    return SyncroWrite.post(SyncroPaths.ticket(ticket) + "/charge_timer_entry", body, "/id");
  }

  // ---- invoices ----------------------------------------------------------------------------

  /** {@code POST /invoices} of the ticket's uninvoiced lines, category Standard; id at {@code /invoice/id}. */
  public static SyncroWrite createInvoice(TicketId ticket, CustomerId customer) {
    ObjectNode body = NODES.objectNode();
    body.put("ticket_id", ticket.value());
    body.put("customer_id", customer.value());
    body.put("category", "Standard");
    return SyncroWrite.post("/invoices", body, "/invoice/id");
  }

  /**
   * {@code DELETE /invoices/{id}}, without a body or an id. Syncro answers 200 even when the delete
   * failed, so read the invoice back before believing it (R10).
   */
  public static SyncroWrite deleteInvoice(long invoiceId) {
    return SyncroWrite.delete(SyncroPaths.invoice(invoiceId));
  }

  // ---- appointments ------------------------------------------------------------------------

  /**
   * A new appointment's fields, for a ticket the same plan creates; {@code location} is left out
   * when null or blank.
   *
   * @param ticketStep the step of the same plan that creates the appointment's ticket
   * @param userId the technician, sent both as {@code user_id} and as the one entry of {@code user_ids}
   */
  public record NewAppointment(
      String summary,
      Instant start,
      Instant end,
      long appointmentTypeId,
      int ticketStep,
      CustomerId customer,
      long userId,
      boolean doNotEmail,
      @Nullable String location) {
    public NewAppointment {
      Objects.requireNonNull(summary, "summary == null");
      Objects.requireNonNull(start, "start == null");
      Objects.requireNonNull(end, "end == null");
      Objects.requireNonNull(customer, "customer == null");
    }
  }

  /**
   * {@code POST /appointments} for the ticket an earlier step creates, times in UTC to the second;
   * id at {@code /appointment/id}.
   */
  public static SyncroWrite createAppointment(NewAppointment a) {
    ObjectNode body = NODES.objectNode()
        .put("summary", a.summary())
        .put("start_at", utc(a.start()))
        .put("end_at", utc(a.end()))
        .put("appointment_type_id", a.appointmentTypeId())
        .put("ticket_id", stepId(a.ticketStep()))
        .put("customer_id", a.customer().value())
        .put("user_id", a.userId())
        .put("do_not_email", a.doNotEmail());
    body.putArray("user_ids").add(a.userId());
    if (a.location() != null && !a.location().isBlank()) {
      body.put("location", a.location());
    }
    return SyncroWrite.post("/appointments", body, "/appointment/id");
  }

  /** {@code PUT /appointments/{id}} moving it to {@code start}..{@code end} (UTC); id at {@code /appointment/id}. */
  public static SyncroWrite moveAppointment(long appointmentId, Instant start, Instant end) {
    ObjectNode body = NODES.objectNode()
        .put("start_at", utc(start))
        .put("end_at", utc(end));
    return SyncroWrite.put("/appointments/" + appointmentId, body, "/appointment/id");
  }

  /** Syncro's time format: UTC ISO-8601 to the second, e.g. {@code 2026-03-02T15:00:00Z}. */
  private static String utc(Instant t) {
    return t.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
