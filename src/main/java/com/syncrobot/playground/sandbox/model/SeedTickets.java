package com.syncrobot.playground.sandbox.model;

import static com.syncrobot.playground.sandbox.model.Seed.CANYON_DENTAL;
import static com.syncrobot.playground.sandbox.model.Seed.DANA;
import static com.syncrobot.playground.sandbox.model.Seed.DESERT_BLOOM;
import static com.syncrobot.playground.sandbox.model.Seed.HOLLIS_PRATT;
import static com.syncrobot.playground.sandbox.model.Seed.JERRY_BURGER;
import static com.syncrobot.playground.sandbox.model.Seed.KESTREL;
import static com.syncrobot.playground.sandbox.model.Seed.MARCO;
import static com.syncrobot.playground.sandbox.model.Seed.MESA_VERDE;
import static com.syncrobot.playground.sandbox.model.Seed.OCOTILLO_VET;
import static com.syncrobot.playground.sandbox.model.Seed.PRIYA;
import static com.syncrobot.playground.sandbox.model.Seed.SAGUARO;

import com.syncrobot.playground.sandbox.SandboxKnobs;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The demo tickets: open ones for each technician (one overdue), Resolved ones waiting to be billed
 * (with and without line items, one for the prepaid customer, one whose line lacks a price), Invoiced
 * ones with their invoices, Closed ones, and appointments this week. Numbers run 32150, 32152, …;
 * ids run 90000, 90013, …, so a number never works as an id.
 */
final class SeedTickets {
  private static final Duration H = Duration.ofHours(1);
  private static final Duration D = Duration.ofDays(1);
  private static final String INITIAL = "Initial Issue";

  private final SandboxData d;
  private final Instant now;

  private SeedTickets(SandboxData d, Instant now) {
    this.d = d;
    this.now = now;
  }

  static void build(SandboxData d, Instant now) {
    new SeedTickets(d, now).all();
  }

  private void all() {
    open();
    resolvedAndBilled();
    attachNamedAssets();
    long last = d.tickets.values().stream().mapToLong(SandboxTicket::number).max().orElse(32_149);
    d.nextTicketNumber = last + 1;
  }

  /**
   * Adds {@code count} open tickets, each with an Initial Issue comment, spread over the customers,
   * the technicians with tokens and the open statuses, for load and digest benchmarks. Returns their
   * numbers in creation order.
   */
  static List<Long> bulkOpen(SandboxData d, Instant now, int count) {
    SeedTickets s = new SeedTickets(d, now);
    List<Long> customers = List.copyOf(d.customers.keySet());
    List<Long> techs = List.of(DANA, MARCO, PRIYA);
    List<String> statuses = List.of("New", "In Progress", "Waiting on Customer", "Scheduled");
    List<Long> numbers = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      long tech = techs.get(i % techs.size());
      // Ages spread over a month so the list's newest-first order and the digest's "untouched" rule both have work.
      long id = s.ticket(customers.get(i % customers.size()), "Load ticket " + (i + 1) + ": workstation check",
          statuses.get(i % statuses.size()), "2 Normal", "Maintenance", tech, H.multipliedBy(1 + (i % 720)), null);
      s.comment(id, INITIAL, "Routine check " + (i + 1) + ".", false, true, tech, Duration.ZERO);
      numbers.add(d.tickets.get(id).number());
    }
    return List.copyOf(numbers);
  }

  private void open() {
    long xray = ticket(CANYON_DENTAL, "X-ray workstation can't reach imaging share", "In Progress", "1 High",
        "Hardware", PRIYA, D.multipliedBy(2), D);
    comment(xray, INITIAL, "CDG-XRAY-02 shows \"network path not found\" for \\\\CDG-NAS\\imaging.<br>"
        + "Started this morning after the Windows update.", false, true, PRIYA, Duration.ZERO);
    comment(xray, "Update", "Rolled back KB update, SMB signing mismatch suspected.<br>Checking NAS firmware next.",
        true, true, PRIYA, H.multipliedBy(5));
    long cloud = ticket(JERRY_BURGER, "Own cloud thing again", "New", "2 Normal", "Software", DANA,
        H.multipliedBy(5), null);
    comment(cloud, INITIAL, "Nextcloud client says the server is unreachable.<br>Same as last month.", false, false,
        null, Duration.ZERO);
    long ups = ticket(MESA_VERDE, "Replace failing UPS battery in server closet", "Waiting on Vendor", "1 High",
        "Hardware", MARCO, D.multipliedBy(9), D.multipliedBy(-2));
    comment(ups, INITIAL, "UPS beeping, self-test fails.<br>Battery date code 2019.", false, true, MARCO,
        Duration.ZERO);
    comment(ups, "Vendor", "Battery on backorder with the distributor, ETA unknown.", true, true, MARCO,
        D.multipliedBy(2));
    long plotter = ticket(KESTREL, "Plotter drops off network", "Waiting on Customer", "3 Low", "Hardware", PRIYA,
        D.multipliedBy(6), D.multipliedBy(5));
    comment(plotter, INITIAL, "KA-PLOTTER disappears from the print queue every afternoon.", false, true, PRIYA,
        Duration.ZERO);
    comment(plotter, "Question", "Could you tell us whether the plotter is switched off overnight?<br>Thanks!",
        false, false, PRIYA, D);
    long qb = ticket(HOLLIS_PRATT, "QuickBooks won't open company file", "In Progress", "4 Urgent", "Software",
        DANA, H.multipliedBy(3), H.multipliedBy(12));
    comment(qb, INITIAL, "Error -6123 opening the client file on HP-QB-SRV.<br>Tax deadline Friday.", false, true,
        DANA, Duration.ZERO);
    long slow = ticket(OCOTILLO_VET, "Reception PC very slow after update", "Scheduled", "2 Normal", "Maintenance",
        MARCO, D, D.multipliedBy(3));
    comment(slow, INITIAL, "OV-RECEPTION takes 10 minutes to boot.", false, true, MARCO, Duration.ZERO);
    long m365 = ticket(DESERT_BLOOM, "Set up M365 account for new shop lead", "New", "2 Normal",
        "New User / M365 Account Creation", null, H, null);
    comment(m365, INITIAL, "New hire Luis Romero starts Monday.<br>Needs email and Teams.", false, true, null,
        Duration.ZERO);
    long outlook = ticket(SAGUARO, "Outlook keeps asking for password", "In Progress", "2 Normal", "Email", PRIYA,
        D, null);
    comment(outlook, INITIAL, "Password prompt loops on SL-OFFICE-PC.", false, true, PRIYA, Duration.ZERO);
    long hire = ticket(KESTREL, "New hire workstation - replacement for Hannah", "Scheduled", "2 Normal",
        "New User / Workstation Deployment", DANA, D.multipliedBy(4), D.multipliedBy(4));
    comment(hire, INITIAL, "Image a workstation with Revit and Office.<br>Start date next Wednesday.", false, true,
        DANA, Duration.ZERO);
    long nas = ticket(CANYON_DENTAL, "NAS backup job failing since Tuesday", "Waiting on Vendor", "1 High",
        "Maintenance", MARCO, D.multipliedBy(5), D.multipliedBy(2));
    comment(nas, INITIAL, "Hyper Backup job to cloud fails with error 4419.", false, true, MARCO, Duration.ZERO);
    long vpn = ticket(MESA_VERDE, "VPN drops every 20 minutes for closers", "In Progress", "1 High", "Remote", MARCO,
        D.multipliedBy(2), D);
    comment(vpn, INITIAL, "Closers working from home lose FortiClient VPN every ~20 min.", false, true, MARCO,
        Duration.ZERO);
    comment(vpn, "Update", "DPD timeout was 5 s; raised to 30 s.<br>Monitoring.", true, true, MARCO,
        H.multipliedBy(20));
    long scan = ticket(HOLLIS_PRATT, "Scan to email stopped working", "Waiting on Customer", "2 Normal", "Email",
        PRIYA, D.multipliedBy(8), null);
    comment(scan, INITIAL, "Copier scan-to-email fails since the M365 password change.", false, true, PRIYA,
        Duration.ZERO);
    long form = ticket(JERRY_BURGER, "Website contact form not sending", "New", "3 Low", "Website", DANA,
        D.multipliedBy(2), null);
    comment(form, INITIAL, "Contact form on the site says sent, but nothing arrives.", false, true, DANA,
        Duration.ZERO);
    long phones = ticket(OCOTILLO_VET, "Phones ringing to wrong extension after hours", "Scheduled", "2 Normal",
        "Phone/VOIP", PRIYA, D.multipliedBy(3), D.multipliedBy(2));
    comment(phones, INITIAL, "After-hours calls ring the front desk instead of the on-call line.", false, true,
        PRIYA, Duration.ZERO);
    long pos = ticket(DESERT_BLOOM, "POS terminal card reader not detected", "In Progress", "4 Urgent", "Hardware",
        MARCO, H.multipliedBy(6), H.multipliedBy(6));
    comment(pos, INITIAL, "Card reader on DBF-POS-1 not detected; taking cash only.", false, true, MARCO,
        Duration.ZERO);
    long cad = ticket(KESTREL, "Server migration planning - CAD file share", "Waiting on Customer", "3 Low",
        "Server Migration", DANA, D.multipliedBy(14), D.multipliedBy(21));
    comment(cad, INITIAL, "Plan the move of the CAD share to the new server.", false, true, DANA, Duration.ZERO);
    long wifi = ticket(CANYON_DENTAL, "Front desk Wi-Fi dead zone", "New", "2 Normal", "Onsite", PRIYA,
        H.multipliedBy(20), null);
    comment(wifi, INITIAL, "Tablets at check-in lose Wi-Fi.", false, true, PRIYA, Duration.ZERO);
    line(wifi, Seed.ACCESS_POINT, "1.0", "129.00", "Access point for the front desk", true);
    long phish = ticket(SAGUARO, "Phishing email clicked - check workstation", "In Progress", "1 High", "Security",
        DANA, H.multipliedBy(4), H.multipliedBy(4));
    comment(phish, INITIAL, "Rosa clicked a fake invoice link and entered her password.", false, true, DANA,
        Duration.ZERO);
    comment(phish, "Containment", "Password reset, sessions revoked, MFA re-registered.<br>Full scan running.",
        true, true, DANA, H);
    appointments(slow, hire, phones, vpn);
  }

  private void resolvedAndBilled() {
    long fan = ticket(JERRY_BURGER, "Laptop fan loud and overheating", "Resolved", "2 Normal", "Hardware", PRIYA,
        D.multipliedBy(7), null);
    comment(fan, INITIAL, "Fan runs full speed, laptop very hot.", false, true, PRIYA, Duration.ZERO);
    comment(fan, "Resolution", "Cleaned the fan and replaced thermal paste.<br>Temperatures normal.", false, false,
        PRIYA, D.multipliedBy(2));
    long shared = ticket(MESA_VERDE, "Add new closer to escrow shared mailbox", "Resolved", "2 Normal", "Email",
        MARCO, D.multipliedBy(4), null);
    comment(shared, INITIAL, "Please give Tom Baird access to escrow@.", false, true, MARCO, Duration.ZERO);
    long portal = ticket(CANYON_DENTAL, "Patient portal training for front desk", "Resolved", "3 Low", "Other",
        DANA, D.multipliedBy(6), null);
    comment(portal, INITIAL, "Two-hour training on the new patient portal.", false, true, DANA, Duration.ZERO);
    line(portal, Seed.PROJECT, "2.0", "0.00", "Patient portal training, front desk staff", false);
    long battery = ticket(OCOTILLO_VET, "Replace UPS battery at reception", "Resolved", "2 Normal", "Hardware", MARCO,
        D.multipliedBy(5), null);
    comment(battery, INITIAL, "OV-UPS battery failed self-test.", false, true, MARCO, Duration.ZERO);
    line(battery, Seed.UPS_BATTERY, "1.0", "59.00", "APC RBC17 battery", true);
    line(battery, Seed.ONSITE, "1.0", "175.00", "Swapped the UPS battery and ran a self-test", false);
    long driver = ticket(HOLLIS_PRATT, "Printer driver update on partner laptops", "Resolved", "3 Low", "Software",
        PRIYA, D.multipliedBy(3), null);
    comment(driver, INITIAL, "Update the copier driver on both partner laptops.", false, true, PRIYA, Duration.ZERO);
    // Added through the API without price_retail: the $0.00 line of R10.
    line(driver, Seed.REMOTE, "0.75", null, "Updated copier drivers on two laptops", false);

    long gpu = invoiced(KESTREL, "CAD workstation GPU driver crash", DANA, 20);
    line(gpu, Seed.REMOTE, "1.5", "150.00", "Rolled back GPU driver, pinned certified version", false);
    long ap = invoiced(DESERT_BLOOM, "Install new access point in cooler room", MARCO, 25);
    line(ap, Seed.ACCESS_POINT, "1.0", "129.00", "U6-Lite for the cooler room", true);
    line(ap, Seed.ONSITE, "1.5", "175.00", "Mounted and adopted the access point", false);
    line(ap, Seed.TRAVEL, "1.0", "40.00", "Trip to Scottsdale", false);
    long visit = invoiced(SAGUARO, "Quarterly maintenance visit", PRIYA, 30);
    line(visit, Seed.ONSITE, "2.0", "175.00", "Quarterly updates and backup check", false);
    long fw = invoiced(MESA_VERDE, "After-hours firewall outage", DANA, 12);
    line(fw, Seed.EMERGENCY, "2.0", "262.50", "Restored the firewall after a failed update, 9-11 pm", false);
    long mail = invoiced(HOLLIS_PRATT, "Migrate partner mailboxes to M365", DANA, 40);
    line(mail, Seed.REMOTE, "3.0", "150.00", "Migrated two mailboxes and set up MFA", false);
    for (long t : List.of(gpu, ap, visit, fw, mail)) {
      SandboxTicket ticket = d.tickets.get(t);
      Instant at = ticket.resolvedAt() == null ? now : ticket.resolvedAt();
      Invoicing.create(d, ticket.customerId(), t, "Standard", ticket.userId() == null ? DANA : ticket.userId(), at,
          at.atZone(Seed.ACCOUNT_ZONE).toLocalDate(), SandboxKnobs.DEFAULT_TAX_RATE_PERCENT);
    }

    long dup = ticket(JERRY_BURGER, "Printer setup (duplicate)", "Closed", "3 Low", "Other", DANA,
        D.multipliedBy(45), null);
    comment(dup, INITIAL, "Duplicate of an earlier ticket.", true, true, DANA, Duration.ZERO);
    long spam = ticket(OCOTILLO_VET, "Spam filter allow-list request", "Closed", "3 Low", "Email", PRIYA,
        D.multipliedBy(50), null);
    comment(spam, INITIAL, "Allow the lab's results address through the spam filter.", false, true, PRIYA,
        Duration.ZERO);
  }

  /** Links each ticket to the customer's devices its comments name (CDG-XRAY-02, OV-RECEPTION, ...). */
  private void attachNamedAssets() {
    for (SandboxTicket t : List.copyOf(d.tickets.values())) {
      List<Long> named = d.assets.values().stream()
          .filter(a -> a.customerId() == t.customerId()
              && d.commentsOf(t.id()).stream().anyMatch(c -> c.body().contains(a.name())))
          .map(Catalog.Asset::id).toList();
      if (!named.isEmpty()) {
        d.tickets.put(t.id(), new SandboxTicket(t.id(), t.number(), t.subject(), t.status(), t.priority(),
            t.problemType(), t.customerId(), t.contactId(), t.userId(), t.createdAt(), t.updatedAt(), t.dueDate(),
            t.resolvedAt(), named, t.createdBy()));
      }
    }
  }

  private long invoiced(long customer, String subject, long tech, int daysAgo) {
    long t = ticket(customer, subject, "Invoiced", "2 Normal", "Onsite", tech, D.multipliedBy(daysAgo), null);
    comment(t, INITIAL, subject + ".", false, true, tech, Duration.ZERO);
    comment(t, "Resolution", "Done and tested with the customer.<br>Closing this one.", false, false, tech, D);
    return t;
  }

  private long ticket(long customerId, String subject, String status, String priority, String problem,
      @Nullable Long tech, Duration age, @Nullable Duration dueIn) {
    long id = d.nextTicketId;
    d.nextTicketId += 13;
    long number = d.nextTicketNumber;
    d.nextTicketNumber += 2;
    Instant created = now.minus(age);
    boolean done = List.of("Resolved", "Invoiced", "Closed").contains(status);
    Instant resolved = done ? created.plus(age.dividedBy(2)) : null;
    Long contact = d.contactsOf(customerId).stream().findFirst().map(Catalog.Contact::id).orElse(null);
    d.tickets.put(id, new SandboxTicket(id, number, subject, status, priority, problem, customerId, contact, tech,
        created, resolved == null ? created : resolved, dueIn == null ? null : now.plus(dueIn), resolved,
        List.of(), tech));
    return id;
  }

  /** Adds a comment {@code after} the ticket's creation; a null {@code tech} is the customer writing in. */
  private void comment(long ticketId, String subject, String body, boolean hidden, boolean doNotEmail,
      @Nullable Long tech, Duration after) {
    SandboxTicket t = d.tickets.get(ticketId);
    String name = tech == null ? d.customerName(t.customerId()) : d.techs.get(tech).name();
    long id = d.nextCommentId;
    d.nextCommentId += 3;
    d.comments.put(id, new SandboxComment(id, ticketId, subject, body, hidden, doNotEmail, name, tech,
        t.createdAt().plus(after)));
  }

  private void line(long ticketId, long productId, String qty, @Nullable String price, String description,
      boolean taxable) {
    SandboxTicket t = d.tickets.get(ticketId);
    Catalog.Product p = d.products.get(productId);
    Instant at = t.resolvedAt() == null ? t.createdAt().plus(H) : t.resolvedAt();
    long id = d.nextLineItemId;
    d.nextLineItemId += 7;
    int position = d.lineItemsOf(ticketId).size() + 1;
    d.lineItems.put(id, new SandboxLineItem(id, ticketId, t.userId(), productId, p.name(), description,
        new BigDecimal(qty), price == null ? null : new BigDecimal(price), p.priceCost(), taxable, position, null,
        at, at));
  }

  /** Books appointments on this week's days (account time) for the Scheduled tickets and a remote session. */
  private void appointments(long slow, long hire, long phones, long vpn) {
    LocalDate monday = now.atZone(Seed.ACCOUNT_ZONE).toLocalDate()
        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    SandboxCustomer ocotillo = d.customers.get(OCOTILLO_VET);
    appointment(slow, monday.plusDays(1), LocalTime.of(9, 0), 90, 4322L,
        ocotillo.address() + ", " + ocotillo.city());
    appointment(hire, monday.plusDays(2), LocalTime.of(13, 30), 120, 4321L, "In Shop");
    appointment(phones, monday.plusDays(3), LocalTime.of(10, 0), 30, 4323L, "Phone call");
    appointment(vpn, monday.plusDays(4), LocalTime.of(8, 0), 60, 59289L, "Remote session");
    Instant start = monday.plusDays(4).atTime(15, 0).atZone(Seed.ACCOUNT_ZONE).toInstant();
    long id = d.nextAppointmentId++;
    d.appointments.put(id, new SandboxAppointment(id, "Renew kestrelarch.test domain", "Call the registrar.", KESTREL,
        null, start, start.plus(Duration.ofMinutes(15)), null, 193053L, DANA, List.of(DANA), true, now, now));
  }

  private void appointment(long ticketId, LocalDate day, LocalTime time, int minutes, long typeId, String where) {
    SandboxTicket t = d.tickets.get(ticketId);
    Instant start = day.atTime(time).atZone(Seed.ACCOUNT_ZONE).toInstant();
    long tech = t.userId() == null ? DANA : t.userId();
    long id = d.nextAppointmentId++;
    d.appointments.put(id, new SandboxAppointment(id, d.customerName(t.customerId()) + " - " + t.subject(),
        "Ticket #" + t.number() + ": " + t.subject(), t.customerId(), ticketId, start,
        start.plus(Duration.ofMinutes(minutes)), where, typeId, tech, List.of(tech), false, t.createdAt(),
        t.createdAt()));
  }
}
