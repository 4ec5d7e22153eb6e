package com.syncrobot.playground.sandbox.routes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.syncrobot.playground.sandbox.model.SandboxTech;
import com.syncrobot.playground.sandbox.model.Seed;
import com.syncrobot.playground.sandbox.model.Vocabulary;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** {@code /me}, {@code /settings}, {@code /tickets/settings}, {@code /users}, {@code /appointment_types}. */
record AccountRoutes(Env env) {
  void register(Router r) {
    r.add("GET", "/me", this::me);
    r.add("GET", "/settings", this::settings);
    r.add("GET", "/tickets/settings", this::ticketSettings);
    r.add("GET", "/users", this::users);
    r.add("GET", "/appointment_types", this::appointmentTypes);
  }

  /** Flat, as the real one; {@code user_token} is a per-user id, never the API key itself. */
  private SandboxReply me(Call c) {
    SandboxTech t = c.tech();
    ObjectNode o = Json.obj()
        .put("user_token", UUID.nameUUIDFromBytes(("user/" + t.id()).getBytes(StandardCharsets.UTF_8)).toString())
        .put("user_email", t.email()).put("user_name", t.name()).put("user_id", t.id()).put("admin", t.admin())
        .put("can_use_app", true).put("two_factor_required", false).put("subdomain", "sandbox")
        .putNull("default_location").put("enable_multi_locations", false);
    o.putArray("locations_allowed");
    ObjectNode p = o.putObject("permissions");
    for (String area : new String[] {"asset", "customer", "ticket", "invoice", "payment"}) {
      p.putObject(area).put("read", true).put("write", true).put("delete", t.admin());
    }
    p.putObject("worksheet").put("add", true).put("manage", true).put("delete", t.admin());
    p.putObject("script").put("execute", t.admin());
    return SandboxReply.ok(o);
  }

  private SandboxReply settings(Call c) {
    ObjectNode o = Json.obj();
    o.putObject("customers").putNull("required_fields").putArray("customer_fields");
    o.putObject("assets").putArray("asset_types");
    o.putObject("locale").put("iso_code", "en").put("currency_symbol", "$").put("date_format", "mm-dd-yy")
        .put("time_format", "hh:mm tt").put("time_zone", env.ts.accountZone().getId())
        .put("time_offset", env.ts.accountOffset(env.now()));
    ObjectNode ticket = o.putObject("ticket");
    ticket.putArray("ticket_types");
    ArrayNode problems = ticket.putArray("problem_types");
    Vocabulary.PROBLEM_TYPES.forEach(problems::add);
    ArrayNode priorities = ticket.putArray("priorities");
    Vocabulary.PRIORITIES.forEach(priorities::add);
    o.put("business_hours_enabled", true);
    ArrayNode hours = o.putArray("business_hours");
    for (String day : new String[] {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}) {
      boolean weekend = day.startsWith("S");
      hours.addObject().put("day", day).put("start", "08:00").put("end", "17:00").put("closed", weekend);
    }
    o.put("default_holiday_calendar", "USA").putNull("msp_addon");
    return SandboxReply.ok(o);
  }

  private SandboxReply ticketSettings(Call c) {
    return env.store.apply(d -> {
      ObjectNode o = Json.obj();
      ArrayNode statuses = o.putArray("ticket_status_list");
      Vocabulary.STATUSES.forEach(statuses::add);
      o.put("default_labor_product_id", Seed.REMOTE).put("ticket_timer_charge_by_default", false);
      o.putArray("saved_searches");
      o.putArray("ticket_types");
      o.putArray("ticket_type_fields");
      o.putArray("ticket_type_field_answers");
      ArrayNode types = o.putArray("appointment_types");
      d.appointmentTypes.values().forEach(t -> types.add(env.customers.appointmentType(t)));
      ArrayNode users = o.putArray("users");
      d.techs.values().forEach(t -> users.addObject().put("id", t.id()).put("name", t.name()));
      o.putNull("dashboard_settings");
      o.putArray("worksheet_templates");
      o.put("require_ticket_type", false).put("require_intake_form_with_ticket", false)
          .put("require_outtake_form_with_ticket", false).putNull("ticket_workflow_default_id");
      return SandboxReply.ok(o);
    });
  }

  /** {@code {"users": [[id, "Name"], ...]}}: pairs, not objects. */
  private SandboxReply users(Call c) {
    return env.store.apply(d -> {
      ArrayNode users = Json.arr();
      d.techs.values().forEach(t -> users.addArray().add(t.id()).add(t.name()));
      return SandboxReply.ok(Json.wrap("users", users));
    });
  }

  private SandboxReply appointmentTypes(Call c) {
    return env.store.apply(d -> {
      ArrayNode types = Json.arr();
      d.appointmentTypes.values().forEach(t -> types.add(env.customers.appointmentType(t)));
      return SandboxReply.ok(Json.wrap("appointment_types", types));
    });
  }
}
