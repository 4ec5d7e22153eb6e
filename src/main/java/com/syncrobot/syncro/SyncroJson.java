package com.syncrobot.syncro;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Maps Syncro's JSON to the records of this package. Reading is by hand from the tree because the
 * same object comes wrapped, flat or double-wrapped depending on the endpoint, and numbers come as
 * strings or numbers; unknown fields are ignored. Stateless.
 */
final class SyncroJson {
  private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
      .parseCaseInsensitive()
      .append(DateTimeFormatter.ISO_LOCAL_DATE)
      .optionalStart()
      .appendLiteral('T')
      .optionalEnd()
      .optionalStart()
      .appendLiteral(' ')
      .optionalEnd()
      .append(DateTimeFormatter.ISO_LOCAL_TIME)
      .optionalStart()
      .appendLiteral(' ')
      .optionalEnd()
      .optionalStart()
      .appendOffset("+HH:MM", "Z")
      .optionalEnd()
      .optionalStart()
      .appendOffset("+HHMM", "Z")
      .optionalEnd()
      .toFormatter();

  private SyncroJson() {}

  /** A 2xx body whose shape the mapping cannot read; {@link SyncroHttp} reports it as unavailable. */
  static final class ShapeException extends RuntimeException {
    ShapeException(String message) {
      super(message, null, false, false);
    }
  }

  // ---- envelopes ---------------------------------------------------------------------------

  /**
   * Returns {@code root.key} when it is an object, else {@code root} itself if it looks like the
   * record.
   */
  static JsonNode unwrap(JsonNode root, String key) {
    JsonNode inner = root.get(key);
    if (inner != null && inner.isObject()) {
      return inner;
    }
    if (root.isObject() && root.has("id")) {
      return root;
    }
    throw new ShapeException("expected an object under '" + key + "'");
  }

  /**
   * Returns the items under {@code key}; JSON null counts as empty, absence or a non-array is a
   * shape error.
   */
  static List<JsonNode> list(JsonNode root, String key) {
    if (!root.isObject() || !root.has(key)) {
      // A 200 without the list key is a shape we do not know, not an empty result.
      throw new ShapeException("expected an object with '" + key + "'");
    }
    JsonNode arr = root.get(key);
    if (arr.isNull()) {
      return List.of();
    }
    if (!arr.isArray()) {
      throw new ShapeException("expected an array under '" + key + "'");
    }
    List<JsonNode> out = new ArrayList<>(arr.size());
    arr.forEach(out::add);
    return out;
  }

  /**
   * Returns the array node under {@code key}, an empty array for JSON null; absence is a shape
   * error.
   */
  static JsonNode listNode(JsonNode root, String key) {
    if (!root.isObject() || !root.has(key)) {
      throw new ShapeException("expected an object with '" + key + "'");
    }
    JsonNode arr = root.get(key);
    if (arr == null || arr.isNull()) {
      return JsonNodeFactory.instance.arrayNode();
    }
    if (!arr.isArray()) {
      throw new ShapeException("expected an array under '" + key + "'");
    }
    return arr;
  }

  static <T> List<T> mapAll(@Nullable JsonNode arr, Function<JsonNode, T> f) {
    List<T> out = new ArrayList<>();
    if (arr != null && arr.isArray()) {
      for (JsonNode n : arr) {
        out.add(f.apply(n));
      }
    }
    return out;
  }

  // ---- records -----------------------------------------------------------------------------

  static Me me(JsonNode root) {
    JsonNode n = root.has("user_id") ? root : unwrapIfPresent(root, "user");
    Long id = optLong(n, "user_id");
    if (id == null) {
      id = optLong(n, "id");
    }
    if (id == null) {
      throw new ShapeException("/me without user_id");
    }
    String name = firstText(n, "user_name", "full_name", "name");
    return new Me(id, name == null ? "" : name, text(firstPresent(n, "user_email", "email")));
  }

  static Ticket ticket(JsonNode t) {
    TicketId id = new TicketId(reqLong(t, "id"));
    long number = reqLong(t, "number");
    if (number <= 0) {
      throw new ShapeException("ticket without a positive number");
    }
    JsonNode customer = obj(t, "customer");
    JsonNode contact = obj(t, "contact");
    JsonNode user = obj(t, "user");
    Long customerId = optLong(t, "customer_id");
    if (customerId == null && customer != null) {
      customerId = optLong(customer, "id");
    }
    String customerName = firstText(t, "customer_business_then_name");
    if (customerName == null && customer != null) {
      customerName = customerName(customer);
    }
    String contactName = firstText(t, "contact_fullname");
    if (contactName == null && contact != null) {
      contactName = firstText(contact, "name", "fullname");
    }
    Long userId = optLong(t, "user_id");
    if (userId == null && user != null) {
      userId = optLong(user, "id");
    }
    String tech = user == null ? null : firstText(user, "full_name", "name");
    return new Ticket(
        id,
        new TicketNumber(number),
        orEmpty(firstText(t, "subject")),
        orEmpty(firstText(t, "status")),
        firstText(t, "priority"),
        firstText(t, "problem_type"),
        customerId(customerId),
        orEmpty(customerName),
        contactName,
        time(t.get("created_at")),
        time(t.get("due_date")),
        time(t.get("updated_at")),
        userId,
        tech,
        newestFirst(mapAll(t.get("comments"), SyncroJson::comment)),
        mapAll(t.get("line_items"), SyncroJson::lineItem),
        bool(t.get("customer_reply")));
  }

  static Comment comment(JsonNode raw) {
    JsonNode c = unwrapIfPresent(raw, "comment");
    return new Comment(
        reqLong(c, "id"),
        orEmpty(firstText(c, "subject")),
        orEmpty(firstText(c, "body")),
        bool(c.get("hidden")),
        firstText(c, "tech"),
        time(c.get("created_at")),
        optLong(c, "user_id"));
  }

  /** Sorts comments newest first (created_at, then id), the order the bot shows them in. */
  static List<Comment> newestFirst(List<Comment> comments) {
    List<Comment> sorted = new ArrayList<>(comments);
    sorted.sort(
        Comparator.comparing(
            Comment::createdAt, Comparator.nullsLast(Comparator.<OffsetDateTime>reverseOrder()))
            .thenComparing(Comparator.comparingLong(Comment::id).reversed()));
    return sorted;
  }

  static LineItem lineItem(JsonNode raw) {
    JsonNode li = unwrapIfPresent(raw, "ticket_line_item");
    BigDecimal price = decimal(li.get("price_retail"));
    if (price == null) {
      BigDecimal cents = decimal(li.get("retail_cents"));
      price = cents == null ? null : cents.movePointLeft(2);
    }
    if (price == null) {
      price = decimal(li.get("price"));
    }
    BigDecimal quantity = decimal(li.get("quantity"));
    return new LineItem(
        reqLong(li, "id"),
        orEmpty(firstText(li, "name", "item")),
        firstText(li, "description"),
        quantity == null ? BigDecimal.ZERO : quantity,
        price,
        optLong(li, "product_id"),
        optLong(li, "invoice_id"),
        bool(li.get("converted")));
  }

  static TicketTimer ticketTimer(JsonNode raw) {
    JsonNode t = unwrapIfPresent(raw, "ticket_timer");
    return new TicketTimer(
        reqLong(t, "id"),
        optLong(t, "user_id"),
        time(firstPresent(t, "start_time", "start_at")),
        time(firstPresent(t, "end_time", "end_at")),
        bool(t.get("recorded")),
        bool(t.get("billable")),
        firstText(t, "notes"),
        optLong(t, "product_id"),
        optLong(t, "ticket_line_item_id"),
        optLong(t, "active_duration"));
  }

  static Customer customer(JsonNode c) {
    String phone = firstText(c, "phone", "mobile");
    return new Customer(
        new CustomerId(reqLong(c, "id")),
        orEmpty(customerName(c)),
        firstText(c, "email"),
        phone,
        decimal(c.get("prepay_hours")),
        mapAll(c.get("contacts"), SyncroJson::contact),
        invoiceLinks(c.get("invoice_links")));
  }

  /** The ids of a customer detail's {@code invoice_links}; null when there is no such list or an id is unreadable. */
  private static @Nullable List<Long> invoiceLinks(@Nullable JsonNode links) {
    if (links == null || !links.isArray()) {
      return null;
    }
    List<Long> ids = new ArrayList<>();
    for (JsonNode l : links) {
      if (!l.path("id").canConvertToLong() || l.path("id").asLong() <= 0) {
        return null;
      }
      ids.add(l.path("id").asLong());
    }
    return ids;
  }

  static @Nullable String customerName(JsonNode c) {
    String name = firstText(c, "business_then_name", "business_name", "fullname");
    if (name != null) {
      return name;
    }
    String full = (orEmpty(firstText(c, "firstname")) + " " + orEmpty(firstText(c, "lastname"))).strip();
    return full.isEmpty() ? null : full;
  }

  static Contact contact(JsonNode c) {
    return new Contact(
        reqLong(c, "id"),
        orEmpty(firstText(c, "name", "fullname")),
        firstText(c, "email"),
        firstText(c, "phone"),
        firstText(c, "mobile"),
        firstText(c, "address1"),
        firstText(c, "address2"),
        firstText(c, "city"),
        firstText(c, "state"),
        firstText(c, "zip"));
  }

  static Product product(JsonNode p) {
    return new Product(
        reqLong(p, "id"),
        orEmpty(firstText(p, "name")),
        decimal(p.get("price_retail")),
        decimal(p.get("price_cost")),
        firstText(p, "description"),
        firstText(p, "product_category"),
        bool(p.get("taxable")),
        bool(p.get("disabled")));
  }

  static Invoice invoice(JsonNode i) {
    JsonNode number = i.get("number");
    return new Invoice(
        reqLong(i, "id"),
        number == null || number.isNull() ? null : number.asText(),
        optLong(i, "ticket_id"),
        customerId(optLong(i, "customer_id")),
        decimal(i.get("subtotal")),
        decimal(i.get("total")),
        mapAll(i.get("line_items"), SyncroJson::lineItem),
        decimal(i.get("tax")),
        firstText(i, "customer_business_then_name"),
        time(i.get("date")),
        time(i.get("created_at")));
  }

  static SyncroUser user(JsonNode u) {
    if (u.isArray()) {
      if (u.size() < 2 || !u.get(0).canConvertToExactIntegral()) {
        throw new ShapeException("user pair is not [id, name]");
      }
      return new SyncroUser(u.get(0).asLong(), u.get(1).asText(""));
    }
    return new SyncroUser(reqLong(u, "id"), orEmpty(firstText(u, "full_name", "name")));
  }

  static Appointment appointment(JsonNode raw) {
    JsonNode a = unwrapIfPresent(raw, "appointment");
    OffsetDateTime start = time(a.get("start_at"));
    if (start == null) {
      throw new ShapeException("appointment without a readable start_at");
    }
    JsonNode customer = obj(a, "customer");
    Long customerId = optLong(a, "customer_id");
    if (customerId == null && customer != null) {
      customerId = optLong(customer, "id");
    }
    return new Appointment(
        reqLong(a, "id"),
        orEmpty(firstText(a, "summary")),
        firstText(a, "description"),
        start,
        time(a.get("end_at")),
        optLong(a, "ticket_id"),
        customerId(customerId),
        customer == null ? null : customerName(customer),
        firstText(a, "location"),
        optLong(a, "appointment_type_id"),
        appointmentUsers(a));
  }

  /** The technicians of an appointment: {@code user_id} and the ids in {@code user_ids}, without repeats. */
  private static List<Long> appointmentUsers(JsonNode a) {
    Set<Long> ids = new LinkedHashSet<>();
    Long owner = optLong(a, "user_id");
    if (owner != null) {
      ids.add(owner);
    }
    JsonNode more = a.get("user_ids");
    if (more != null && more.isArray()) {
      for (JsonNode id : more) {
        if (id.canConvertToLong() || id.isTextual() && id.asText().matches("\\d{1,18}")) {
          ids.add(id.asLong());
        }
      }
    }
    return List.copyOf(ids);
  }

  static AppointmentType appointmentType(JsonNode raw) {
    JsonNode t = unwrapIfPresent(raw, "appointment_type");
    return new AppointmentType(
        reqLong(t, "id"),
        orEmpty(firstText(t, "name")),
        firstText(t, "location_type"),
        firstText(t, "location_hard_code"));
  }

  static Asset asset(JsonNode raw) {
    JsonNode a = unwrapIfPresent(raw, "asset");
    JsonNode type = a.get("asset_type");
    String typeName = type != null && type.isObject() ? firstText(type, "name") : text(type);
    return new Asset(
        reqLong(a, "id"),
        orEmpty(firstText(a, "name")),
        customerId(optLong(a, "customer_id")),
        typeName,
        firstText(a, "asset_serial"));
  }

  static List<String> strings(@Nullable JsonNode arr) {
    List<String> out = new ArrayList<>();
    if (arr != null && arr.isArray()) {
      for (JsonNode n : arr) {
        String s = n.isValueNode() && !n.isNull() ? n.asText().strip() : "";
        if (!s.isEmpty()) {
          out.add(s);
        }
      }
    }
    return out;
  }

  // ---- scalars -----------------------------------------------------------------------------

  /**
   * Parses a timestamp with any offset ({@code Z}, {@code -07:00}, {@code -0700}), with {@code T}
   * or a space; a date alone is midnight UTC. Returns null when absent or unreadable, so one odd
   * field does not make a whole list unreadable.
   */
  static @Nullable OffsetDateTime time(@Nullable JsonNode n) {
    if (n == null || !n.isTextual() || n.asText().isBlank()) {
      return null;
    }
    String s = n.asText().strip();
    try {
      return OffsetDateTime.parse(s, TIMESTAMP);
    } catch (DateTimeParseException e) {
      try {
        return LocalDate.parse(s).atStartOfDay().atOffset(ZoneOffset.UTC);
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }

  /**
   * Reads a number Syncro may send as a JSON number or a string ("64.99", "1.0"); blank or null is
   * null.
   */
  static @Nullable BigDecimal decimal(@Nullable JsonNode n) {
    if (n == null || n.isNull() || n.isMissingNode()) {
      return null;
    }
    if (n.isNumber()) {
      return n.decimalValue();
    }
    if (n.isTextual()) {
      String s = n.asText().strip();
      if (s.isEmpty()) {
        return null;
      }
      try {
        return new BigDecimal(s);
      } catch (NumberFormatException e) {
        throw new ShapeException("not a decimal number");
      }
    }
    throw new ShapeException("not a decimal number");
  }

  static boolean bool(@Nullable JsonNode n) {
    if (n == null || n.isNull()) {
      return false;
    }
    if (n.isBoolean()) {
      return n.booleanValue();
    }
    if (n.isNumber()) {
      return n.asInt() != 0;
    }
    String s = n.asText().strip();
    return s.equalsIgnoreCase("true") || s.equals("1");
  }

  static long reqLong(JsonNode n, String field) {
    Long v = optLong(n, field);
    if (v == null) {
      throw new ShapeException("missing or non-integer '" + field + "'");
    }
    return v;
  }

  static @Nullable Long optLong(JsonNode n, String field) {
    return asLong(n.get(field));
  }

  static @Nullable Long asLong(@Nullable JsonNode v) {
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.canConvertToExactIntegral() && v.isNumber()) {
      return v.longValue();
    }
    if (v.isTextual()) {
      String s = v.asText().strip();
      if (!s.isEmpty() && s.length() <= 18 && s.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
        return Long.parseLong(s);
      }
    }
    return null;
  }

  private static @Nullable CustomerId customerId(@Nullable Long id) {
    return id == null || id <= 0 ? null : new CustomerId(id);
  }

  private static @Nullable JsonNode obj(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v != null && v.isObject() ? v : null;
  }

  private static JsonNode unwrapIfPresent(JsonNode n, String key) {
    JsonNode inner = n.get(key);
    return inner != null && inner.isObject() ? inner : n;
  }

  private static @Nullable String firstText(JsonNode n, String... fields) {
    for (String f : fields) {
      String s = text(n.get(f));
      if (s != null) {
        return s;
      }
    }
    return null;
  }

  private static @Nullable JsonNode firstPresent(JsonNode n, String... fields) {
    for (String f : fields) {
      JsonNode v = n.get(f);
      if (v != null && !v.isNull()) {
        return v;
      }
    }
    return null;
  }

  private static @Nullable String text(@Nullable JsonNode v) {
    if (v == null || v.isNull() || !v.isValueNode()) {
      return null;
    }
    String s = v.asText();
    return s.isBlank() ? null : s;
  }

  private static String orEmpty(@Nullable String s) {
    return s == null ? "" : s;
  }
}
