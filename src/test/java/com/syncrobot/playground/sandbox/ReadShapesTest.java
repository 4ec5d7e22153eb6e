package com.syncrobot.playground.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncrobot.playground.sandbox.model.SandboxInvoice;
import com.syncrobot.playground.sandbox.model.SandboxTicket;
import com.syncrobot.playground.sandbox.model.Seed;
import com.syncrobot.syncro.Appointment;
import com.syncrobot.syncro.AppointmentType;
import com.syncrobot.syncro.Asset;
import com.syncrobot.syncro.Comment;
import com.syncrobot.syncro.Customer;
import com.syncrobot.syncro.CustomerId;
import com.syncrobot.syncro.Invoice;
import com.syncrobot.syncro.InvoiceOverview;
import com.syncrobot.syncro.Me;
import com.syncrobot.syncro.Product;
import com.syncrobot.syncro.SyncroApi;
import com.syncrobot.syncro.SyncroUser;
import com.syncrobot.syncro.Ticket;
import com.syncrobot.syncro.TicketId;
import com.syncrobot.syncro.TicketNumber;
import com.syncrobot.syncro.TicketSettings;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every read of the real {@link SyncroApi} works against the sandbox: the shapes are compatible. */
final class ReadShapesTest {
  private final SandboxFixture f = new SandboxFixture();
  private final SyncroApi api = f.api();

  @AfterEach
  void tearDown() {
    f.close();
  }

  @Test
  void me_isTheTokensOwner_R11() {
    assertThat(api.me()).isEqualTo(new Me(1735, "Dana Whitfield", "dana@example-msp.test"));
    assertThat(f.api(SandboxFixture.MARCO).me().userName()).isEqualTo("Marco Reyes");
    assertThat(f.api(SandboxFixture.PRIYA).me().userId()).isEqualTo(1737);
  }

  @Test
  void findTicketByNumber_resolvesNumberToADifferentId_R26() {
    SandboxTicket seeded = f.state().tickets().get(0);

    Ticket t = api.findTicketByNumber(new TicketNumber(seeded.number())).orElseThrow();

    assertThat(t.id().value()).isEqualTo(seeded.id()).isNotEqualTo(seeded.number());
    // An id typed as a number finds nothing rather than another ticket.
    assertThat(api.findTicketByNumber(new TicketNumber(seeded.id()))).isEmpty();
  }

  @Test
  void ticket_detailHasCustomerContactTechCommentsAndLineItems() {
    SandboxTicket battery = byNumberOfSubject("Replace UPS battery at reception");

    Ticket t = api.ticket(new TicketId(battery.id()));

    assertThat(t.number().value()).isEqualTo(battery.number());
    assertThat(t.customerName()).isEqualTo("Ocotillo Veterinary Clinic");
    assertThat(t.contactName()).isEqualTo("Sanjay Rao");
    assertThat(t.assignedTechName()).isEqualTo("Marco Reyes");
    assertThat(t.status()).isEqualTo("Resolved");
    assertThat(t.comments()).extracting(Comment::subject).containsExactly("Initial Issue");
    assertThat(t.lineItems()).extracting(li -> li.priceRetail().toPlainString())
        .containsExactly("59.0", "175.0");
    assertThat(t.lineItems().get(1).quantity()).isEqualByComparingTo("1.0");
    assertThat(t.createdAt().toInstant()).isEqualTo(battery.createdAt());
    // The comment names the device, so the seed linked it.
    assertThat(f.getJson("/tickets/" + battery.id()).at("/ticket/assets/0/name").asText()).isEqualTo("OV-UPS");
  }

  @Test
  void openTickets_walksEveryPage_andHoldsOnlyOpenStatuses() {
    f.sandbox.knobs().ticketsPageSize(4);
    long expected = f.state().tickets().stream()
        .filter(t -> !List.of("Resolved", "Invoiced", "Closed").contains(t.status())).count();

    List<Ticket> open = api.openTickets();

    assertThat(open).hasSize((int) expected).allMatch(Ticket::isOpen);
    assertThat(open).extracting(t -> t.userId()).contains(1735L, 1750L, 1737L);
    // Five pages of four were needed: the client followed meta.total_pages.
    assertThat(f.sandbox.requestLog().entries()).filteredOn(e -> e.path().equals("/tickets")).hasSizeGreaterThan(4);
  }

  @Test
  void addOpenTickets_thousand_listedOverFortyPagesAndFoundByNumber_R26() {
    long openBefore = api.openTickets().size();
    f.sandbox.requestLog().clear();

    List<Long> numbers = f.sandbox.addOpenTickets(1000);

    assertThat(numbers).hasSize(1000).doesNotHaveDuplicates()
        .doesNotContainAnyElementsOf(f.state().tickets().stream().map(SandboxTicket::id).toList());
    List<Ticket> open = api.openTickets();
    assertThat(open).hasSize((int) openBefore + 1000).allMatch(Ticket::isOpen);
    assertThat(f.sandbox.requestLog().entries()).filteredOn(e -> e.path().equals("/tickets"))
        .hasSize((int) ((openBefore + 1000 + 24) / 25));
    Ticket last = api.findTicketByNumber(new TicketNumber(numbers.get(999))).orElseThrow();
    assertThat(api.comments(last.id())).extracting(Comment::subject).containsExactly("Initial Issue");
  }

  @Test
  void searchTickets_matchesSubjectAndCustomer() {
    assertThat(api.searchTickets("canyon dental")).extracting(Ticket::customerName)
        .isNotEmpty().containsOnly("Canyon Dental Group");
    assertThat(api.searchTickets("own cloud")).extracting(Ticket::subject).containsExactly("Own cloud thing again");
  }

  @Test
  void comments_walksPagesNewestFirst_R2() {
    // One comment per page, so the client's walk over meta is exercised.
    f.sandbox.knobs().commentsMaxPerPage(1);
    SandboxTicket vpn = byNumberOfSubject("VPN drops every 20 minutes for closers");

    List<Comment> comments = api.comments(new TicketId(vpn.id()));

    assertThat(comments).extracting(Comment::subject).containsExactly("Update", "Initial Issue");
    assertThat(comments.get(0).hidden()).isTrue();
    assertThat(comments.get(0).body()).contains("<br>");
  }

  @Test
  void customers_searchAndDetail_withPrepayHoursAndContacts_R5() {
    List<Customer> found = api.searchCustomers("dental");
    assertThat(found).extracting(Customer::displayName).containsExactly("Canyon Dental Group");

    Customer c = api.customer(found.get(0).id());

    assertThat(c.prepayHours()).isEqualByComparingTo("10.0");
    assertThat(c.hasPrepaidBlock()).isTrue();
    assertThat(c.contacts()).extracting(k -> k.name()).containsExactly("Lena Ortiz", "Dr. Paul Nguyen");
    // "0.0" and null both mean no block.
    assertThat(api.customer(new CustomerId(Seed.SAGUARO)).hasPrepaidBlock()).isFalse();
    assertThat(api.customer(new CustomerId(Seed.JERRY_BURGER)).prepayHours()).isNull();
  }

  @Test
  void product_hasTheRateTablesPrice() {
    Product p = api.product(26184);

    assertThat(p.name()).isEqualTo("Labor - Emergency or After Hours Business");
    assertThat(p.priceRetail()).isEqualByComparingTo("262.50");
    assertThat(p.productCategory()).isEqualTo("Labor");
  }

  @Test
  void ticketSettings_statusesProblemTypesPrioritiesZoneAndUsers() {
    TicketSettings s = api.ticketSettings();

    assertThat(s.statuses()).containsExactly("New", "In Progress", "Waiting on Customer", "Waiting on Vendor",
        "Scheduled", "Customer Reply", "Resolved", "Invoiced", "Closed");
    assertThat(s.problemTypes()).hasSize(18).contains("Not determined", "Emergency Service");
    assertThat(s.priorities()).containsExactly("1 High", "2 Normal", "3 Low", "4 Urgent");
    assertThat(s.timeZone()).isEqualTo("America/Phoenix");
    assertThat(s.defaultLaborProductId()).isEqualTo(1_190_473L);
    assertThat(s.users()).extracting(SyncroUser::id).containsExactly(1735L, 1737L, 1750L, 1760L);
  }

  @Test
  void users_comeAsIdNamePairs() {
    assertThat(api.users()).contains(new SyncroUser(1750, "Marco Reyes"), new SyncroUser(1760, "Sam Okafor"));
  }

  @Test
  void appointmentTypes_areTheAccountsFive() {
    assertThat(api.appointmentTypes()).extracting(AppointmentType::id, AppointmentType::name)
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(4321L, "In Shop"),
            org.assertj.core.groups.Tuple.tuple(4322L, "Onsite"),
            org.assertj.core.groups.Tuple.tuple(4323L, "Phone Call"),
            org.assertj.core.groups.Tuple.tuple(193053L, "Reminder"),
            org.assertj.core.groups.Tuple.tuple(59289L, "Remote"));
  }

  @Test
  void appointments_thisWeek_doubleWrappedOrNot() {
    LocalDate today = SandboxFixture.START.atZone(ZoneId.of("America/Phoenix")).toLocalDate();
    LocalDate monday = today.with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));

    List<Appointment> wrapped = api.appointments(monday, monday.plusDays(6));
    f.sandbox.knobs().doubleWrapAppointments(false);
    List<Appointment> flat = api.appointments(monday, monday.plusDays(6));

    assertThat(wrapped).hasSize(5).isEqualTo(flat);
    assertThat(wrapped).extracting(a -> a.startAt().atZoneSameInstant(ZoneId.of("America/Phoenix")).toLocalDate())
        .allMatch(d -> !d.isBefore(monday) && d.isBefore(monday.plusDays(7)));
    assertThat(wrapped).anyMatch(a -> a.ticketId() != null && a.customerName() != null);
    assertThat(api.appointments(monday.plusDays(7), monday.plusDays(13))).isEmpty();
  }

  @Test
  void invoice_andInvoicesForTicket_readTotalsAndLines() {
    SandboxInvoice seeded = f.state().invoices().stream().filter(i -> i.lines().size() == 3).findFirst()
        .orElseThrow();

    Invoice inv = api.invoice(seeded.id());
    List<Invoice> listed = api.invoicesForTicket(new TicketId(seeded.ticketId()));

    // 129.00 taxable + 1.5 x 175.00 + 40.00 = 431.50, tax 8.6% of 129.00 = 11.09.
    assertThat(inv.subtotal()).isEqualByComparingTo("431.50");
    assertThat(inv.tax()).isEqualByComparingTo("11.09");
    assertThat(inv.total()).isEqualByComparingTo("442.59");
    assertThat(inv.lineItems()).hasSize(3);
    assertThat(inv.number()).isEqualTo(seeded.number());
    assertThat(listed).extracting(Invoice::id).containsExactly(seeded.id());
    assertThat(listed.get(0).lineItems()).isEmpty();
  }

  @Test
  void assets_filterByCustomerAndQuery() {
    CustomerId kestrel = new CustomerId(Seed.KESTREL);

    assertThat(api.assets(kestrel, null)).extracting(Asset::name)
        .containsExactly("KA-CAD-01", "KA-CAD-02", "KA-PLOTTER");
    assertThat(api.assets(kestrel, "plotter")).extracting(Asset::serial).containsExactly("HPT830-55");
  }

  @Test
  void timestamps_inTheAccountOffset_parseToTheSameInstants() {
    SandboxTicket seeded = f.state().tickets().get(0);
    f.sandbox.knobs().accountOffsetTimestamps(true);

    Ticket t = api.ticket(new TicketId(seeded.id()));

    assertThat(f.get("/tickets/" + seeded.id()).body()).contains("-07:00\"").doesNotContainPattern("\\dZ\"");
    assertThat(t.createdAt().getOffset().getId()).isEqualTo("-07:00");
    assertThat(t.createdAt().toInstant()).isEqualTo(seeded.createdAt());
  }

  @Test
  void ticketsWithStatus_returnsExactlyThatStatus() {
    List<Ticket> resolved = api.ticketsWithStatus("resolved");

    assertThat(resolved).hasSize(5).allMatch(t -> t.status().equals("Resolved"));
  }

  @Test
  void openTicketsAssignedTo_filtersByUserId() {
    List<Ticket> marcos = api.openTicketsAssignedTo(1750);

    assertThat(marcos).isNotEmpty().allMatch(t -> t.userId() == 1750L && t.isOpen());
    assertThat(marcos).hasSize((int) f.state().tickets().stream().filter(t -> Long.valueOf(1750).equals(t.userId())
        && !List.of("Resolved", "Invoiced", "Closed").contains(t.status())).count());
  }

  @Test
  void uninvoicedLineItems_followConverted_R9() {
    SandboxTicket battery = byNumberOfSubject("Replace UPS battery at reception");
    SandboxTicket invoiced = byNumberOfSubject("CAD workstation GPU driver crash");

    assertThat(api.uninvoicedLineItems(new TicketId(battery.id()))).hasSize(2);
    assertThat(api.ticket(new TicketId(invoiced.id())).lineItems()).singleElement()
        .satisfies(li -> assertThat(li.converted()).isTrue());
    assertThat(api.uninvoicedLineItems(new TicketId(invoiced.id()))).isEmpty();
  }

  @Test
  void invoiceOverview_readsUnpaidAndDueDate() {
    SandboxInvoice seeded = f.state().invoices().get(0);

    InvoiceOverview o = api.invoiceOverview(seeded.id());

    assertThat(o.paid()).isFalse();
    assertThat(o.dueDate().toLocalDate()).isEqualTo(seeded.date());
    assertThat(o.invoice().total()).isEqualByComparingTo(seeded.total());
  }

  private SandboxTicket byNumberOfSubject(String subject) {
    return f.state().tickets().stream().filter(t -> t.subject().equals(subject)).findFirst().orElseThrow();
  }

  static BigDecimal dec(String s) {
    return new BigDecimal(s);
  }
}
