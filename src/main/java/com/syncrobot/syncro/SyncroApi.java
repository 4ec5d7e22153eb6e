package com.syncrobot.syncro;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Syncro as seen by one technician: every call carries the token given to {@link
 * SyncroClient#as(SyncroToken)} (R11). Reads throw {@link SyncroUnavailableException} when Syncro
 * gives no definite answer; {@link #write(SyncroWrite)} throws {@link
 * SyncroAmbiguousWriteException} instead and never resends (R2). Thread-safe.
 */
public final class SyncroApi {
  /** Documented pseudo-status of {@code GET /tickets} (swagger {@code status} parameter). */
  static final String NOT_CLOSED = "Not Closed";

  /** Comments page size; {@code per_page} is declared for this endpoint (default 10). */
  static final int COMMENTS_PER_PAGE = 100;

  private static final Comparator<Ticket> NEWEST_FIRST = Comparator.comparing(
      Ticket::createdAt, Comparator.nullsLast(Comparator.<OffsetDateTime>reverseOrder()))
      .thenComparing(Comparator.comparingLong((Ticket t) -> t.number().value()).reversed());

  private static final ObjectMapper ANSWERS = new ObjectMapper()
      .configure(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, true);

  private final SyncroHttp http;
  private final SyncroToken token;
  private final RequestBudget.Priority priority;

  SyncroApi(SyncroHttp http, SyncroToken token, RequestBudget.Priority priority) {
    this.http = http;
    this.token = token;
    this.priority = priority;
  }

  /**
   * Returns the ticket a write's stored answer holds ({@code PUT /tickets/{id}} answers {@code {"ticket":
   * {...}}} as Syncro saved it), or empty when {@code body} is missing, cut short or not a ticket.
   */
  public static Optional<Ticket> ticketInAnswer(@Nullable String body) {
    if (body == null || body.isBlank()) {
      return Optional.empty();
    }
    try {
      JsonNode root = ANSWERS.readTree(body);
      JsonNode inner = root == null ? null : root.get("ticket");
      return inner != null && inner.isObject() ? Optional.of(SyncroJson.ticket(inner)) : Optional.empty();
    } catch (JsonProcessingException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Returns the token's owner ({@code GET /me}, flat). */
  public Me me() {
    return getOne("/me", SyncroJson::me);
  }

  /** Returns the ticket whose number is exactly {@code n}, or empty; never a near match (R26). */
  public Optional<Ticket> findTicketByNumber(TicketNumber n) {
    Objects.requireNonNull(n, "n");
    List<Ticket> all = ticketPages(
        query("number", Long.toString(n.value())),
        page -> page.stream().anyMatch(t -> t.number().equals(n)));
    return all.stream().filter(t -> t.number().equals(n)).findFirst();
  }

  /** Returns the ticket with comments (newest first), line items, customer, contact and tech. */
  public Ticket ticket(TicketId id) {
    return getOne(
        SyncroPaths.ticket(id),
        b -> SyncroJson.ticket(SyncroJson.unwrap(b, "ticket")));
  }

  /**
   * Returns every open ticket (not Resolved, Invoiced or Closed), newest first. Asks Syncro for its
   * "Not Closed" pseudo-status, then filters here too, since account statuses are customisable.
   */
  public List<Ticket> openTickets() {
    return ticketsWhere(query("status", NOT_CLOSED), Ticket::isOpen);
  }

  /**
   * Returns every ticket changed at or after {@code since} ({@code GET /tickets?since_updated_at=}, the
   * official incremental filter), over all pages, in Syncro's order. Closed tickets are included: a ticket
   * that was just resolved is a change too.
   */
  public List<Ticket> ticketsUpdatedSince(Instant since) {
    Objects.requireNonNull(since, "since");
    return ticketPages(query("since_updated_at", DateTimeFormatter.ISO_INSTANT.format(since)), null);
  }

  /** Returns all tickets Syncro's search finds for {@code query}, over all pages. */
  public List<Ticket> searchTickets(String query) {
    return ticketPages(query("query", Objects.requireNonNull(query, "query")), null);
  }

  /**
   * Returns every ticket of the customer over all pages ({@code GET /tickets?customer_id=}), newest
   * first; filtered here too, so a ticket of another customer never counts (R2 checks use it).
   */
  public List<Ticket> ticketsOfCustomer(CustomerId customerId) {
    Objects.requireNonNull(customerId, "customerId");
    return ticketsWhere(query("customer_id", Long.toString(customerId.value())),
        t -> customerId.equals(t.customerId()));
  }

  /**
   * Returns the ticket's timer entries from the ticket detail's {@code ticket_timers} (R12); the
   * swagger's {@code GET /ticket_timers} has no ticket filter, so the detail is the reliable source.
   */
  public List<TicketTimer> ticketTimers(TicketId id) {
    return getOne(
        SyncroPaths.ticket(id),
        b -> SyncroJson.mapAll(SyncroJson.unwrap(b, "ticket").get("ticket_timers"), SyncroJson::ticketTimer));
  }

  /** Returns all of a ticket's comments over all pages, newest first (R2 searches all of them). */
  public List<Comment> comments(TicketId id) {
    List<Comment> all = http.pages(
        token,
        priority,
        SyncroPaths.ticket(id) + "/comments",
        query("per_page", Integer.toString(COMMENTS_PER_PAGE)),
        "comments",
        SyncroJson::comment,
        Comment::id,
        null);
    return SyncroJson.newestFirst(all);
  }

  /** Returns all customers Syncro's search finds for {@code query}. */
  public List<Customer> searchCustomers(String query) {
    return http.pages(
        token,
        priority,
        "/customers",
        query("query", Objects.requireNonNull(query, "query")),
        "customers",
        SyncroJson::customer,
        c -> c.id().value(),
        null);
  }

  /** Returns the customer with {@code prepay_hours} and contacts. */
  public Customer customer(CustomerId id) {
    return getOne(
        "/customers/" + id.value(),
        b -> SyncroJson.customer(SyncroJson.unwrap(b, "customer")));
  }

  /** Returns the product with its live {@code price_retail}. */
  public Product product(long productId) {
    return getOne(
        "/products/" + positive(productId),
        b -> SyncroJson.product(SyncroJson.unwrap(b, "product")));
  }

  /**
   * Returns statuses and users ({@code GET /tickets/settings}) plus problem types, priorities and
   * the account time zone ({@code GET /settings}).
   */
  public TicketSettings ticketSettings() {
    JsonNode ts = http.get(token, priority, "/tickets/settings", Map.of());
    JsonNode account = http.get(token, priority, "/settings", Map.of());
    return http.map(token, "/settings", Map.of(), account, a -> settings(ts, a));
  }

  private static TicketSettings settings(JsonNode ts, JsonNode account) {
    JsonNode ticket = account.path("ticket");
    List<String> problemTypes = SyncroJson.strings(ts.get("problem_types"));
    if (problemTypes.isEmpty()) {
      problemTypes = SyncroJson.strings(ticket.get("problem_types"));
    }
    List<String> priorities = SyncroJson.strings(ts.get("priorities"));
    if (priorities.isEmpty()) {
      priorities = SyncroJson.strings(ticket.get("priorities"));
    }
    JsonNode tz = account.path("locale").get("time_zone");
    return new TicketSettings(
        SyncroJson.strings(ts.get("ticket_status_list")),
        problemTypes,
        priorities,
        tz == null || tz.isNull() || tz.asText().isBlank() ? null : tz.asText(),
        SyncroJson.optLong(ts, "default_labor_product_id"),
        SyncroJson.mapAll(ts.get("users"), SyncroJson::user));
  }

  /** Returns the technicians ({@code {"users": [[id, "Name"], ...]}}). */
  public List<SyncroUser> users() {
    return getOne(
        "/users",
        b -> SyncroJson.mapAll(SyncroJson.listNode(b, "users"), SyncroJson::user));
  }

  /** Returns the account's appointment types. */
  public List<AppointmentType> appointmentTypes() {
    return getOne(
        "/appointment_types",
        b -> SyncroJson.mapAll(SyncroJson.listNode(b, "appointment_types"), SyncroJson::appointmentType));
  }

  /**
   * Returns all appointments Syncro lists for {@code date_from=from} and {@code date_to=to}, over
   * all pages, whether items come as objects or as {@code {"appointment": {...}}}.
   */
  public List<Appointment> appointments(LocalDate from, LocalDate to) {
    Map<String, String> q = new LinkedHashMap<>();
    q.put("date_from", from.toString());
    q.put("date_to", to.toString());
    return http.pages(
        token,
        priority,
        "/appointments",
        q,
        "appointments",
        SyncroJson::appointment,
        Appointment::id,
        null);
  }

  /** Returns the invoice with its line items ({@code GET /invoices/{id}}, wrapped or flat). */
  public Invoice invoice(long invoiceId) {
    return getOne(
        SyncroPaths.invoice(positive(invoiceId)),
        b -> SyncroJson.invoice(SyncroJson.unwrap(b, "invoice")));
  }

  /** Returns the invoices made from a ticket (list shape: no line items). */
  public List<Invoice> invoicesForTicket(TicketId id) {
    List<Invoice> all = http.pages(
        token,
        priority,
        "/invoices",
        query("ticket_id", Long.toString(id.value())),
        "invoices",
        SyncroJson::invoice,
        Invoice::id,
        null);
    // If Syncro ever ignores the filter, invoices that name another ticket must not leak in.
    return all.stream().filter(i -> i.ticketId() == null || i.ticketId() == id.value()).toList();
  }

  /**
   * Returns a customer's assets matching {@code query} (any when null), from {@code GET
   * /customer_assets}.
   */
  public List<Asset> assets(CustomerId customerId, @Nullable String query) {
    Map<String, String> q = query("customer_id", Long.toString(customerId.value()));
    if (query != null && !query.isBlank()) {
      q.put("query", query.strip());
    }
    List<Asset> all = http.pages(token, priority, "/customer_assets", q, "assets", SyncroJson::asset, Asset::id, null);
    return all.stream()
        .filter(a -> a.customerId() == null || a.customerId().equals(customerId))
        .toList();
  }

  /**
   * Returns every ticket whose status is {@code status} (compared ignoring case), over all pages;
   * filtered here too, in case Syncro ever ignores the {@code status} parameter.
   */
  public List<Ticket> ticketsWithStatus(String status) {
    String wanted = Objects.requireNonNull(status, "status").strip();
    return ticketsWhere(query("status", wanted), t -> t.status().strip().equalsIgnoreCase(wanted));
  }

  /**
   * Returns the open tickets assigned to Syncro user {@code userId}, newest first ({@code GET
   * /tickets?status=Not Closed&user_id=}); filtered here too, as in {@link #openTickets()}.
   */
  public List<Ticket> openTicketsAssignedTo(long userId) {
    Map<String, String> q = query("status", NOT_CLOSED);
    q.put("user_id", Long.toString(positive(userId)));
    return ticketsWhere(q, t -> t.isOpen() && t.userId() != null && t.userId() == userId);
  }

  /**
   * Returns the ticket's line items that are on no invoice yet, from {@code GET /tickets/{id}}: a
   * ticket line item carries {@code converted} (true once invoiced) rather than an invoice id.
   */
  public List<LineItem> uninvoicedLineItems(TicketId id) {
    return getOne(
        SyncroPaths.ticket(id),
        b -> uninvoiced(SyncroJson.unwrap(b, "ticket")));
  }

  private static List<LineItem> uninvoiced(JsonNode ticket) {
    List<LineItem> out = new ArrayList<>();
    JsonNode items = ticket.get("line_items");
    if (items != null && items.isArray()) {
      for (JsonNode raw : items) {
        JsonNode li = raw.has("ticket_line_item") ? raw.get("ticket_line_item") : raw;
        LineItem item = SyncroJson.lineItem(li);
        if (!item.invoiced()) {
          out.add(item);
        }
      }
    }
    return out;
  }

  /** Returns the invoice with whether it is paid ({@code is_paid}) and its due date. */
  public InvoiceOverview invoiceOverview(long invoiceId) {
    return getOne(
        SyncroPaths.invoice(positive(invoiceId)),
        b -> {
          JsonNode i = SyncroJson.unwrap(b, "invoice");
          boolean paid = SyncroJson.bool(i.get("is_paid")) || SyncroJson.bool(i.get("verified_paid"));
          return new InvoiceOverview(SyncroJson.invoice(i), paid, SyncroJson.time(i.get("due_date")));
        });
  }

  /**
   * Sends one POST/PUT/PATCH/DELETE once and returns the id at the write's pointer (R2, R3).
   *
   * @throws SyncroAmbiguousWriteException on timeout, reset, 5xx, unparsable body, or a 2xx without
   *     an id at {@code idPointer}: the record may exist, so verify by reading before any resend
   */
  public WriteResponse write(SyncroWrite write) {
    return http.write(token, priority, Objects.requireNonNull(write, "write"));
  }

  /** Returns the tickets listed for {@code q} over all pages that {@code keep} accepts, newest first. */
  private List<Ticket> ticketsWhere(Map<String, String> q, Predicate<Ticket> keep) {
    List<Ticket> out = new ArrayList<>(ticketPages(q, null).stream().filter(keep).toList());
    out.sort(NEWEST_FIRST);
    return out;
  }

  /** GETs {@code path} without a query and reads the answer with {@code read}. */
  private <T> T getOne(String path, Function<JsonNode, T> read) {
    return http.getOne(token, priority, path, Map.of(), read);
  }

  private List<Ticket> ticketPages(
      Map<String, String> q, @Nullable Function<List<Ticket>, Boolean> stop) {
    return http.pages(
        token, priority, "/tickets", q, "tickets", SyncroJson::ticket, t -> t.id().value(), stop);
  }

  private static Map<String, String> query(String name, String value) {
    Map<String, String> q = new LinkedHashMap<>();
    q.put(name, value);
    return q;
  }

  private static long positive(long id) {
    if (id <= 0) {
      throw new IllegalArgumentException("id must be positive: " + id);
    }
    return id;
  }
}
