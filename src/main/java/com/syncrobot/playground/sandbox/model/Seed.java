package com.syncrobot.playground.sandbox.model;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * Deterministic demo data: technicians and their tokens, the account's rate table (docs/rules.md)
 * plus a few shop products, appointment types, customers with contacts and assets; tickets come
 * from {@link SeedTickets}. Times are relative to the clock, so "this week" is always this week.
 */
public final class Seed {
  /** The demo account's time zone (Syncro: {@code GET /settings} → {@code locale.time_zone}). */
  public static final ZoneId ACCOUNT_ZONE = ZoneId.of("America/Phoenix");

  public static final long DANA = 1735;
  public static final long MARCO = 1750;
  public static final long PRIYA = 1737;
  public static final long SAM = 1760;

  public static final long REMOTE = 1_190_473;
  public static final long ONSITE = 26_118;
  public static final long EMERGENCY = 26_184;
  public static final long PROJECT = 9_269_129;
  public static final long INTERNAL = 9_269_124;
  public static final long TRAVEL = 26_117;
  public static final long WEBSITE = 68_055;
  public static final long ACCESS_POINT = 3_118_801;
  public static final long PATCH_CABLE = 3_118_802;
  public static final long UPS_BATTERY = 3_118_803;

  public static final long CANYON_DENTAL = 2_741_101;
  public static final long JERRY_BURGER = 2_741_117;
  public static final long MESA_VERDE = 2_741_123;
  public static final long SAGUARO = 2_741_150;
  public static final long DESERT_BLOOM = 2_741_162;
  public static final long KESTREL = 2_741_188;
  public static final long HOLLIS_PRATT = 2_741_203;
  public static final long OCOTILLO_VET = 2_741_219;

  private Seed() {}

  static SandboxData build(Clock clock) {
    SandboxData d = new SandboxData();
    Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
    techs(d);
    products(d);
    appointmentTypes(d);
    customers(d, now.minus(Duration.ofDays(400)));
    SeedTickets.build(d, now);
    return d;
  }

  /** Returns the demo token of a technician: Syncro's shape (T + 16 hex + '-' + 32 hex), derived from the id. */
  static String token(long techId) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256")
          .digest(("syncro-sandbox/" + techId).getBytes(StandardCharsets.UTF_8));
      String hex = HexFormat.of().formatHex(h);
      return "T" + hex.substring(0, 16) + "-" + hex.substring(16, 48);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static void techs(SandboxData d) {
    tech(d, DANA, "Dana Whitfield", "dana@example-msp.test", "Admins", true, true);
    tech(d, MARCO, "Marco Reyes", "marco@example-msp.test", "Technicians", false, true);
    tech(d, PRIYA, "Priya Natarajan", "priya@example-msp.test", "Technicians", false, true);
    // A fourth technician who has not created a token: assignable, but cannot call the API.
    tech(d, SAM, "Sam Okafor", "sam@example-msp.test", "Technicians", false, false);
  }

  private static void tech(SandboxData d, long id, String name, String email, String group, boolean admin,
      boolean withToken) {
    d.techs.put(id, new SandboxTech(id, name, email, group, admin));
    if (withToken) {
      d.tokens.put(token(id), id);
    }
  }

  private static void products(SandboxData d) {
    product(d, REMOTE, "Labor - Remote Business", "Remote support, per hour", "150.00", "Labor", false);
    product(d, ONSITE, "Labor - Onsite Business", "Onsite support, per hour", "175.00", "Labor", false);
    product(d, EMERGENCY, "Labor - Emergency or After Hours Business",
        "Emergency or after-hours support, per hour (1.5x onsite built in)", "262.50", "Labor", false);
    product(d, PROJECT, "Labor - Prepaid Project Labor", "Project labour against a prepaid block, per hour",
        "0.00", "Labor", false);
    // Internal labour is not billable, so it must never eat a customer's prepaid block.
    product(d, INTERNAL, "Labor - Internal Labor", "Internal time, not billable", "0.00", "Internal", false);
    product(d, TRAVEL, "Fee - Travel Time", "Travel, per trip", "40.00", "Fees", false);
    product(d, WEBSITE, "Labor - Website Labor", "Website work, per hour", "150.00", "Labor", false);
    product(d, ACCESS_POINT, "Ubiquiti U6-Lite Access Point", "Wi-Fi 6 access point", "129.00", "Hardware", true);
    product(d, PATCH_CABLE, "Cat6 Patch Cable 7ft", "Patch cable, blue", "6.50", "Hardware", true);
    product(d, UPS_BATTERY, "APC RBC17 Replacement Battery", "UPS battery cartridge", "59.00", "Hardware", true);
  }

  private static void product(SandboxData d, long id, String name, String description, String price,
      String category, boolean taxable) {
    BigDecimal retail = new BigDecimal(price);
    BigDecimal cost = "Hardware".equals(category) ? Decimals.money(retail.multiply(new BigDecimal("0.6")))
        : BigDecimal.ZERO;
    d.products.put(id, new Catalog.Product(id, name, description, retail, cost, category, taxable));
  }

  private static void appointmentTypes(SandboxData d) {
    d.appointmentTypes.put(4321L, new Catalog.AppointmentType(4321, "In Shop", "shop", null));
    d.appointmentTypes.put(4322L, new Catalog.AppointmentType(4322, "Onsite", "customer", null));
    d.appointmentTypes.put(4323L, new Catalog.AppointmentType(4323, "Phone Call", "hard_code", "Phone call"));
    d.appointmentTypes.put(193053L, new Catalog.AppointmentType(193053, "Reminder", "manual_entry", null));
    d.appointmentTypes.put(59289L, new Catalog.AppointmentType(59289, "Remote", "hard_code", "Remote session"));
  }

  private static void customers(SandboxData d, Instant since) {
    customer(d, CANYON_DENTAL, "Lena", "Ortiz", "Canyon Dental Group", "office@canyondental.test", "480-555-0141",
        "2200 E Camelback Rd", "Phoenix", "85016", "10.0", since);
    customer(d, JERRY_BURGER, "Jerry", "Burger", null, "jerry.burger@mail.test", "602-555-0117",
        "418 W Palm Ln", "Phoenix", "85003", null, since.plus(Duration.ofDays(20)));
    customer(d, MESA_VERDE, "Alan", "Whitaker", "Mesa Verde Title & Escrow", "it@mesaverdetitle.test",
        "480-555-0123", "1 N Center St Ste 300", "Mesa", "85201", null, since.plus(Duration.ofDays(35)));
    customer(d, SAGUARO, "Rosa", "Delgado", "Saguaro Landscaping LLC", "rosa@saguaroland.test", "623-555-0150",
        "9520 W Peoria Ave", "Peoria", "85345", "0.0", since.plus(Duration.ofDays(60)));
    customer(d, DESERT_BLOOM, "Mei", "Chen", "Desert Bloom Florist", "orders@desertbloom.test", "480-555-0162",
        "7014 E 1st Ave", "Scottsdale", "85251", null, since.plus(Duration.ofDays(90)));
    customer(d, KESTREL, "Owen", "Park", "Kestrel Architecture", "studio@kestrelarch.test", "602-555-0188",
        "130 N Central Ave Fl 4", "Phoenix", "85004", null, since.plus(Duration.ofDays(150)));
    customer(d, HOLLIS_PRATT, "Diane", "Hollis", "Hollis & Pratt CPAs", "admin@hollispratt.test", "480-555-0103",
        "4455 S Rural Rd", "Tempe", "85282", null, since.plus(Duration.ofDays(210)));
    customer(d, OCOTILLO_VET, "Sanjay", "Rao", "Ocotillo Veterinary Clinic", "frontdesk@ocotillovet.test",
        "480-555-0119", "2950 N Alma School Rd", "Chandler", "85224", null, since.plus(Duration.ofDays(300)));
    long c = 5_520_001;
    c = contacts(d, c, CANYON_DENTAL, "Lena Ortiz|Office Manager", "Dr. Paul Nguyen|Dentist");
    c = contacts(d, c, JERRY_BURGER, "Jerry Burger|Owner");
    c = contacts(d, c, MESA_VERDE, "Alan Whitaker|IT Liaison", "Gloria Snell|Escrow Officer", "Tom Baird|Closer");
    c = contacts(d, c, SAGUARO, "Rosa Delgado|Owner");
    c = contacts(d, c, DESERT_BLOOM, "Mei Chen|Owner", "Luis Romero|Shop Lead");
    c = contacts(d, c, KESTREL, "Owen Park|Principal", "Hannah Ito|Office Manager");
    c = contacts(d, c, HOLLIS_PRATT, "Diane Hollis|Partner", "Greg Pratt|Partner");
    contacts(d, c, OCOTILLO_VET, "Sanjay Rao|Practice Manager", "Amy Fields|Front Desk");
    long a = 9_140_001;
    a = assets(d, a, since, CANYON_DENTAL, "CDG-FRONT-01|Desktop|5CG1234XYZ", "CDG-XRAY-02|Desktop|5CG9988QRS",
        "CDG-NAS|Server|SYN2311AB");
    a = assets(d, a, since, JERRY_BURGER, "Jerry-Laptop|Laptop|PF3K2J1L");
    a = assets(d, a, since, MESA_VERDE, "MVT-DC01|Server|CZ2112XL7", "MVT-ESCROW-03|Desktop|MXL0419T4",
        "MVT-FW|Firewall|FGT60F0001");
    a = assets(d, a, since, SAGUARO, "SL-OFFICE-PC|Desktop|JTX88123");
    a = assets(d, a, since, DESERT_BLOOM, "DBF-POS-1|Desktop|POS77120");
    a = assets(d, a, since, KESTREL, "KA-CAD-01|Workstation|P620-4471", "KA-CAD-02|Workstation|P620-4472",
        "KA-PLOTTER|Printer|HPT830-55");
    a = assets(d, a, since, HOLLIS_PRATT, "HP-QB-SRV|Server|R350-0091", "HP-LAPTOP-DH|Laptop|5CD2210KQ");
    assets(d, a, since, OCOTILLO_VET, "OV-RECEPTION|Desktop|OPT7090-12", "OV-UPS|UPS|AS1904212345");
  }

  private static void customer(SandboxData d, long id, String first, String last, @Nullable String business,
      String email, String phone, String address, String city, String zip, @Nullable String prepay,
      Instant created) {
    d.customers.put(id, new SandboxCustomer(id, first, last, business, email, phone, address, city, "AZ", zip,
        prepay == null ? null : new BigDecimal(prepay), created));
  }

  private static long contacts(SandboxData d, long next, long customerId, String... people) {
    SandboxCustomer c = d.customers.get(customerId);
    for (String p : people) {
      String[] f = p.split("\\|");
      String email = f[0].toLowerCase().replaceAll("[^a-z]+", ".").replaceAll("^\\.|\\.$", "") + "@"
          + c.email().substring(c.email().indexOf('@') + 1);
      d.contacts.put(next, new Catalog.Contact(next, customerId, f[0], email, c.phone(), null, c.address(), null,
          c.city(), c.state(), c.zip(), f[1]));
      next++;
    }
    return next;
  }

  private static long assets(SandboxData d, long next, Instant since, long customerId, String... devices) {
    for (String dev : devices) {
      String[] f = dev.split("\\|");
      d.assets.put(next, new Catalog.Asset(next, customerId, null, f[0], f[1], f[2], since.plus(Duration.ofDays(30))));
      next++;
    }
    return next;
  }
}
