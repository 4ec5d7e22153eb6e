package com.syncrobot.playground.sandbox.routes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.syncrobot.playground.sandbox.model.Catalog;
import com.syncrobot.playground.sandbox.model.SandboxAppointment;
import com.syncrobot.playground.sandbox.model.SandboxCustomer;
import com.syncrobot.playground.sandbox.model.SandboxData;
import com.syncrobot.playground.sandbox.model.SandboxTicket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@code GET/POST /appointments} and {@code PUT /appointments/{id}}. */
record AppointmentRoutes(Env env) {
  void register(Router r) {
    r.add("GET", "/appointments", this::list);
    r.add("POST", "/appointments", this::create);
    r.add("PUT", "/appointments/{id}", this::update);
  }

  /**
   * Lists appointments whose account-local start date lies in [date_from, date_to], by start; items
   * double-wrapped (knob), no meta. {@code customer_id} is ignored, as the real filter does not work.
   */
  private SandboxReply list(Call c) {
    return env.apply(c, (d, p) -> {
      LocalDate from = date(p.text("date_from"));
      LocalDate to = date(p.text("date_to"));
      boolean mine = p.bool("mine", false);
      List<SandboxAppointment> hits = new ArrayList<>();
      for (SandboxAppointment a : d.appointments.values()) {
        LocalDate day = env.ts.localDate(a.startAt());
        if ((from != null && day.isBefore(from)) || (to != null && day.isAfter(to))) {
          continue;
        }
        if (mine && a.userId() != c.tech().id() && !a.userIds().contains(c.tech().id())) {
          continue;
        }
        hits.add(a);
      }
      hits.sort(Comparator.comparing(SandboxAppointment::startAt).thenComparingLong(SandboxAppointment::id));
      Paging<SandboxAppointment> page = Paging.of(hits, Paging.page(p), env.knobs.listPageSize());
      ArrayNode items = Json.arr();
      boolean wrap = env.knobs.doubleWrapAppointments();
      for (SandboxAppointment a : page.items()) {
        ObjectNode o = env.tickets.appointment(d, a, true);
        items.add(wrap ? Json.wrap("appointment", o) : o);
      }
      return SandboxReply.ok(Json.wrap("appointments", items));
    });
  }

  /** Needs summary, start_at and end_at (or appointment_duration in minutes); answers 201. */
  private SandboxReply create(Call c) {
    return env.apply(c, (d, p) -> {
      List<String> problems = new ArrayList<>();
      if (p.blank("summary")) {
        problems.add("Summary can't be blank");
      }
      Instant start = time(p, "start_at", "Start at", problems);
      Instant end = time(p, "end_at", "End at", problems);
      Long minutes = p.longValue("appointment_duration");
      if (end == null && start != null && minutes != null) {
        end = start.plus(Duration.ofMinutes(minutes));
      } else if (end == null && !problems.contains("End at is invalid")) {
        problems.add("End at can't be blank");
      }
      Long ticketId = p.longValue("ticket_id");
      SandboxTicket ticket = ticketId == null ? null : d.tickets.get(ticketId);
      if (ticketId != null && ticket == null) {
        problems.add("Ticket must exist");
      }
      if (!problems.isEmpty()) {
        return Errors.appointment(problems, p.body());
      }
      Long customerId = p.longValue("customer_id");
      if (customerId == null && ticket != null) {
        customerId = ticket.customerId();
      }
      Long typeId = p.longValue("appointment_type_id");
      Catalog.AppointmentType type = typeId == null ? null : d.appointmentTypes.get(typeId);
      long userId = tech(d, p.longValue("user_id"), c.tech().id());
      List<Long> userIds = p.longs("user_ids").stream().filter(d.techs::containsKey).toList();
      String description = p.blank("description") ? "" : p.text("description");
      if (ticket != null) {
        // With a ticket, Syncro fills the description with the ticket and customer details.
        description = "Notes:\n " + description + "\n\n Ticket #" + ticket.number() + ": " + ticket.subject()
            + "\n\n Customer: " + d.customerName(ticket.customerId());
      }
      Instant now = env.now();
      SandboxAppointment a = new SandboxAppointment(d.nextAppointmentId++, p.text("summary"), description,
          customerId, ticketId, start, end, location(d, p, type, customerId), type == null ? null : type.id(), userId,
          userIds.isEmpty() ? List.of(userId) : userIds, p.bool("do_not_email", false), now, now);
      d.appointments.put(a.id(), a);
      if (ticket != null) {
        d.tickets.put(ticket.id(), ticket.touched(now));
      }
      return SandboxReply.json(201, Json.wrap("appointment", env.tickets.appointment(d, a, true)));
    });
  }

  /** Moves or edits one appointment; start_at is required, end_at keeps the length when left out. */
  private SandboxReply update(Call c) {
    return env.apply(c, (d, p) -> {
      SandboxAppointment a = d.appointments.get(c.id());
      if (a == null) {
        return SandboxReply.notFound();
      }
      List<String> problems = new ArrayList<>();
      if (p.has("summary") && p.blank("summary")) {
        problems.add("Summary can't be blank");
      }
      Instant start = time(p, "start_at", "Start at", problems);
      Instant end = p.blank("end_at") ? null : time(p, "end_at", "End at", problems);
      if (!problems.isEmpty()) {
        return Errors.appointment(problems, p.body());
      }
      if (end == null) {
        end = start.plus(Duration.between(a.startAt(), a.endAt()));
      }
      Long typeId = p.longValue("appointment_type_id");
      SandboxAppointment u = new SandboxAppointment(a.id(), p.has("summary") ? p.text("summary") : a.summary(),
          p.has("description") ? String.valueOf(p.text("description")) : a.description(), a.customerId(),
          a.ticketId(), start, end, p.has("location") ? p.text("location") : a.location(),
          typeId != null && d.appointmentTypes.containsKey(typeId) ? typeId : a.appointmentTypeId(),
          tech(d, p.longValue("user_id"), a.userId()), a.userIds(), p.bool("do_not_email", a.doNotEmail()),
          a.createdAt(), env.now());
      d.appointments.put(u.id(), u);
      SandboxTicket ticket = u.ticketId() == null ? null : d.tickets.get(u.ticketId());
      if (ticket != null) {
        d.tickets.put(ticket.id(), ticket.touched(u.updatedAt()));
      }
      return SandboxReply.ok(Json.wrap("appointment", env.tickets.appointment(d, u, true)));
    });
  }

  private @Nullable Instant time(RailsParams p, String field, String label, List<String> problems) {
    if (p.blank(field)) {
      if (!"End at".equals(label)) {
        problems.add(label + " can't be blank");
      }
      return null;
    }
    try {
      return env.ts.parse(p.text(field));
    } catch (DateTimeParseException e) {
      problems.add(label + " is invalid");
      return null;
    }
  }

  private @Nullable LocalDate date(@Nullable String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      return env.ts.localDate(env.ts.parse(s));
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static long tech(SandboxData d, @Nullable Long wanted, long otherwise) {
    return wanted != null && d.techs.containsKey(wanted) ? wanted : otherwise;
  }

  private static @Nullable String location(SandboxData d, RailsParams p, Catalog.@Nullable AppointmentType type,
      @Nullable Long customerId) {
    if (!p.blank("location")) {
      return p.text("location");
    }
    if (type == null) {
      return null;
    }
    SandboxCustomer c = customerId == null ? null : d.customers.get(customerId);
    switch (type.locationType()) {
      case "customer" :
        return c == null ? null : c.address() + ", " + c.city();
      case "shop" :
        return "In Shop";
      case "hard_code" :
        return type.locationHardCode();
      default :
        return null;
    }
  }
}
