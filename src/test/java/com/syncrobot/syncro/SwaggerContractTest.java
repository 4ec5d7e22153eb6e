package com.syncrobot.syncro;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Drives every request the client builds (every {@link SyncroApi} method and the writes the bot
 * will make) against a fake Syncro that answers with the spec's own examples, then checks each
 * recorded request against Syncro's official swagger.json: known path, declared method, declared
 * query parameters, declared body fields. An undeclared extra fails the build.
 */
final class SwaggerContractTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  /** Query parameters we send although this copy of the spec does not declare them, and why. */
  static final Map<String, String> QUERY_ALLOWED = Map.of(
      "api_key",
      "the token as query parameter is what works on the live account (domain doc); the newer"
          + " official spec declares it as an apiKey security scheme, this copy only has the"
          + " Authorization header");

  /**
   * Body fields we send although the spec does not declare them, per "METHOD /template", and why.
   */
  static final Map<String, Map<String, String>> BODY_ALLOWED = Map.of(
      "POST /invoices",
      Map.of(
          "category",
          "verified on the live account: POST /invoices {ticket_id, customer_id, category:"
              + " \"Standard\"}"));

  private static final String BASE = "/api/v1";
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static SwaggerSpec spec;

  @BeforeAll
  static void loadSpec() throws Exception {
    spec = SwaggerSpec.load(MAPPER);
  }

  private SyncroApi api() {
    RequestBudget budget = new RequestBudget(10_000, com.syncrobot.testkit.Clocks.at(java.time.Instant.EPOCH),
        new RecordingSleeper());
    return SyncroClient.builder()
        .baseUrl(wm.baseUrl() + BASE)
        .budget(budget)
        .sleeper(new RecordingSleeper())
        .readTimeout(Duration.ofSeconds(2))
        .build()
        .as(TestSyncro.TOKEN);
  }

  /** Every public SyncroApi method, driven once with arguments that hit the stubbed examples. */
  private static Map<String, Consumer<SyncroApi>> readDrivers() {
    Map<String, Consumer<SyncroApi>> d = new LinkedHashMap<>();
    d.put("me", a -> assertThat(a.me().userId()).isEqualTo(1));
    d.put(
        "findTicketByNumber",
        a -> assertThat(a.findTicketByNumber(new TicketNumber(1))).isPresent());
    d.put(
        "ticket",
        a -> assertThat(a.ticket(new TicketId(5)).assignedTechName()).isEqualTo("Bat Man"));
    d.put("openTickets", a -> assertThat(a.openTickets()).hasSize(1));
    d.put("searchTickets", a -> assertThat(a.searchTickets("major problem")).hasSize(1));
    d.put("ticketsOfCustomer", a -> assertThat(a.ticketsOfCustomer(new CustomerId(1))).hasSize(1));
    d.put("comments", a -> assertThat(a.comments(new TicketId(5))).hasSize(1));
    d.put("searchCustomers", a -> assertThat(a.searchCustomers("walkin")).hasSize(1));
    d.put(
        "customer",
        a -> assertThat(a.customer(new CustomerId(1)).displayName()).isEqualTo("Walkin Customer"));
    d.put("product", a -> assertThat(a.product(1).priceRetail()).isEqualByComparingTo("0.01"));
    d.put("ticketSettings", a -> assertThat(a.ticketSettings().problemTypes()).contains("Virus"));
    d.put("users", a -> assertThat(a.users()).containsExactly(new SyncroUser(1, "Joe Doe")));
    d.put("appointmentTypes", a -> assertThat(a.appointmentTypes()).hasSize(1));
    d.put(
        "appointments",
        a -> assertThat(a.appointments(LocalDate.of(2019, 10, 1), LocalDate.of(2019, 10, 31)))
            .hasSize(1));
    d.put("ticketTimers", a -> assertThat(a.ticketTimers(new TicketId(5))).isEmpty());
    d.put("invoice", a -> assertThat(a.invoice(6).total()).isEqualByComparingTo("0"));
    d.put("invoicesForTicket", a -> assertThat(a.invoicesForTicket(new TicketId(1))).hasSize(1));
    d.put("assets", a -> assertThat(a.assets(new CustomerId(1), "New")).hasSize(1));
    d.put("ticketsWithStatus", a -> assertThat(a.ticketsWithStatus("New")).hasSize(1));
    d.put("ticketsUpdatedSince",
        a -> assertThat(a.ticketsUpdatedSince(java.time.Instant.parse("2019-01-01T00:00:00Z"))).hasSize(1));
    // The spec's example ticket is unassigned, so nothing is assigned to user 1.
    d.put("openTicketsAssignedTo", a -> assertThat(a.openTicketsAssignedTo(1)).isEmpty());
    d.put("uninvoicedLineItems", a -> assertThat(a.uninvoicedLineItems(new TicketId(5))).isEmpty());
    d.put("invoiceOverview", a -> assertThat(a.invoiceOverview(6).paid()).isFalse());
    d.put("write", a -> writes().forEach(a::write));
    return d;
  }

  /** The writes the bot will make (R2-R16), with the bodies it will send. */
  static List<SyncroWrite> writes() {
    List<SyncroWrite> w = new ArrayList<>();
    w.add(
        SyncroWrite.post(
            "/tickets/5/comment",
            obj()
                .put("subject", "Resolution")
                .put("body", "Done.<br>Tested.")
                .put("hidden", false)
                .put("do_not_email", true)
                .put("tech", "Jo Tech"),
            "/comment/id"));
    w.add(
        SyncroWrite.put(
            "/tickets/5",
            obj().put("status", "Resolved").put("priority", "2 Normal"),
            "/ticket/id"));
    w.add(
        SyncroWrite.post(
            "/tickets/5/add_line_item",
            obj()
                .put("product_id", 1190473)
                .put("name", "Labor - Remote Business")
                .put("description", "Fixed sync")
                .put("quantity", new BigDecimal("0.75"))
                .put("price_retail", new BigDecimal("150.00"))
                .put("taxable", false),
            "/id"));
    w.add(
        SyncroWrite.post(
            "/invoices",
            obj().put("ticket_id", 5).put("customer_id", 1).put("category", "Standard"),
            "/invoice/id"));
    w.add(
        SyncroWrite.put(
            "/tickets/5/update_line_item",
            obj()
                .put("ticket_line_item_id", 3)
                .put("name", "Labor - Remote Business")
                .put("description", "Fixed sync")
                .put("quantity", new BigDecimal("0.75"))
                .put("price_retail", new BigDecimal("150.00"))
                .put("taxable", false),
            "/ticket_line_item/id"));
    w.add(SyncroWrite.delete("/invoices/6"));
    ObjectNode ticket = obj()
        .put("customer_id", 1)
        .put("subject", "Own cloud thing again")
        .put("problem_type", "Remote")
        .put("status", "New")
        .put("priority", "2 Normal")
        .put("user_id", 1735)
        .put("contact_id", 5)
        .put("due_date", "2026-03-03");
    ticket.putArray("asset_ids").add(7);
    ticket
        .putArray("comments_attributes")
        .addObject()
        .put("subject", "Initial Issue")
        .put("body", "Sync fails")
        .put("hidden", false)
        .put("do_not_email", true)
        .put("tech", "Jo Tech");
    w.add(SyncroWrite.post("/tickets", ticket, "/ticket/id"));
    ObjectNode appointment = obj()
        .put("summary", "Burger Co onsite")
        .put("description", "Ticket #2012")
        .put("start_at", "2026-03-03T16:00:00Z")
        .put("end_at", "2026-03-03T17:30:00Z")
        .put("customer_id", 1)
        .put("ticket_id", 3)
        .put("user_id", 1735)
        .put("appointment_type_id", 4322)
        .put("location", "1 Main St")
        .put("do_not_email", true);
    ArrayNode users = appointment.putArray("user_ids");
    users.add(1735);
    w.add(SyncroWrite.post("/appointments", appointment, "/appointment/id"));
    w.add(
        SyncroWrite.put(
            "/appointments/3",
            obj().put("start_at", "2026-03-04T16:00:00Z").put("end_at", "2026-03-04T17:30:00Z"),
            "/appointment/id"));
    w.add(
        SyncroWrite.post(
            "/tickets/5/timer_entry",
            obj()
                .put("start_at", "2026-03-02T15:00:00Z")
                .put("end_at", "2026-03-02T15:45:00Z")
                .put("duration_minutes", 45)
                .put("user_id", 1735)
                .put("notes", "Fixed sync")
                .put("product_id", 1190473),
            "/id"));
    w.add(SyncroWrite.post("/tickets/5/charge_timer_entry", obj().put("timer_entry_id", 1), "/id"));
    // "Assign to me"
    w.add(SyncroWrites.assignTicket(new TicketId(5), 1735));
    return w;
  }

  private static ObjectNode obj() {
    return MAPPER.createObjectNode();
  }

  /**
   * Answers each concrete request with the spec's example for its template (synthetic only where it
   * has none).
   */
  private static void stubFromSpec() {
    Map<String, String> gets = new LinkedHashMap<>();
    for (String p : List.of(
        "/me",
        "/tickets",
        "/tickets/5",
        "/tickets/5/comments",
        "/customers",
        "/customers/1",
        "/products/1",
        "/tickets/settings",
        "/settings",
        "/users",
        "/appointment_types",
        "/appointments",
        "/invoices",
        "/customer_assets")) {
      gets.put(p, "GET");
    }
    for (Map.Entry<String, String> e : gets.entrySet()) {
      stub(e.getValue(), e.getKey(), 200, null);
    }
    // The spec gives GET /invoices/{id} only a schema; this body follows the form seen in practice.
    stub(
        "GET",
        "/invoices/6",
        200,
        "{\"invoice\": {\"id\": 6, \"number\": \"4444\", \"ticket_id\": 1, \"customer_id\": 2,"
            + " \"subtotal\": \"0.0\", \"total\": \"0.0\", \"line_items\": []}}");
    for (SyncroWrite w : writes()) {
      String path = w.path();
      String template = spec.template(path).orElseThrow().raw();
      String status = w.path().equals("/appointments") && w.method().equals("POST") ? "201" : "200";
      String synthetic = spec.example(template, w.method(), status).isPresent() ? null : "{}";
      stub(w.method(), path, Integer.parseInt(status), synthetic);
    }
  }

  private static void stub(String method, String path, int status, String body) {
    String json = body;
    if (json == null) {
      String template = spec.template(path)
          .orElseThrow(() -> new AssertionError("no template for " + path))
          .raw();
      json = spec.example(template, method, Integer.toString(status))
          .orElseThrow(
              () -> new AssertionError("spec has no example for " + method + " " + template))
          .toString();
    }
    wm.stubFor(
        request(method, urlPathEqualTo(BASE + path))
            .willReturn(
                aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", "application/json")
                    .withBody(json)));
  }

  @Test
  void everyRequestTheClientBuilds_isDeclaredInSyncrosSpec() throws Exception {
    stubFromSpec();
    SyncroApi api = api();
    Map<String, Consumer<SyncroApi>> drivers = readDrivers();
    Map<String, Integer> requestsPerDriver = new LinkedHashMap<>();

    for (Map.Entry<String, Consumer<SyncroApi>> d : drivers.entrySet()) {
      int before = wm.getAllServeEvents().size();
      d.getValue().accept(api);
      requestsPerDriver.put(d.getKey(), wm.getAllServeEvents().size() - before);
    }

    assertThat(requestsPerDriver)
        .allSatisfy((name, n) -> assertThat(n).as(name + " sent requests").isPositive());
    List<String> violations = new ArrayList<>();
    Set<String> operations = new TreeSet<>();
    for (ServeEvent e : wm.getAllServeEvents()) {
      assertThat(e.getWasMatched()).as("unstubbed request " + e.getRequest().getUrl()).isTrue();
      SwaggerSpec.Recorded r = recorded(e.getRequest());
      violations.addAll(spec.violations(r, QUERY_ALLOWED.keySet(), bodyAllowed()));
      spec.template(r.path()).ifPresent(t -> operations.add(r.method() + " " + t.path()));
    }
    assertThat(violations).as("requests that depart from swagger.json").isEmpty();
    assertThat(operations)
        .contains(
            "POST /tickets/{id}/comment",
            "PUT /tickets/{id}",
            "POST /tickets/{id}/add_line_item",
            "POST /invoices",
            "PUT /tickets/{id}/update_line_item",
            "DELETE /invoices/{id}",
            "POST /tickets",
            "POST /appointments",
            "PUT /appointments/{id}",
            "POST /tickets/{id}/timer_entry",
            "POST /tickets/{id}/charge_timer_entry");
  }

  @Test
  void driverList_coversEveryPublicSyncroApiMethod() {
    // A new SyncroApi method must be added here so that its requests get checked too.
    Set<String> publicMethods = Arrays.stream(SyncroApi.class.getDeclaredMethods())
        .filter(
            m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()))
        .map(Method::getName)
        .collect(Collectors.toCollection(TreeSet::new));

    assertThat(new TreeSet<>(readDrivers().keySet())).isEqualTo(publicMethods);
  }

  @Test
  void checker_flagsAnUndeclaredBodyField() {
    JsonNode body = obj().put("subject", "s").put("body", "b").put("minutes_spent", 30);

    List<String> v = spec.violations(
        new SwaggerSpec.Recorded(
            "POST", "/tickets/5/comment", Set.of("api_key"), body, "application/json"),
        QUERY_ALLOWED.keySet(),
        bodyAllowed());

    assertThat(v).singleElement().asString().contains("'minutes_spent' is not declared");
  }

  @Test
  void checker_flagsAnUndeclaredNestedField_andAWrappedCommentBody() {
    ObjectNode ticket = obj().put("subject", "s");
    ticket.putArray("comments_attributes").addObject().put("body", "b").put("product_id", 1);
    ObjectNode wrapped = obj();
    wrapped.putObject("comment").put("body", "b");

    List<String> nested = spec.violations(
        new SwaggerSpec.Recorded("POST", "/tickets", Set.of(), ticket, "application/json"),
        Set.of(),
        Map.of());
    List<String> wrappedComment = spec.violations(
        new SwaggerSpec.Recorded(
            "POST", "/tickets/5/comment", Set.of(), wrapped, "application/json"),
        Set.of(),
        Map.of());

    assertThat(nested).singleElement().asString().contains("'comments_attributes[].product_id'");
    assertThat(wrappedComment).singleElement().asString().contains("'comment' is not declared");
  }

  @Test
  void checker_flagsUndeclaredQueryParameterUnknownPathWrongMethodAndMissingContentType() {
    assertThat(
        spec.violations(
            new SwaggerSpec.Recorded(
                "GET", "/tickets", Set.of("api_key", "per_page"), null, null),
            QUERY_ALLOWED.keySet(),
            bodyAllowed()))
        .singleElement()
        .asString()
        .contains("'per_page' is not declared");
    assertThat(
        spec.violations(
            new SwaggerSpec.Recorded("GET", "/tickets/5/line_items/3", Set.of(), null, null),
            Set.of(),
            Map.of()))
        .singleElement()
        .asString()
        .contains("matches no template");
    assertThat(
        spec.violations(
            new SwaggerSpec.Recorded("DELETE", "/tickets/5/comment", Set.of(), null, null),
            Set.of(),
            Map.of()))
        .singleElement()
        .asString()
        .contains("DELETE is not declared");
    assertThat(
        spec.violations(
            new SwaggerSpec.Recorded(
                "POST", "/tickets/5/comment", Set.of(), obj().put("body", "b"), null),
            Set.of(),
            Map.of()))
        .singleElement()
        .asString()
        .contains("without Content-Type");
    // Without its allow-list entry, the live-verified invoice category is flagged like any other
    // extra.
    assertThat(
        spec.violations(
            new SwaggerSpec.Recorded(
                "POST",
                "/invoices",
                Set.of(),
                obj().put("category", "Standard"),
                "application/json"),
            Set.of(),
            Map.of()))
        .singleElement()
        .asString()
        .contains("'category'");
  }

  @Test
  void literalPaths_winOverParameterTemplates() {
    assertThat(spec.template("/tickets/settings"))
        .map(SwaggerSpec.Template::path)
        .contains("/tickets/settings");
    assertThat(spec.template("/tickets/42"))
        .map(SwaggerSpec.Template::path)
        .contains("/tickets/{id}");
    assertThat(spec.template("/ticket_timers/4"))
        .map(SwaggerSpec.Template::path)
        .contains("/ticket_timers/{id}");
  }

  private static Map<String, Set<String>> bodyAllowed() {
    Map<String, Set<String>> m = new LinkedHashMap<>();
    BODY_ALLOWED.forEach((k, v) -> m.put(k, v.keySet()));
    return m;
  }

  private static SwaggerSpec.Recorded recorded(LoggedRequest req) throws Exception {
    HttpUrl url = HttpUrl.get("http://localhost" + req.getUrl());
    String path = url.encodedPath();
    assertThat(path).as("request outside the API base").startsWith(BASE + "/");
    Set<String> names = new LinkedHashSet<>(url.queryParameterNames());
    String bodyText = req.getBodyAsString();
    JsonNode body = bodyText == null || bodyText.isBlank() ? null : MAPPER.readTree(bodyText);
    return new SwaggerSpec.Recorded(
        req.getMethod().getName(),
        path.substring(BASE.length()),
        names,
        body,
        req.getHeader("Content-Type"));
  }
}
