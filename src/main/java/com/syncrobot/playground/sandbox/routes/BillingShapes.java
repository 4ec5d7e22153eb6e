package com.syncrobot.playground.sandbox.routes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.syncrobot.playground.sandbox.model.Catalog;
import com.syncrobot.playground.sandbox.model.Decimals;
import com.syncrobot.playground.sandbox.model.SandboxCustomer;
import com.syncrobot.playground.sandbox.model.SandboxData;
import com.syncrobot.playground.sandbox.model.SandboxInvoice;
import com.syncrobot.playground.sandbox.model.SandboxInvoiceLine;
import com.syncrobot.playground.sandbox.model.SandboxLineItem;
import com.syncrobot.playground.sandbox.model.SandboxTimer;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** JSON of ticket line items, timers and invoices, as Syncro shapes them. */
final class BillingShapes {
  private final Timestamps ts;

  BillingShapes(Timestamps ts) {
    this.ts = ts;
  }

  /**
   * A ticket line item, flat. Without a price ever set, {@code retail_cents} is null and {@code
   * price_retail} reads 0.0 (the spec's update example shows {@code cost_cents: null, price_cost: 0}).
   */
  ObjectNode lineItem(SandboxData d, SandboxLineItem li) {
    Catalog.Product p = li.productId() == null ? null : d.products.get(li.productId());
    ObjectNode o = Json.obj().put("id", li.id()).put("ticket_id", li.ticketId()).put("user_id", li.userId())
        .put("product_id", li.productId()).put("name", li.name()).put("description", li.description())
        .put("quantity", Decimals.rubyString(li.quantity())).put("product_category", p == null ? null : p.category())
        .putNull("upc_code").put("taxable", li.taxable()).put("cost_cents", cents(li.priceCost()))
        .put("retail_cents", cents(li.priceRetail())).put("created_at", ts.format(li.createdAt()))
        .put("updated_at", ts.format(li.updatedAt())).put("converted", li.converted()).putNull("item_id")
        .put("position", li.position()).putNull("estimate_line_item_id").putNull("old_price")
        .putNull("line_discount_percent").putNull("discount_dollars").putNull("original_ticket_line_item_id");
    o.set("price_cost", Json.num(li.priceCost() == null ? BigDecimal.ZERO : li.priceCost()));
    o.set("price_retail", Json.num(li.effectivePrice()));
    return o;
  }

  ObjectNode timer(SandboxTimer t) {
    long seconds = t.duration().toSeconds();
    return Json.obj().put("id", t.id()).put("ticket_id", t.ticketId()).put("user_id", t.userId())
        .put("start_time", ts.format(t.startTime())).put("end_time", ts.format(t.endTime()))
        .put("recorded", t.recorded()).put("created_at", ts.format(t.createdAt()))
        .put("updated_at", ts.format(t.updatedAt())).put("billable", t.billable()).put("notes", t.notes())
        .putNull("toggl_id").put("product_id", t.productId()).putNull("comment_id")
        .put("ticket_line_item_id", t.lineItemId()).put("active_duration", seconds).put("billable_time", seconds)
        .putNull("billable_override");
  }

  /** An invoice; {@code withLines} adds customer, line items and payments (the GET shape). */
  ObjectNode invoice(SandboxData d, SandboxInvoice i, boolean withLines, CustomerShapes customers) {
    ObjectNode o = Json.obj().put("id", i.id()).put("customer_id", i.customerId())
        .put("customer_business_then_name", d.customerName(i.customerId())).put("number", i.number())
        .put("created_at", ts.format(i.createdAt())).put("updated_at", ts.format(i.createdAt()))
        .put("date", ts.date(i.date())).put("due_date", ts.date(i.date()));
    o.set("subtotal", Json.str(i.subtotal()));
    o.set("total", Json.str(i.total()));
    o.set("tax", Json.str(i.tax()));
    o.put("verified_paid", false).put("tech_marked_paid", false).put("ticket_id", i.ticketId()).putNull("pdf_url")
        .put("is_paid", false).putNull("location_id").putNull("po_number").putNull("contact_id").putNull("note")
        .putNull("hardwarecost").put("user_id", i.userId());
    if (withLines) {
      o.putNull("date_received");
      SandboxCustomer c = d.customers.get(i.customerId());
      o.set("customer", c == null ? null : customers.customer(d, c, false));
      ArrayNode lines = o.putArray("line_items");
      i.lines().forEach(l -> lines.add(invoiceLine(i, l)));
      o.putArray("payments");
    }
    return o;
  }

  private ObjectNode invoiceLine(SandboxInvoice i, SandboxInvoiceLine l) {
    ObjectNode o = Json.obj().put("id", l.id()).put("created_at", ts.format(i.createdAt()))
        .put("updated_at", ts.format(i.createdAt())).put("invoice_id", l.invoiceId()).put("item", l.item())
        .put("name", l.name());
    o.set("cost", Json.str(l.cost()));
    o.set("price", Json.str(l.price()));
    o.set("quantity", Json.str(l.quantity()));
    o.put("product_id", l.productId()).put("taxable", l.taxable()).put("discount_percent", "0.0")
        .put("position", l.position()).putNull("invoice_bundle_id").put("discount_dollars", "0.0");
    return o;
  }

  private static @Nullable Long cents(@Nullable BigDecimal dollars) {
    return dollars == null ? null : Decimals.money(dollars).movePointRight(2).longValueExact();
  }
}
