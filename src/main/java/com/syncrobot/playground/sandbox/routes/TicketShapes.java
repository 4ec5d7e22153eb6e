package com.syncrobot.playground.sandbox.routes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.syncrobot.playground.sandbox.model.Catalog;
import com.syncrobot.playground.sandbox.model.SandboxAppointment;
import com.syncrobot.playground.sandbox.model.SandboxComment;
import com.syncrobot.playground.sandbox.model.SandboxCustomer;
import com.syncrobot.playground.sandbox.model.SandboxData;
import com.syncrobot.playground.sandbox.model.SandboxTech;
import com.syncrobot.playground.sandbox.model.SandboxTicket;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

/** JSON of tickets (list and detail shapes), comments and appointments, as Syncro shapes them. */
final class TicketShapes {
  private final Timestamps ts;
  private final CustomerShapes customers;
  private final BillingShapes billing;

  TicketShapes(Timestamps ts, CustomerShapes customers, BillingShapes billing) {
    this.ts = ts;
    this.customers = customers;
    this.billing = billing;
  }

  /** The list shape: comments are left out of lists (Syncro is phasing them out there). */
  ObjectNode listItem(SandboxData d, SandboxTicket t) {
    Catalog.Contact contact = t.contactId() == null ? null : d.contacts.get(t.contactId());
    ObjectNode o = Json.obj().put("id", t.id()).put("number", t.number()).put("subject", t.subject())
        .put("created_at", ts.format(t.createdAt())).put("customer_id", t.customerId())
        .put("customer_business_then_name", d.customerName(t.customerId())).put("due_date", ts.format(t.dueDate()))
        .put("resolved_at", ts.format(t.resolvedAt())).putNull("start_at").putNull("end_at").putNull("location_id")
        .putNull("location_name").put("problem_type", t.problemType()).put("status", t.status())
        .putNull("ticket_type_id").putNull("ticket_type_name");
    o.set("properties", Json.obj());
    o.put("user_id", t.userId()).put("updated_at", ts.format(t.updatedAt())).putNull("pdf_url")
        .put("priority", t.priority()).putNull("billing_status");
    o.putArray("tag_list");
    SandboxTech creator = t.createdBy() == null ? null : d.techs.get(t.createdBy());
    o.putNull("sla_name").put("creator_name_or_email", creator == null ? null : creator.name())
        .put("contact_fullname", contact == null ? null : contact.name()).putNull("contract_name")
        .putNull("address_id").put("parent", false).putNull("parent_id").put("child", false).put("recurring", false)
        .put("customer_reply", customerReplied(d, t)).putNull("total_formatted_billable_time").put("contact_id", t.contactId())
        .put("sla_breached", false).put("sla_breaching_soon", false).putNull("contract_id").putNull("sla_id");
    o.putArray("customer_tag_list");
    o.putNull("resolution_time").putNull("response_time");
    o.putArray("customer_icons");
    o.putArray("comments");
    SandboxTech tech = t.userId() == null ? null : d.techs.get(t.userId());
    o.set("user", tech == null ? null : customers.user(tech));
    return o;
  }

  /** Whether the newest public comment is the customer's (no user): true until a technician answers. */
  private static boolean customerReplied(SandboxData d, SandboxTicket t) {
    SandboxComment newest = null;
    for (SandboxComment c : d.commentsOf(t.id())) {
      if (!c.hidden() && (newest == null || !c.createdAt().isBefore(newest.createdAt()))) {
        newest = c;
      }
    }
    return newest != null && newest.userId() == null;
  }

  /** The detail shape: comments (oldest first), line items, timers, customer with contacts, contact, user. */
  ObjectNode detail(SandboxData d, SandboxTicket t) {
    ObjectNode o = listItem(d, t);
    o.putNull("intake_form_html").putNull("signature_name").putNull("signature_date");
    o.set("asset_ids", Json.longs(t.assetIds()));
    o.putNull("outtake_form_name").putNull("outtake_form_date").putNull("outtake_form_html");
    ArrayNode comments = o.putArray("comments");
    d.commentsOf(t.id()).forEach(c -> comments.add(comment(c)));
    o.putArray("attachments");
    ArrayNode timers = o.putArray("ticket_timers");
    d.timersOf(t.id()).forEach(x -> timers.add(billing.timer(x)));
    ArrayNode lines = o.putArray("line_items");
    d.lineItemsOf(t.id()).forEach(li -> lines.add(billing.lineItem(d, li)));
    o.putArray("worksheet_results");
    ArrayNode assets = o.putArray("assets");
    t.assetIds().stream().map(d.assets::get).filter(a -> a != null).forEach(a -> assets.add(customers.asset(d, a)));
    ArrayNode appointments = o.putArray("appointments");
    d.appointmentsOf(t.id()).forEach(a -> appointments.add(appointment(d, a, false)));
    o.putArray("ticket_fields");
    o.putArray("ticket_answers");
    SandboxCustomer c = d.customers.get(t.customerId());
    o.set("customer", c == null ? null : customers.customer(d, c, false));
    Catalog.Contact contact = t.contactId() == null ? null : d.contacts.get(t.contactId());
    o.set("contact", contact == null ? null : customers.contact(contact));
    o.putNull("ticket_type");
    o.putNull("address");
    return o;
  }

  ObjectNode comment(SandboxComment c) {
    return Json.obj().put("id", c.id()).put("created_at", ts.format(c.createdAt()))
        .put("updated_at", ts.format(c.createdAt())).put("ticket_id", c.ticketId()).put("subject", c.subject())
        .put("body", c.body()).put("tech", c.tech()).put("hidden", c.hidden()).put("user_id", c.userId())
        .put("is_rich_text", false);
  }

  /** An appointment; {@code withCustomer} embeds the customer as the list and write responses do. */
  ObjectNode appointment(SandboxData d, SandboxAppointment a, boolean withCustomer) {
    BigDecimal hours = BigDecimal.valueOf(Duration.between(a.startAt(), a.endAt()).toMinutes())
        .divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
    ObjectNode o = Json.obj().put("id", a.id()).put("summary", a.summary()).put("description", a.description())
        .put("customer_id", a.customerId()).put("created_at", ts.format(a.createdAt()))
        .put("updated_at", ts.format(a.updatedAt())).put("start_at", ts.format(a.startAt()))
        .put("end_at", ts.format(a.endAt()));
    o.set("duration", Json.num(hours));
    o.put("location", a.location()).put("ticket_id", a.ticketId()).putNull("appointment_location_type")
        .put("start_at_label", ts.label(a.startAt())).putNull("all_day");
    SandboxTicket t = a.ticketId() == null ? null : d.tickets.get(a.ticketId());
    o.set("ticket", t == null ? null
        : Json.obj().put("id", t.id()).put("number", t.number()).put("subject", t.subject()));
    o.put("do_not_email", a.doNotEmail() ? "1" : "0").put("user_id", a.userId())
        .put("appointment_type_id", a.appointmentTypeId());
    o.set("user_ids", Json.longs(a.userIds()));
    if (withCustomer) {
      SandboxCustomer c = a.customerId() == null ? null : d.customers.get(a.customerId());
      o.set("customer", c == null ? null : customers.customer(d, c, false));
    }
    return o;
  }
}
