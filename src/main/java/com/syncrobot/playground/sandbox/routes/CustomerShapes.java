package com.syncrobot.playground.sandbox.routes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.syncrobot.playground.sandbox.model.Catalog;
import com.syncrobot.playground.sandbox.model.Decimals;
import com.syncrobot.playground.sandbox.model.SandboxCustomer;
import com.syncrobot.playground.sandbox.model.SandboxData;
import com.syncrobot.playground.sandbox.model.SandboxTech;
import java.time.Instant;

/** JSON of customers, contacts, assets, products, users and appointment types, as Syncro shapes them. */
final class CustomerShapes {
  /** When the demo account's users and types were created; a fixed, believable date. */
  private static final Instant ACCOUNT_CREATED = Instant.parse("2021-06-14T16:02:11.418Z");

  private final Timestamps ts;

  CustomerShapes(Timestamps ts) {
    this.ts = ts;
  }

  /** The list shape (with contacts); {@code detail} adds prepay_hours and the links of the detail shape. */
  ObjectNode customer(SandboxData d, SandboxCustomer c, boolean detail) {
    ObjectNode o = Json.obj().put("id", c.id()).put("firstname", c.firstname()).put("lastname", c.lastname())
        .put("fullname", c.fullname()).put("business_name", c.businessName()).put("email", c.email())
        .put("phone", c.phone()).putNull("mobile").put("created_at", ts.format(c.createdAt()))
        .put("updated_at", ts.format(c.createdAt())).putNull("pdf_url").put("address", c.address())
        .putNull("address_2").put("city", c.city()).put("state", c.state()).put("zip", c.zip()).putNull("latitude")
        .putNull("longitude").putNull("notes").put("get_sms", false).put("opt_out", false).put("disabled", false)
        .put("no_email", false).putNull("location_name").putNull("location_id");
    o.set("properties", Json.obj());
    o.put("online_profile_url", "https://sandbox.invalid/my_profile/v2/index?portal_key=c" + c.id())
        .putNull("tax_rate_id").putNull("notification_email").putNull("invoice_cc_emails").putNull("invoice_term_id")
        .putNull("referred_by").putNull("ref_customer_id")
        .put("business_and_full_name", c.businessName() == null ? c.fullname()
            : c.businessName() + " - " + c.fullname())
        .put("business_then_name", c.displayName());
    ArrayNode contacts = o.putArray("contacts");
    d.contactsOf(c.id()).forEach(k -> contacts.add(contact(k)));
    if (detail) {
      // A string, or null when the customer never bought a block (R5).
      o.set("prepay_hours", Json.str(c.prepayHours()));
      ArrayNode tickets = o.putArray("ticket_links");
      d.tickets.values().stream().filter(t -> t.customerId() == c.id()).forEach(t -> tickets.add(Json.obj()
          .put("id", t.id()).put("number", t.number()).put("status", t.status()).put("subject", t.subject())));
      ArrayNode invoices = o.putArray("invoice_links");
      d.invoices.values().stream().filter(i -> i.customerId() == c.id()).forEach(i -> invoices.add(Json.obj()
          .put("id", i.id()).put("number", i.number()).put("took_payment", false)
          .put("total", Decimals.rubyString(i.total())).put("date", ts.date(i.date()))));
      o.putArray("phones").add(Json.obj().put("label", "Office").put("number", c.phone()));
      o.putArray("contracts");
      o.putArray("addresses");
      o.putArray("recurring_invoices");
    }
    return o;
  }

  ObjectNode contact(Catalog.Contact k) {
    ObjectNode o = Json.obj().put("id", k.id()).put("name", k.name()).put("address1", k.address1())
        .put("address2", k.address2()).put("city", k.city()).put("state", k.state()).put("zip", k.zip())
        .put("email", k.email()).put("phone", k.phone()).put("mobile", k.mobile()).putNull("latitude")
        .putNull("longitude").put("customer_id", k.customerId()).putNull("notes").putNull("vendor_id")
        .put("opt_out", false).putNull("extension");
    o.set("properties", k.title() == null ? Json.obj() : Json.obj().put("title", k.title()));
    return o;
  }

  ObjectNode asset(SandboxData d, Catalog.Asset a) {
    ObjectNode o = Json.obj().put("id", a.id()).put("name", a.name()).put("customer_id", a.customerId())
        .put("contact_id", a.contactId()).put("created_at", ts.format(a.createdAt()))
        .put("updated_at", ts.format(a.createdAt()));
    o.set("properties", Json.obj());
    o.put("asset_type", a.assetType()).put("asset_serial", a.serial()).putNull("external_rmm_link");
    SandboxCustomer c = d.customers.get(a.customerId());
    if (c != null) {
      ObjectNode brief = customer(d, c, false);
      brief.remove("contacts");
      o.set("customer", brief);
    }
    o.putArray("rmm_links");
    o.putNull("address");
    return o;
  }

  ObjectNode product(Catalog.Product p) {
    ObjectNode o = Json.obj().put("id", p.id());
    o.set("price_cost", Json.num(p.priceCost()));
    o.set("price_retail", Json.num(p.priceRetail()));
    o.putNull("condition").put("description", p.description()).put("maintain_stock", false).put("name", p.name())
        .put("quantity", 0).putNull("warranty").putNull("sort_order").putNull("reorder_at").put("disabled", false)
        .put("taxable", p.taxable()).put("product_category", p.category()).put("category_path", p.category())
        .putNull("upc_code").putNull("discount_percent").putNull("warranty_template_id").putNull("qb_item_id")
        .putNull("desired_stock_level").put("price_wholesale", 0).putNull("notes").putNull("tax_rate_id")
        .putNull("physical_location").put("serialized", false);
    o.putArray("vendor_ids");
    o.putArray("product_skus");
    o.putNull("long_description");
    o.putArray("location_quantities");
    o.putArray("photos");
    return o;
  }

  /** The user object embedded in tickets ({@code {id, email, full_name, ...}}). */
  ObjectNode user(SandboxTech t) {
    return Json.obj().put("id", t.id()).put("email", t.email()).put("full_name", t.name())
        .put("created_at", ts.format(ACCOUNT_CREATED)).put("updated_at", ts.format(ACCOUNT_CREATED))
        .put("group", t.group()).put("admin", t.admin()).put("color", "#" + Long.toHexString(0x3a6ea5 + t.id()));
  }

  ObjectNode appointmentType(Catalog.AppointmentType t) {
    return Json.obj().put("id", t.id()).put("account_id", 41_877).put("name", t.name())
        .put("email_instructions", "").put("location_type", t.locationType())
        .put("location_hard_code", t.locationHardCode()).put("created_at", ts.format(ACCOUNT_CREATED))
        .put("updated_at", ts.format(ACCOUNT_CREATED)).putNull("buffer").putNull("appointment_reminders_schedule_id");
  }
}
