package com.syncrobot.playground.sandbox.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.syncrobot.playground.sandbox.model.Catalog;
import com.syncrobot.playground.sandbox.model.SandboxData;
import com.syncrobot.playground.sandbox.model.SandboxTicket;
import com.syncrobot.playground.sandbox.model.Vocabulary;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@code GET/POST /tickets}, {@code GET/PUT /tickets/{id}}. */
record TicketRoutes(Env env) {
  void register(Router r) {
    r.add("GET", "/tickets", this::list);
    r.add("GET", "/tickets/{id}", this::show);
    r.add("POST", "/tickets", this::create);
    r.add("PUT", "/tickets/{id}", this::update);
  }

  /**
   * Filters by number (exact), status (or "Not Closed"), query (subject, customer, contact, number),
   * customer_id, user_id and since_updated_at (updated at or after it: a timestamp with any offset, or
   * a date or local time read in the account's zone; anything else is 422); newest first, by number,
   * so a ticket updated while a poller pages keeps its place; {@code per_page} is not honoured here.
   */
  private SandboxReply list(Call c) {
    return env.apply(c, (d, p) -> {
      @Nullable Instant since;
      try {
        since = p.blank("since_updated_at") ? null : env.ts.parse(p.text("since_updated_at"));
      } catch (DateTimeParseException e) {
        return Errors.error(422, "since_updated_at is not a date or time: \"" + p.text("since_updated_at")
            + "\"; send ISO 8601, e.g. 2026-03-04T16:30:00Z or 2026-03-04");
      }
      String number = p.text("number");
      String status = p.text("status");
      String query = p.text("query");
      Long customer = p.longValue("customer_id");
      Long user = p.longValue("user_id");
      List<SandboxTicket> hits = new ArrayList<>();
      for (SandboxTicket t : d.tickets.values()) {
        if (number != null && !number.isBlank() && !Long.toString(t.number()).equals(number.strip())) {
          continue;
        }
        if (status != null && !status.isBlank() && !statusMatches(t.status(), status)) {
          continue;
        }
        if (query != null && !query.isBlank() && !matches(d, t, query)) {
          continue;
        }
        if ((customer != null && t.customerId() != customer) || (user != null && !user.equals(t.userId()))) {
          continue;
        }
        if (since != null && t.updatedAt().isBefore(since)) {
          continue;
        }
        hits.add(t);
      }
      hits.sort(Comparator.comparingLong(SandboxTicket::number).reversed());
      Paging<SandboxTicket> page = Paging.of(hits, Paging.page(p), env.knobs.ticketsPageSize());
      ArrayNode items = Json.arr();
      page.items().forEach(t -> items.add(env.tickets.listItem(d, t)));
      return SandboxReply.ok(Json.wrap("tickets", items).set("meta", page.shortMeta()));
    });
  }

  private SandboxReply show(Call c) {
    return env.store.apply(d -> d.ticket(c.id())
        .map(t -> SandboxReply.ok(Json.wrap("ticket", env.tickets.detail(d, t))))
        .orElseGet(SandboxReply::notFound));
  }

  /** Creates a ticket with an auto number; {@code comments_attributes} become its first comments. */
  private SandboxReply create(Call c) {
    return env.apply(c, (d, p) -> {
      Long customerId = p.longValue("customer_id");
      if (customerId == null || !d.customers.containsKey(customerId)) {
        return Errors.error(422, "Customer required field");
      }
      List<String> problems = Errors.blanks(p, false, "subject");
      String status = p.blank("status") ? "New" : Vocabulary.status(p.text("status")).orElse(null);
      if (status == null) {
        problems.add("Status is not included in the list");
      }
      Long number = p.longValue("number");
      if (number != null && d.tickets.values().stream().anyMatch(t -> t.number() == number)) {
        problems.add("Number has already been taken");
      }
      Long userId = p.longValue("user_id");
      if (userId != null && !d.techs.containsKey(userId)) {
        problems.add("User must exist");
      }
      List<RailsParams> comments = commentAttributes(p.get("comments_attributes"), problems);
      Instant due = time(p, "due_date", problems);
      if (!problems.isEmpty()) {
        return Errors.messages(problems);
      }
      Instant now = env.now();
      long id = d.nextTicketId++;
      long n = number != null ? number : d.nextTicketNumber++;
      Long contact = contactOf(d, customerId, p.longValue("contact_id"));
      SandboxTicket t = new SandboxTicket(id, n, p.text("subject").strip(), status,
          p.blank("priority") ? "2 Normal" : p.text("priority"),
          p.blank("problem_type") ? null : p.text("problem_type"),
          customerId, contact, userId, now, now, due, Vocabulary.closed(status) ? now : null,
          assetsOf(d, customerId, p.longs("asset_ids")), c.tech().id());
      d.tickets.put(id, t);
      for (RailsParams cp : comments) {
        CommentRoutes.add(d, t, cp, c.tech(), now);
      }
      return SandboxReply.ok(Json.wrap("ticket", env.tickets.detail(d, t)));
    });
  }

  /** Changes the fields sent and leaves the others; unknown fields are ignored, as Rails does. */
  private SandboxReply update(Call c) {
    return env.onTicket(c, (d, t, p) -> {
      List<String> problems = Errors.blanks(p, true, "subject");
      String status = t.status();
      if (!p.blank("status")) {
        status = Vocabulary.status(p.text("status")).orElse(null);
        if (status == null) {
          problems.add("Status is not included in the list");
        }
      }
      Long customerId = p.has("customer_id") ? p.longValue("customer_id") : Long.valueOf(t.customerId());
      if (customerId == null || !d.customers.containsKey(customerId)) {
        problems.add("Customer must exist");
      }
      Long userId = p.has("user_id") ? p.longValue("user_id") : t.userId();
      if (userId != null && !d.techs.containsKey(userId)) {
        problems.add("User must exist");
      }
      Instant due = p.has("due_date") ? time(p, "due_date", problems) : t.dueDate();
      if (!problems.isEmpty()) {
        return Errors.messages(problems);
      }
      Instant now = env.now();
      Instant resolvedAt = Vocabulary.closed(status) && !Vocabulary.closed(t.status()) ? now : t.resolvedAt();
      String subject = p.has("subject") ? p.text("subject").strip() : t.subject();
      SandboxTicket u = new SandboxTicket(t.id(), t.number(), subject, status,
          p.has("priority") ? p.text("priority") : t.priority(),
          p.has("problem_type") ? p.text("problem_type") : t.problemType(), customerId,
          p.has("contact_id") ? contactOf(d, customerId, p.longValue("contact_id")) : t.contactId(), userId,
          t.createdAt(), now, due, resolvedAt,
          p.has("asset_ids") ? assetsOf(d, customerId, p.longs("asset_ids")) : t.assetIds(), t.createdBy());
      d.tickets.put(u.id(), u);
      return SandboxReply.ok(Json.wrap("ticket", env.tickets.detail(d, u)));
    });
  }

  private static boolean statusMatches(String status, String wanted) {
    if (wanted.strip().equalsIgnoreCase(Vocabulary.NOT_CLOSED)) {
      return !Vocabulary.closed(status);
    }
    return status.equalsIgnoreCase(wanted.strip());
  }

  private static boolean matches(SandboxData d, SandboxTicket t, String query) {
    String q = query.strip().toLowerCase(Locale.ROOT);
    Catalog.Contact contact = t.contactId() == null ? null : d.contacts.get(t.contactId());
    return t.subject().toLowerCase(Locale.ROOT).contains(q)
        || d.customerName(t.customerId()).toLowerCase(Locale.ROOT).contains(q)
        || (contact != null && contact.name().toLowerCase(Locale.ROOT).contains(q))
        || Long.toString(t.number()).equals(q);
  }

  private List<RailsParams> commentAttributes(@Nullable JsonNode attrs, List<String> problems) {
    List<RailsParams> out = new ArrayList<>();
    if (attrs == null || !attrs.isArray()) {
      return out;
    }
    for (JsonNode a : attrs) {
      if (!a.isObject()) {
        continue;
      }
      RailsParams cp = new RailsParams((ObjectNode) a, Map.of());
      if (cp.blank("subject")) {
        problems.add("Comments subject can't be blank");
      }
      if (cp.blank("body")) {
        problems.add("Comments body can't be blank");
      }
      out.add(cp);
    }
    return out;
  }

  private @Nullable Instant time(RailsParams p, String field, List<String> problems) {
    String s = p.text(field);
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      return env.ts.parse(s);
    } catch (DateTimeParseException e) {
      problems.add(field.replace('_', ' ').substring(0, 1).toUpperCase(Locale.ROOT)
          + field.replace('_', ' ').substring(1) + " is invalid");
      return null;
    }
  }

  private static @Nullable Long contactOf(SandboxData d, long customerId, @Nullable Long contactId) {
    Catalog.Contact k = contactId == null ? null : d.contacts.get(contactId);
    return k != null && k.customerId() == customerId ? k.id() : null;
  }

  private static List<Long> assetsOf(SandboxData d, long customerId, List<Long> ids) {
    return ids.stream().filter(id -> d.assets.containsKey(id) && d.assets.get(id).customerId() == customerId)
        .distinct().toList();
  }
}
