package com.syncrobot.app;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.syncrobot.app.WriteFlowHarness.API;
import static com.syncrobot.app.WriteFlowHarness.JSON;
import static com.syncrobot.app.WriteFlowHarness.NUMBER;
import static com.syncrobot.app.WriteFlowHarness.TICKET;
import static com.syncrobot.app.WriteFlowHarness.TICKET_ID;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.syncrobot.testkit.Forms;
import com.syncrobot.testkit.JsonFixtures;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Syncro's billing endpoints on WireMock, shaped like the live API, and the bill modal driven through
 * signed requests: open it, read the form the bot put in it, submit it.
 */
final class BillStubs {
  static final String ADD_LINE = TICKET + "/add_line_item";
  static final String UPDATE_LINE = TICKET + "/update_line_item";
  static final String TIMER_ENTRY = TICKET + "/timer_entry";
  static final String CHARGE_TIMER = TICKET + "/charge_timer_entry";
  static final String INVOICES = API + "/invoices";
  static final String CUSTOMER = API + "/customers/77";
  private static final AtomicInteger views = new AtomicInteger();

  private final WriteFlowHarness bot;
  private final WireMockExtension syncro;

  BillStubs(WriteFlowHarness bot) {
    this.bot = bot;
    this.syncro = bot.syncro;
  }

  /** The ticket (list and detail) with these line items and timers, as JSON objects. */
  void ticket(String status, String lineItems, String timers) {
    String t = JsonFixtures.load("flows/bill-ticket.json",
        Map.of("status", status, "line_items", lineItems, "timers", timers));
    syncro.stubFor(get(urlPathEqualTo(API + "/tickets")).withQueryParam("number", equalTo(Long.toString(NUMBER)))
        .willReturn(okJson("{\"tickets\":[" + t + "],\"meta\":{\"total_pages\":1,\"page\":1}}")));
    syncro.stubFor(get(urlPathEqualTo(TICKET)).willReturn(okJson("{\"ticket\":" + t + "}")));
  }

  static String line(long id, long product, String name, String qty, String price, String description) {
    return "{\"id\":" + id + ",\"product_id\":" + product + ",\"name\":\"" + name + "\",\"description\":\""
        + description + "\",\"quantity\":\"" + qty + "\",\"price_retail\":" + price + ",\"invoice_id\":null}";
  }

  void customer(String prepayHours) {
    syncro.stubFor(get(urlPathEqualTo(CUSTOMER)).willReturn(okJson("{\"customer\":{\"id\":77,\"business_then_name\":"
        + "\"Acme Dental\",\"prepay_hours\":" + prepayHours + ",\"contacts\":[]}}")));
  }

  void invoicesListed(long... ids) {
    StringBuilder items = new StringBuilder();
    for (long id : ids) {
      items.append(items.length() == 0 ? "" : ",").append("{\"id\":").append(id).append(",\"number\":\"").append(id)
          .append("\",\"ticket_id\":").append(TICKET_ID).append(",\"total\":\"0.0\"}");
    }
    syncro.stubFor(get(urlPathEqualTo(INVOICES)).withQueryParam("ticket_id", equalTo(Long.toString(TICKET_ID)))
        .willReturn(okJson("{\"invoices\":[" + items + "],\"meta\":{\"total_pages\":1,\"page\":1}}")));
  }

  void commentCreates(long id) {
    bot.commentPostCreates(id);
  }

  void addLine(ResponseDefinitionBuilder r) {
    syncro.stubFor(post(urlPathEqualTo(ADD_LINE)).willReturn(r));
  }

  void addLineCreates(long id) {
    // add_line_item answers flat, not wrapped
    addLine(okJson("{\"id\":" + id + ",\"ticket_id\":" + TICKET_ID + ",\"name\":\"Labor\"}"));
  }

  void invoicePost(ResponseDefinitionBuilder r) {
    syncro.stubFor(post(urlPathEqualTo(INVOICES)).willReturn(r));
  }

  void invoiceCreates(long id) {
    invoicePost(okJson("{\"invoice\":{\"id\":" + id + ",\"number\":\"" + id + "\",\"ticket_id\":" + TICKET_ID + "}}"));
  }

  void invoiceShows(long id, String total) {
    syncro.stubFor(get(urlPathEqualTo(INVOICES + "/" + id)).willReturn(okJson("{\"invoice\":{\"id\":" + id
        + ",\"number\":\"" + id + "\",\"ticket_id\":" + TICKET_ID + ",\"customer_id\":77,\"subtotal\":\"" + total
        + "\",\"total\":\"" + total + "\",\"line_items\":[]}}")));
  }

  void invoiceGone(long id) {
    syncro.stubFor(get(urlPathEqualTo(INVOICES + "/" + id)).willReturn(notFound()
        .withHeader("Content-Type", "application/json").withBody("{\"message\":\"Not found\"}")));
  }

  void invoiceDeleteAnswers200(long id) {
    syncro.stubFor(delete(urlPathEqualTo(INVOICES + "/" + id)).willReturn(okJson("{\"message\":\"ok\"}")));
  }

  void updateLineAnswers(long lineId, String price) {
    syncro.stubFor(put(urlPathEqualTo(UPDATE_LINE)).willReturn(okJson("{\"ticket_line_item\":{\"id\":" + lineId
        + ",\"price_retail\":" + price + "}}")));
  }

  void statusPutInvoiced() {
    bot.statusPut(okJson("{\"ticket\":" + WriteFlowHarness.ticketJson("Invoiced") + "}"));
  }

  /** Everything a billing that goes well touches, for a customer with {@code prepay} hours (JSON). */
  void happyPath(String prepay, String invoiceTotal) {
    ticket("In Progress", "", "");
    customer(prepay);
    invoicesListed();
    commentCreates(555);
    addLineCreates(301);
    invoiceCreates(67447);
    invoiceShows(67447, invoiceTotal);
    statusPutInvoiced();
  }

  // ---- requests Syncro received -----------------------------------------------------------------

  List<LoggedRequest> posts(String path) {
    return syncro.findAll(postRequestedFor(urlPathEqualTo(path)));
  }

  /** The raw JSON body of the only request to {@code path}. */
  String onlyBody(String path) {
    List<LoggedRequest> r = posts(path);
    if (r.size() != 1) {
      throw new AssertionError("expected one POST " + path + ", got " + r.size());
    }
    return r.get(0).getBodyAsString();
  }

  // ---- the modal --------------------------------------------------------------------------------

  /** The view the bot put in the modal most recently with views.update. */
  JsonNode lastUpdatedView() throws Exception {
    List<LoggedRequest> updated = WriteFlowHarness.await(
        () -> bot.slack.findAll(postRequestedFor(urlPathEqualTo("/api/views.update"))), l -> !l.isEmpty(),
        "views.update");
    return JSON.readTree(Forms.field(updated.get(updated.size() - 1).getBodyAsString(), "view"));
  }

  /** Runs {@code /syncro bill 32203}; returns the command and the form the bot filled in. */
  Opened open(String args) throws Exception {
    bot.slack.resetRequests();
    WriteFlowHarness.Sent c = bot.command(WriteFlowHarness.JANE, "bill " + args);
    if (c.ack().statusCode() != 200 || !c.ack().body().isEmpty()) {
      throw new AssertionError("bill ack " + c.ack().statusCode() + " " + c.ack().body());
    }
    return new Opened(c, lastUpdatedView());
  }

  record Opened(WriteFlowHarness.Sent command, JsonNode form) {}

  /** The modal's answer as typed; a null labour type means none chosen. */
  record Form(String minutes, String labour, String work, String visibility, List<String> options) {
    static Form of(String minutes, String labour, String work) {
      return new Form(minutes, labour, work, "internal", List.of("invoice"));
    }

    Form with(String... newOptions) {
      return new Form(minutes, labour, work, visibility, List.of(newOptions));
    }

    Form visibleTo(String who) {
      return new Form(minutes, labour, work, who, options);
    }
  }

  HttpResponse<String> submit(JsonNode view, Form f) {
    String labour = f.labour() == null ? "null" : "{\"value\":\"" + f.labour()
        + "\",\"text\":{\"type\":\"plain_text\",\"text\":\"x\"}}";
    List<String> opts = new ArrayList<>();
    if (f.options().contains("draft")) {
      opts.add("{\"value\":\"draft\",\"text\":{\"type\":\"plain_text\",\"text\":\"o\"}}");
    }
    // "What to do" is one radio: log time only, else invoice now, else add the line only
    String action = f.options().contains("timer_only") ? "timer_only"
        : f.options().contains("invoice") ? "invoice" : "line_only";
    String values = "{\"minutes\":{\"value\":{\"type\":\"plain_text_input\",\"value\":"
        + SignedRequests.jsonString(f.minutes()) + "}},"
        + "\"labour\":{\"value\":{\"type\":\"static_select\",\"selected_option\":" + labour + "}},"
        + "\"work\":{\"value\":{\"type\":\"plain_text_input\",\"value\":" + SignedRequests.jsonString(f.work()) + "}},"
        + "\"visibility\":{\"value\":{\"type\":\"radio_buttons\",\"selected_option\":{\"value\":\"" + f.visibility()
        + "\",\"text\":{\"type\":\"plain_text\",\"text\":\"v\"}}}},"
        + "\"action\":{\"value\":{\"type\":\"radio_buttons\",\"selected_option\":{\"value\":\"" + action
        + "\",\"text\":{\"type\":\"plain_text\",\"text\":\"a\"}}}},"
        + "\"options\":{\"value\":{\"type\":\"checkboxes\",\"selected_options\":[" + String.join(",", opts) + "]}}}";
    return submitValues(view, values);
  }

  HttpResponse<String> submitTimers(JsonNode view, long... timerIds) {
    List<String> opts = new ArrayList<>();
    for (long id : timerIds) {
      opts.add("{\"value\":\"" + id + "\",\"text\":{\"type\":\"plain_text\",\"text\":\"t\"}}");
    }
    return submitValues(view, "{\"timers\":{\"value\":{\"type\":\"checkboxes\",\"selected_options\":["
        + String.join(",", opts) + "]}}}");
  }

  private HttpResponse<String> submitValues(JsonNode view, String values) {
    return bot.submitView(WriteFlowHarness.JANE, view, "VB" + views.incrementAndGet(), "1.h", values);
  }

  /** Opens, fills and submits the bill modal; returns the preview posted through the command's response_url. */
  WriteFlowHarness.Preview preview(Form f) throws Exception {
    Opened o = open(Long.toString(NUMBER));
    HttpResponse<String> ack = submit(o.form(), f);
    if (ack.statusCode() != 200 || !ack.body().isEmpty()) {
      throw new AssertionError("submission ack " + ack.statusCode() + " " + ack.body());
    }
    JsonNode preview = bot.awaitPost(o.command().responsePath(), "Details");
    WriteFlowHarness.assertWords(WriteFlowHarness.readable(o.form()) + WriteFlowHarness.readable(preview));
    return new WriteFlowHarness.Preview(WriteFlowHarness.planId(preview), preview, o.command().responsePath());
  }

  /** The public messages posted to the command's channel (not DMs, not the audit channel). */
  List<String> channelPosts() {
    return bot.slack.findAll(postRequestedFor(urlPathEqualTo("/api/chat.postMessage"))).stream()
        .map(r -> r.getBodyAsString())
        .filter(b -> "C0001".equals(field(b, "channel")))
        .map(b -> field(b, "text"))
        .toList();
  }

  private static String field(String form, String name) {
    try {
      return Forms.field(form, name);
    } catch (AssertionError e) {
      return "";
    }
  }
}
