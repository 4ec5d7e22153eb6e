package com.syncrobot.write;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.syncrobot.syncro.SyncroWrite;

/** Syncro on WireMock for the billing steps: line items, invoices, customers, timers. */
final class BillingStubs {
  static final String API = SyncroStubs.API;
  static final String TICKET = API + "/tickets/" + Plans.TICKET_ID;
  static final String ADD_LINE = TICKET + "/add_line_item";
  static final String INVOICES = API + "/invoices";
  static final long CUSTOMER_ID = 77;

  private final WireMockExtension wm;

  BillingStubs(WireMockExtension wm) {
    this.wm = wm;
  }

  static SyncroWrite addLineWrite() {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("product_id", 1190473);
    n.put("name", "Labor - Remote Business");
    n.put("description", "Replaced the toner");
    n.put("quantity", new java.math.BigDecimal("0.75"));
    n.put("price_retail", new java.math.BigDecimal("150.00"));
    n.put("taxable", false);
    return SyncroWrite.post("/tickets/" + Plans.TICKET_ID + "/add_line_item", n, "/id");
  }

  static SyncroWrite invoiceWrite() {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("ticket_id", Plans.TICKET_ID);
    n.put("customer_id", CUSTOMER_ID);
    n.put("category", "Standard");
    return SyncroWrite.post("/invoices", n, "/invoice/id");
  }

  void addLineAnswers(ResponseDefinitionBuilder r) {
    wm.stubFor(post(urlPathEqualTo(ADD_LINE)).willReturn(r));
  }

  void invoicePostAnswers(ResponseDefinitionBuilder r) {
    wm.stubFor(post(urlPathEqualTo(INVOICES)).willReturn(r));
  }

  /** The ticket detail with these line items (JSON objects) and timers. */
  void ticketWith(String lineItems, String timers) {
    wm.stubFor(get(urlPathEqualTo(TICKET)).willReturn(okJson("{\"ticket\":{\"id\":" + Plans.TICKET_ID
        + ",\"number\":32203,\"subject\":\"Printer offline\",\"status\":\"In Progress\",\"customer_id\":77,"
        + "\"customer_business_then_name\":\"Acme Dental\",\"comments\":[],\"line_items\":[" + lineItems + "],"
        + "\"ticket_timers\":[" + timers + "]}}")));
  }

  static String line(long id, long product, String qty, String price, String description, String invoiceId) {
    return "{\"id\":" + id + ",\"product_id\":" + product + ",\"name\":\"Labor\",\"description\":\"" + description
        + "\",\"quantity\":\"" + qty + "\",\"price_retail\":" + price + ",\"invoice_id\":" + invoiceId + "}";
  }

  void invoicesForTicket(long... ids) {
    StringBuilder items = new StringBuilder();
    for (long id : ids) {
      items.append(items.length() == 0 ? "" : ",").append("{\"id\":").append(id).append(",\"number\":\"")
          .append(60000 + id).append("\",\"ticket_id\":").append(Plans.TICKET_ID).append(",\"total\":\"0.0\"}");
    }
    wm.stubFor(get(urlPathEqualTo(INVOICES)).withQueryParam("ticket_id", equalTo(Long.toString(Plans.TICKET_ID)))
        .willReturn(okJson("{\"invoices\":[" + items + "],\"meta\":{\"total_pages\":1,\"page\":1}}")));
  }

  void invoiceShows(long id, String total) {
    invoiceAnswers(id, okJson("{\"invoice\":{\"id\":" + id + ",\"number\":\"67447\",\"ticket_id\":" + Plans.TICKET_ID
        + ",\"customer_id\":77,\"subtotal\":\"" + total + "\",\"total\":\"" + total + "\",\"line_items\":[]}}"));
  }

  void invoiceAnswers(long id, ResponseDefinitionBuilder r) {
    wm.stubFor(get(urlPathEqualTo(INVOICES + "/" + id)).willReturn(r));
  }

  void invoiceGone(long id) {
    invoiceAnswers(id,
        notFound().withHeader("Content-Type", "application/json").withBody("{\"message\":\"Not found\"}"));
  }

  void invoiceDeleteAnswers(long id, ResponseDefinitionBuilder r) {
    wm.stubFor(delete(urlPathEqualTo(INVOICES + "/" + id)).willReturn(r));
  }

  void customerPrepay(String prepayHours) {
    wm.stubFor(get(urlPathEqualTo(API + "/customers/" + CUSTOMER_ID)).willReturn(okJson("{\"customer\":{\"id\":77,"
        + "\"business_then_name\":\"Acme Dental\",\"prepay_hours\":" + prepayHours + ",\"contacts\":[]}}")));
  }

  int addLinePosts() {
    return wm.findAll(postRequestedFor(urlPathEqualTo(ADD_LINE))).size();
  }

  int invoicePosts() {
    return wm.findAll(postRequestedFor(urlPathEqualTo(INVOICES))).size();
  }

  int invoiceReads(long id) {
    return wm.findAll(getRequestedFor(urlPathEqualTo(INVOICES + "/" + id))).size();
  }

  int invoiceDeletes(long id) {
    return wm.findAll(deleteRequestedFor(urlPathEqualTo(INVOICES + "/" + id))).size();
  }
}
