package com.syncrobot.syncro;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static com.syncrobot.syncro.TestSyncro.TOKEN_VALUE;
import static com.syncrobot.syncro.TestSyncro.path;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.syncrobot.testkit.JsonFixtures;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@WireMockTest
final class SyncroReadTest {
  private TestSyncro syncro;
  private SyncroApi api;

  @BeforeEach
  void setUp(WireMockRuntimeInfo wm) {
    syncro = new TestSyncro(wm);
    api = syncro.api();
  }

  private static String listTicket(long id, long number, String status, String createdAt) {
    return JsonFixtures.load("syncro/list-ticket.json",
        Map.of("id", id, "number", number, "status", status, "created_at", createdAt));
  }

  @Test
  void me_readsTheFlatBody_andSendsTokenAsApiKey() {
    stubFor(
        get(urlPathEqualTo(path("/me")))
            .willReturn(
                okJson(JsonFixtures.load("syncro/me.json"))));

    Me me = api.me();

    assertThat(me).isEqualTo(new Me(1735, "Jo Tech", "jo@example.com"));
    verify(
        exactly(1),
        getRequestedFor(urlPathEqualTo(path("/me")))
            .withQueryParam("api_key", equalTo(TOKEN_VALUE))
            .withHeader("Accept", equalTo("application/json"))
            .withHeader("Authorization", absent()));
  }

  @Test
  void ticket_readsWrappedDetail_withCustomerContactTechCommentsAndLineItems() {
    stubFor(
        get(urlPathEqualTo(path("/tickets/9001")))
            .willReturn(
                okJson(JsonFixtures.load("syncro/ticket-9001.json"))));

    Ticket t = api.ticket(new TicketId(9001));

    assertThat(t.id()).isEqualTo(new TicketId(9001));
    assertThat(t.number()).isEqualTo(new TicketNumber(32203));
    assertThat(t.subject()).isEqualTo("Own cloud thing again");
    assertThat(t.status()).isEqualTo("In Progress");
    assertThat(t.isOpen()).isTrue();
    assertThat(t.priority()).isEqualTo("1 High");
    assertThat(t.problemType()).isEqualTo("Remote");
    assertThat(t.customerId()).isEqualTo(new CustomerId(77));
    assertThat(t.customerName()).isEqualTo("Burger Co");
    assertThat(t.contactName()).isEqualTo("Jerry Burger");
    assertThat(t.assignedTechName()).isEqualTo("Jo Tech");
    assertThat(t.userId()).isEqualTo(1735L);
    // The offset form and the Z form both parse and denote the instant Syncro meant.
    assertThat(t.createdAt()).isEqualTo(OffsetDateTime.parse("2026-02-27T09:15:00-07:00"));
    assertThat(t.createdAt().toInstant())
        .isEqualTo(java.time.Instant.parse("2026-02-27T16:15:00Z"));
    assertThat(t.dueDate()).isEqualTo(OffsetDateTime.parse("2026-03-01T17:00:00Z"));
    // Newest first, the order the ticket view shows.
    assertThat(t.comments()).extracting(Comment::id).containsExactly(2L, 1L);
    assertThat(t.comments().get(0).hidden()).isTrue();
    assertThat(t.comments().get(1).tech()).isEqualTo("Jo Tech");
    LineItem labour = t.lineItems().get(0);
    assertThat(labour.quantity()).isEqualByComparingTo("0.75");
    assertThat(labour.quantity()).isEqualTo(new BigDecimal("0.75"));
    assertThat(labour.priceRetail()).isEqualByComparingTo("150.00");
    assertThat(labour.productId()).isEqualTo(1190473L);
    // Without price_retail the price comes from retail_cents.
    assertThat(t.lineItems().get(1).priceRetail()).isEqualByComparingTo("19.99");
  }

  @Test
  void findTicketByNumber_exactMatch_returnsTicket_R26() {
    stubFor(
        get(urlPathEqualTo(path("/tickets")))
            .withQueryParam("number", equalTo("32203"))
            .willReturn(
                okJson(
                    "{\"tickets\": ["
                        + listTicket(9001, 32203, "New", "2026-02-27T09:15:00Z")
                        + "], \"meta\": {\"total_pages\": 1, \"page\": 1}}")));

    Optional<Ticket> t = api.findTicketByNumber(new TicketNumber(32203));

    assertThat(t).map(Ticket::id).contains(new TicketId(9001));
    verify(
        getRequestedFor(urlPathEqualTo(path("/tickets")))
            .withQueryParam("number", equalTo("32203"))
            .withQueryParam("page", equalTo("1"))
            .withQueryParam("api_key", equalTo(TOKEN_VALUE)));
  }

  @Test
  void findTicketByNumber_responseHoldsOtherNumbers_returnsEmpty_R26() {
    // Syncro may match loosely; a different ticket must never stand in for the typed number.
    stubFor(
        get(urlPathEqualTo(path("/tickets")))
            .willReturn(
                okJson(
                    "{\"tickets\": ["
                        + listTicket(9002, 322031, "New", "2026-02-27T09:15:00Z")
                        + ","
                        + listTicket(32203, 1203, "New", "2026-02-27T09:15:00Z")
                        + "], \"meta\": {\"total_pages\": 1, \"page\": 1}}")));

    assertThat(api.findTicketByNumber(new TicketNumber(32203))).isEmpty();
  }

  @Test
  void openTickets_walksMetaPages_filtersClosedStatuses_sortsNewestFirst() {
    stubPage(
        "/tickets",
        1,
        "{\"tickets\": ["
            + listTicket(1, 100, "New", "2026-02-01T10:00:00Z")
            + ","
            + listTicket(2, 101, "Resolved", "2026-02-02T10:00:00Z")
            + "], \"meta\": {\"total_pages\": 3, \"page\": 1}}");
    stubPage(
        "/tickets",
        2,
        "{\"tickets\": ["
            + listTicket(3, 102, "Invoiced", "2026-02-03T10:00:00Z")
            + ","
            + listTicket(4, 103, "Waiting on Customer", "2026-02-04T10:00:00.000-07:00")
            + ","
            // Seen again on a later page because the list moved during the walk: counted once.
            + listTicket(1, 100, "New", "2026-02-01T10:00:00Z")
            + "], \"meta\": {\"total_pages\": 3, \"page\": 2}}");
    stubPage(
        "/tickets",
        3,
        "{\"tickets\": ["
            + listTicket(5, 104, "Closed", "2026-02-05T10:00:00Z")
            + ","
            + listTicket(6, 105, "In Progress", "2026-02-04T10:00:00Z")
            + ","
            + listTicket(7, 99, "Scheduled", "2026-02-04T10:00:00Z")
            + "], \"meta\": {\"total_pages\": 3, \"page\": 3}}");

    List<Ticket> open = api.openTickets();

    // 103 was created at 17:00Z (10:00-07:00), after 105 and 99 (10:00Z); same time -> higher
    // number first.
    assertThat(open).extracting(t -> t.number().value()).containsExactly(103L, 105L, 99L, 100L);
    verify(
        exactly(3),
        getRequestedFor(urlPathEqualTo(path("/tickets")))
            .withQueryParam("status", equalTo("Not Closed")));
    verify(
        exactly(0),
        getRequestedFor(urlPathEqualTo(path("/tickets"))).withQueryParam("page", equalTo("4")));
  }

  @Test
  void searchTickets_withoutMeta_stopsAtTheFirstEmptyPage() {
    stubPage(
        "/tickets",
        1,
        "{\"tickets\": [" + listTicket(1, 100, "New", "2026-02-01T10:00:00Z") + "]}");
    stubPage(
        "/tickets",
        2,
        "{\"tickets\": [" + listTicket(2, 101, "New", "2026-02-01T10:00:00Z") + "]}");
    stubPage(
        "/tickets",
        3,
        "{\"tickets\": [" + listTicket(3, 102, "Resolved", "2026-02-01T10:00:00Z") + "]}");
    stubPage("/tickets", 4, "{\"tickets\": []}");

    List<Ticket> found = api.searchTickets("cloud");

    assertThat(found).extracting(t -> t.id().value()).containsExactly(1L, 2L, 3L);
    verify(
        exactly(4),
        getRequestedFor(urlPathEqualTo(path("/tickets")))
            .withQueryParam("query", equalTo("cloud")));
    verify(
        exactly(0),
        getRequestedFor(urlPathEqualTo(path("/tickets"))).withQueryParam("page", equalTo("5")));
  }

  @Test
  void pages_endpointIgnoringPageParam_stopsWhenNothingNewArrives() {
    stubFor(
        get(urlPathEqualTo(path("/tickets")))
            .willReturn(
                okJson(
                    "{\"tickets\": [" + listTicket(1, 100, "New", "2026-02-01T10:00:00Z") + "]}")));

    assertThat(api.searchTickets("x")).hasSize(1);
    verify(exactly(2), getRequestedFor(urlPathEqualTo(path("/tickets"))));
  }

  @Test
  void pages_beyondTheHardCap_failRatherThanReturnAPartialList(WireMockRuntimeInfo wm) {
    SyncroApi capped = new TestSyncro(wm, 3).api();
    for (int p = 1; p <= 4; p++) {
      stubPage(
          "/tickets",
          p,
          "{\"tickets\": ["
              + listTicket(p, 100 + p, "New", "2026-02-01T10:00:00Z")
              + "], \"meta\": {\"total_pages\": 9, \"page\": "
              + p
              + "}}");
    }

    assertThatThrownBy(() -> capped.searchTickets("x"))
        .isInstanceOf(SyncroUnavailableException.class)
        .hasMessageContaining("more than 3 pages");
    verify(exactly(3), getRequestedFor(urlPathEqualTo(path("/tickets"))));
  }

  @Test
  void comments_walksAllPagesWithPerPage_newestFirst_R2() {
    stubPage(
        "/tickets/9001/comments",
        1,
        JsonFixtures.load("syncro/comments-9001-page-1.json"));
    stubPage(
        "/tickets/9001/comments",
        2,
        JsonFixtures.load("syncro/comments-9001-page-2.json"));

    List<Comment> comments = api.comments(new TicketId(9001));

    assertThat(comments).extracting(Comment::id).containsExactly(3L, 2L, 1L);
    assertThat(comments.get(2).hidden()).isTrue();
    verify(
        exactly(2),
        getRequestedFor(urlPathEqualTo(path("/tickets/9001/comments")))
            .withQueryParam("per_page", equalTo("100")));
  }

  @Test
  void customer_readsPrepayHoursStringAndContacts_R5() {
    stubFor(
        get(urlPathEqualTo(path("/customers/77")))
            .willReturn(
                okJson(JsonFixtures.load("syncro/customer-77.json"))));

    Customer c = api.customer(new CustomerId(77));

    assertThat(c.displayName()).isEqualTo("Burger Co");
    assertThat(c.prepayHours()).isEqualByComparingTo("12.5");
    assertThat(c.hasPrepaidBlock()).isTrue();
    assertThat(c.contacts())
        .containsExactly(
            new Contact(
                5,
                "Jerry Burger",
                "j@burger.example",
                "555-0101",
                null,
                "1 Main St",
                null,
                "Springfield",
                "OR",
                "97477"));
  }

  @Test
  void customer_prepayHoursZeroOrNull_meansNoPrepaidBlock_R5() {
    stubFor(
        get(urlPathEqualTo(path("/customers/1")))
            .willReturn(
                okJson(
                    "{\"customer\": {\"id\": 1, \"fullname\": \"Walkin Customer\","
                        + " \"prepay_hours\": \"0.0\", \"contacts\": []}}")));
    stubFor(
        get(urlPathEqualTo(path("/customers/2")))
            .willReturn(
                okJson(
                    "{\"customer\": {\"id\": 2, \"fullname\": \"Other\", \"prepay_hours\":"
                        + " null}}")));

    Customer zero = api.customer(new CustomerId(1));
    Customer none = api.customer(new CustomerId(2));

    assertThat(zero.displayName()).isEqualTo("Walkin Customer");
    assertThat(zero.prepayHours()).isEqualByComparingTo("0");
    assertThat(zero.hasPrepaidBlock()).isFalse();
    assertThat(none.prepayHours()).isNull();
    assertThat(none.hasPrepaidBlock()).isFalse();
  }

  @Test
  void searchCustomers_readsListWithLongMeta() {
    stubFor(
        get(urlPathEqualTo(path("/customers")))
            .withQueryParam("query", equalTo("burger"))
            .willReturn(
                okJson(JsonFixtures.load("syncro/customers-burger.json"))));

    assertThat(api.searchCustomers("burger"))
        .extracting(Customer::displayName)
        .containsExactly("Burger Co", "Ann Burger");
  }

  @Test
  void product_readsNumberPriceExactly() {
    stubFor(
        get(urlPathEqualTo(path("/products/26184")))
            .willReturn(
                okJson(JsonFixtures.load("syncro/product-26184.json"))));

    Product p = api.product(26184);

    assertThat(p.name()).isEqualTo("Labor - Emergency or After Hours Business");
    assertThat(p.priceRetail()).isEqualTo(new BigDecimal("262.50"));
    assertThat(p.taxable()).isFalse();
  }

  @Test
  void users_readsIdNamePairs() {
    stubFor(
        get(urlPathEqualTo(path("/users")))
            .willReturn(okJson("{\"users\": [[1735, \"Jo Tech\"], [1750, \"Sam Tech\"]]}")));

    assertThat(api.users())
        .containsExactly(new SyncroUser(1735, "Jo Tech"), new SyncroUser(1750, "Sam Tech"));
    verify(getRequestedFor(urlPathEqualTo(path("/users"))).withQueryParam("page", absent()));
  }

  @Test
  void ticketSettings_combinesTicketSettingsAndAccountSettings() {
    stubFor(
        get(urlPathEqualTo(path("/tickets/settings")))
            .willReturn(
                okJson(JsonFixtures.load("syncro/tickets-settings.json"))));
    stubFor(
        get(urlPathEqualTo(path("/settings")))
            .willReturn(
                okJson(JsonFixtures.load("syncro/settings.json"))));

    TicketSettings s = api.ticketSettings();

    assertThat(s.statuses()).containsExactly("New", "In Progress", "Resolved", "Invoiced");
    assertThat(s.problemTypes()).containsExactly("Remote", "Onsite");
    assertThat(s.priorities()).containsExactly("1 High", "2 Normal");
    assertThat(s.timeZone()).isEqualTo("America/Los_Angeles");
    assertThat(s.defaultLaborProductId()).isEqualTo(1190473L);
    assertThat(s.users()).containsExactly(new SyncroUser(1735, "Jo Tech"));
  }

  @Test
  void appointmentTypes_readsList() {
    stubFor(
        get(urlPathEqualTo(path("/appointment_types")))
            .willReturn(
                okJson(JsonFixtures.load("syncro/appointment-types.json"))));

    assertThat(api.appointmentTypes())
        .containsExactly(
            new AppointmentType(4322, "Onsite", "customer", null),
            new AppointmentType(4321, "In Shop", "manual_entry", null));
  }

  @Test
  void appointments_readsDoubleWrappedAndPlainItems_overPages() {
    stubPage(
        "/appointments",
        1,
        JsonFixtures.load("syncro/appointments-page-1.json"));
    stubPage(
        "/appointments",
        2,
        JsonFixtures.load("syncro/appointments-page-2.json"));

    List<Appointment> list = api.appointments(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));

    assertThat(list)
        .containsExactly(
            new Appointment(
                3,
                "Burger Co onsite",
                null,
                OffsetDateTime.parse("2026-03-03T16:00Z"),
                OffsetDateTime.parse("2026-03-03T17:30Z"),
                9001L,
                new CustomerId(77),
                "Burger Co",
                "1 Main St",
                null),
            new Appointment(
                4,
                "Remote check",
                null,
                OffsetDateTime.parse("2026-03-04T09:00-08:00"),
                null,
                null,
                null,
                null,
                null,
                59289L));
    verify(
        exactly(2),
        getRequestedFor(urlPathEqualTo(path("/appointments")))
            .withQueryParam("date_from", equalTo("2026-03-01"))
            .withQueryParam("date_to", equalTo("2026-03-31")));
  }

  @Test
  void invoice_readsWrappedForm_withStringMoneyAndLineItems_R9() {
    stubFor(
        get(urlPathEqualTo(path("/invoices/66")))
            .willReturn(
                okJson(JsonFixtures.load("syncro/invoice-66.json"))));

    Invoice i = api.invoice(66);

    assertThat(i.number()).isEqualTo("1682");
    assertThat(i.ticketId()).isEqualTo(9001L);
    assertThat(i.customerId()).isEqualTo(new CustomerId(77));
    assertThat(i.total()).isEqualTo(new BigDecimal("112.50"));
    assertThat(i.subtotal()).isEqualByComparingTo("112.5");
    assertThat(i.lineItems())
        .singleElement()
        .satisfies(
            li -> {
              assertThat(li.priceRetail()).isEqualByComparingTo("150");
              assertThat(li.quantity()).isEqualByComparingTo("0.75");
              assertThat(li.invoiceId()).isEqualTo(66L);
              assertThat(li.name()).isEqualTo("Fixed sync");
            });
    assertThat(i.date()).isEqualTo(OffsetDateTime.parse("2026-03-02T00:00-08:00"));
  }

  @Test
  void invoice_readsFlatForm() {
    stubFor(
        get(urlPathEqualTo(path("/invoices/67")))
            .willReturn(
                okJson(
                    "{\"id\": 67, \"number\": 1683, \"total\": \"0.0\", \"subtotal\": \"0.0\","
                        + " \"line_items\": []}")));

    Invoice i = api.invoice(67);

    assertThat(i.id()).isEqualTo(67);
    assertThat(i.number()).isEqualTo("1683");
    assertThat(i.total()).isEqualByComparingTo("0");
  }

  @Test
  void invoicesForTicket_filtersByTicketId_andDropsInvoicesOfOtherTickets() {
    stubFor(
        get(urlPathEqualTo(path("/invoices")))
            .withQueryParam("ticket_id", equalTo("9001"))
            .willReturn(
                okJson(JsonFixtures.load("syncro/invoices-ticket-9001.json"))));

    assertThat(api.invoicesForTicket(new TicketId(9001)))
        .extracting(Invoice::id)
        .containsExactly(66L);
  }

  @Test
  void assets_readsTheAssetsWrapper_R14() {
    stubFor(
        get(urlPathEqualTo(path("/customer_assets")))
            .willReturn(
                okJson(JsonFixtures.load("syncro/assets-77.json"))));

    List<Asset> assets = api.assets(new CustomerId(77), "front");

    assertThat(assets)
        .containsExactly(new Asset(7, "FRONT-DESK-PC", new CustomerId(77), "Desktop", "SN123"));
    verify(
        getRequestedFor(urlPathEqualTo(path("/customer_assets")))
            .withQueryParam("customer_id", equalTo("77"))
            .withQueryParam("query", equalTo("front")));
  }

  @Test
  void ticket_unexpectedShape_isUnavailableNotAnEmptyTicket() {
    stubFor(get(urlPathEqualTo(path("/tickets/5"))).willReturn(okJson("{\"tickets\": []}")));

    assertThatThrownBy(() -> api.ticket(new TicketId(5)))
        .isInstanceOf(SyncroUnavailableException.class)
        .hasMessageContaining("unexpected response shape");
  }

  @Test
  void list_withoutItsListKey_isUnavailableNotEmpty() {
    stubFor(get(urlPathEqualTo(path("/tickets"))).willReturn(okJson("{\"success\": true}")));

    assertThatThrownBy(() -> api.findTicketByNumber(new TicketNumber(5)))
        .isInstanceOf(SyncroUnavailableException.class);
  }

  private static void stubPage(String rel, int page, String body) {
    stubFor(
        get(urlPathEqualTo(path(rel)))
            .withQueryParam("page", equalTo(Integer.toString(page)))
            .willReturn(okJson(body)));
  }
}
