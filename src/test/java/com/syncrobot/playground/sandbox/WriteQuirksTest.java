package com.syncrobot.playground.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.syncrobot.playground.sandbox.model.SandboxComment;
import com.syncrobot.playground.sandbox.model.SandboxLineItem;
import com.syncrobot.playground.sandbox.model.SandboxTicket;
import com.syncrobot.playground.sandbox.model.Seed;
import com.syncrobot.playground.sandbox.routes.Json;
import com.syncrobot.syncro.SyncroApi;
import com.syncrobot.syncro.SyncroValidationException;
import com.syncrobot.syncro.SyncroWrite;
import com.syncrobot.syncro.Ticket;
import com.syncrobot.syncro.TicketId;
import com.syncrobot.syncro.WriteResponse;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The write quirks of api-notes §2 and §5, through the real client and raw HTTP. */
final class WriteQuirksTest {
  private final SandboxFixture f = new SandboxFixture();
  private final SyncroApi api = f.api();
  private final SandboxTicket ticket = f.state().ticketByNumber(32150).orElseThrow();

  @AfterEach
  void tearDown() {
    f.close();
  }

  private static ObjectNode body(String json) {
    try {
      return (ObjectNode) Json.MAPPER.readTree(json);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void comment_flatBody_createsOneAttributedCommentAndAnswersWrapped_R3_R11() {
    WriteResponse r = f.api(SandboxFixture.MARCO).write(SyncroWrite.post("/tickets/" + ticket.id() + "/comment",
        body("{\"subject\":\"Update\",\"body\":\"Line one<br>Line two\",\"hidden\":false,\"do_not_email\":true,"
            + "\"product_id\":26118,\"minutes_spent\":30,\"bill_time_now\":true}"),
        "/comment/id"));

    SandboxComment c = f.state().commentsOf(ticket.id()).get(2);
    assertThat(r.id()).isEqualTo(c.id());
    assertThat(r.body().at("/comment/ticket_id").asLong()).isEqualTo(ticket.id());
    assertThat(c.userId()).isEqualTo(1750L);
    assertThat(c.tech()).isEqualTo("Marco Reyes");
    assertThat(c.body()).isEqualTo("Line one<br>Line two");
    assertThat(c.doNotEmail()).isTrue();
    assertThat(c.emailsCustomer()).isFalse();
    // product_id, minutes_spent and bill_time_now were dropped: nothing was billed.
    assertThat(f.state().lineItemsOf(ticket.id())).isEmpty();
    assertThat(r.body().at("/comment").has("do_not_email")).isFalse();
  }

  @Test
  void comment_wrappedBody_is422BodyAndSubjectBlank_andCreatesNothing_R3() {
    String path = "/tickets/" + ticket.id() + "/comment";

    HttpResponse<String> raw = f.send("POST", path, "{\"comment\":{\"subject\":\"S\",\"body\":\"B\"}}",
        "application/json");

    assertThat(raw.statusCode()).isEqualTo(422);
    assertThat(f.json(raw)).isEqualTo(body(
        "{\"success\":false,\"message\":[\"Body can't be blank\",\"Subject can't be blank\"]}"));
    assertThatThrownBy(() -> api.write(SyncroWrite.post(path, body("{\"comment\":{\"subject\":\"S\",\"body\":\"B\"}}"),
        "/comment/id")))
        .isInstanceOf(SyncroValidationException.class)
        .hasMessageContaining("Body can't be blank; Subject can't be blank");
    assertThat(f.json(f.send("POST", path, "{\"body\":\"B\"}", "application/json")).get("message"))
        .isEqualTo(body("{\"m\":[\"Subject can't be blank\"]}").get("m"));
    assertThat(f.state().commentsOf(ticket.id())).hasSize(2);
  }

  @Test
  void comment_samePostTwice_makesTwoComments_R2() {
    SyncroWrite w = SyncroWrite.post("/tickets/" + ticket.id() + "/comment",
        body("{\"subject\":\"Resolution\",\"body\":\"Fixed\",\"hidden\":true}"), "/comment/id");

    long first = api.write(w).id();
    long second = api.write(w).id();

    assertThat(first).isNotEqualTo(second);
    assertThat(f.state().commentsOf(ticket.id())).filteredOn(c -> c.subject().equals("Resolution")).hasSize(2);
  }

  @Test
  void lineItem_priceOnlyFromPriceRetail_otherPriceFieldsIgnored_isZeroDollars_R6_R10() {
    WriteResponse r = api.write(SyncroWrite.post("/tickets/" + ticket.id() + "/add_line_item",
        body("{\"product_id\":1190473,\"name\":\"Labor - Remote Business\",\"description\":\"Fixed it\","
            + "\"quantity\":0.75,\"price\":150,\"retail_price\":150,\"rate\":150,\"price_cents\":15000,"
            + "\"taxable\":false}"),
        "/id"));

    // Flat, not wrapped.
    assertThat(r.body().get("id").asLong()).isEqualTo(r.id());
    assertThat(r.body().get("price_retail").decimalValue()).isEqualByComparingTo("0");
    assertThat(r.body().get("retail_cents").isNull()).isTrue();
    assertThat(r.body().get("quantity").asText()).isEqualTo("0.75");
    SandboxLineItem li = f.state().lineItemsOf(ticket.id()).get(0);
    assertThat(li.priceRetail()).isNull();
    Ticket t = api.ticket(new TicketId(ticket.id()));
    assertThat(t.lineItems().get(0).priceRetail()).isEqualByComparingTo("0");
  }

  @Test
  void lineItem_withPriceRetail_keepsIt_andTaxableDefaultsToTrue_R6() {
    WriteResponse r = api.write(SyncroWrite.post("/tickets/" + ticket.id() + "/add_line_item",
        body("{\"product_id\":26118,\"name\":\"Labor - Onsite Business\",\"description\":\"Onsite\","
            + "\"quantity\":\"1.5\",\"price_retail\":175.00}"),
        "/id"));

    assertThat(r.body().get("price_retail").decimalValue()).isEqualByComparingTo("175");
    assertThat(r.body().get("retail_cents").asLong()).isEqualTo(17500);
    assertThat(r.body().get("taxable").asBoolean()).isTrue();
    assertThat(f.state().lineItemsOf(ticket.id()).get(0).taxable()).isTrue();
  }

  @Test
  void lineItem_withoutNameAndDescription_is422WithErrorsString() {
    HttpResponse<String> raw = f.send("POST", "/tickets/" + ticket.id() + "/add_line_item",
        "{\"product_id\":26118,\"quantity\":1,\"price_retail\":175}", "application/json");

    assertThat(raw.statusCode()).isEqualTo(422);
    assertThat(f.json(raw)).isEqualTo(body(
        "{\"errors\":\"Name can't be blank, Description can't be blank\",\"params\":{}}"));
    assertThat(f.state().lineItemsOf(ticket.id())).isEmpty();
  }

  @Test
  void updateLineItem_setsPriceRetail_andAnswersTicketLineItemWrapper_R10() {
    long id = api.write(SyncroWrite.post("/tickets/" + ticket.id() + "/add_line_item",
        body("{\"name\":\"Labor\",\"description\":\"d\",\"quantity\":1}"), "/id")).id();

    WriteResponse r = api.write(SyncroWrite.put("/tickets/" + ticket.id() + "/update_line_item",
        body("{\"ticket_line_item_id\":" + id + ",\"price_retail\":150.0,\"taxable\":false}"),
        "/ticket_line_item/id"));

    assertThat(r.id()).isEqualTo(id);
    assertThat(r.body().at("/ticket_line_item/price_retail").decimalValue()).isEqualByComparingTo("150");
    SandboxLineItem li = f.state().lineItemsOf(ticket.id()).get(0);
    assertThat(li.priceRetail()).isEqualByComparingTo("150");
    assertThat(li.taxable()).isFalse();
  }

  @Test
  void createTicket_withoutCustomer_is422CustomerRequired() {
    HttpResponse<String> raw = f.send("POST", "/tickets", "{\"subject\":\"No customer\"}", "application/json");

    assertThat(raw.statusCode()).isEqualTo(422);
    assertThat(f.json(raw)).isEqualTo(body("{\"error\":\"Customer required field\"}"));
  }

  @Test
  void createTicket_withCommentsAttributes_autoNumbersAndCreatesTheInitialComment_R14() {
    int before = f.state().tickets().size();

    WriteResponse r = f.api(SandboxFixture.PRIYA).write(SyncroWrite.post("/tickets", body(
        "{\"customer_id\":" + Seed.KESTREL + ",\"subject\":\"Plotter jams\",\"problem_type\":\"Hardware\","
            + "\"status\":\"New\",\"user_id\":1737,\"priority\":\"3 Low\",\"comments_attributes\":[{"
            + "\"subject\":\"Initial Issue\",\"body\":\"Jams on A1<br>since Monday\",\"hidden\":false,"
            + "\"do_not_email\":true}],\"line_items\":[{\"name\":\"ignored\"}]}"),
        "/ticket/id"));

    JsonNode t = r.body().get("ticket");
    assertThat(f.state().tickets()).hasSize(before + 1);
    assertThat(t.get("number").asLong()).isEqualTo(32209).isNotEqualTo(r.id());
    assertThat(t.get("customer_id").asLong()).isEqualTo(Seed.KESTREL);
    assertThat(t.at("/comments/0/subject").asText()).isEqualTo("Initial Issue");
    assertThat(t.at("/comments/0/tech").asText()).isEqualTo("Priya Natarajan");
    assertThat(t.get("creator_name_or_email").asText()).isEqualTo("Priya Natarajan");
    assertThat(f.state().ticket(r.id()).orElseThrow().createdBy()).isEqualTo(1737L);
    assertThat(t.get("line_items")).isEmpty();
    assertThat(f.state().commentsOf(r.id())).singleElement().satisfies(c -> assertThat(c.doNotEmail()).isTrue());
  }

  @Test
  void updateTicket_setsStatus_andRejectsABlankSubject() {
    WriteResponse r = api.write(SyncroWrite.put("/tickets/" + ticket.id(), body("{\"status\":\"Resolved\"}"),
        "/ticket/id"));

    assertThat(r.body().at("/ticket/status").asText()).isEqualTo("Resolved");
    assertThat(f.state().ticket(ticket.id()).orElseThrow().resolvedAt()).isEqualTo(f.clock.instant());
    HttpResponse<String> blank = f.send("PUT", "/tickets/" + ticket.id(), "{\"subject\":\"\"}", "application/json");
    assertThat(blank.statusCode()).isEqualTo(422);
    assertThat(f.json(blank)).isEqualTo(body("{\"success\":false,\"message\":[\"Subject can't be blank\"]}"));
  }

  @Test
  void timerEntry_withoutStartAt_is422RubyError_R12() {
    HttpResponse<String> raw = f.send("POST", "/tickets/" + ticket.id() + "/timer_entry",
        "{\"duration_minutes\":30}", "application/json");

    assertThat(raw.statusCode()).isEqualTo(422);
    assertThat(f.json(raw)).isEqualTo(body("{\"error\":\"no implicit conversion of nil into String\"}"));
    assertThat(f.state().timers()).isEmpty();
  }

  @Test
  void chargeTimerEntry_createsALineAtTheProductsPrice_R12() {
    WriteResponse timer = f.api(SandboxFixture.MARCO).write(SyncroWrite.post("/tickets/" + ticket.id()
        + "/timer_entry",
        body("{\"start_at\":\"2026-03-04T09:00:00-07:00\",\"duration_minutes\":45,"
            + "\"product_id\":26118,\"notes\":\"Replaced switch\"}"),
        "/id"));
    assertThat(timer.body().get("active_duration").asLong()).isEqualTo(2700);
    assertThat(timer.body().get("recorded").asBoolean()).isFalse();

    WriteResponse charged = api.write(SyncroWrite.post("/tickets/" + ticket.id() + "/charge_timer_entry",
        body("{\"timer_entry_id\":" + timer.id() + "}"), "/id"));

    SandboxLineItem li = f.state().lineItemsOf(ticket.id()).get(0);
    assertThat(charged.body().get("recorded").asBoolean()).isTrue();
    assertThat(charged.body().get("ticket_line_item_id").asLong()).isEqualTo(li.id());
    assertThat(li.quantity()).isEqualByComparingTo("0.75");
    assertThat(li.priceRetail()).isEqualByComparingTo("175.00");
    assertThat(li.name()).isEqualTo("Labor - Onsite Business");
    assertThat(li.description()).isEqualTo("Replaced switch");
    assertThat(li.userId()).isEqualTo(1750L);
  }

  @Test
  void invoice_doesNotPullAnUnchargedTimer_R12() {
    api.write(SyncroWrite.post("/tickets/" + ticket.id() + "/timer_entry",
        body("{\"start_at\":\"2026-03-04T09:00:00Z\",\"duration_minutes\":60}"), "/id"));

    WriteResponse inv = api.write(SyncroWrite.post("/invoices", body("{\"ticket_id\":" + ticket.id()
        + ",\"customer_id\":" + ticket.customerId() + ",\"category\":\"Standard\"}"), "/invoice/id"));

    assertThat(f.state().invoices().stream().filter(i -> i.id() == inv.id()).findFirst().orElseThrow().lines())
        .isEmpty();
    assertThat(inv.body().at("/invoice/total").asText()).isEqualTo("0.0");
  }

  @Test
  void appointment_createNeedsSummaryAndStart_thenMoves_R15() {
    HttpResponse<String> bad = f.send("POST", "/appointments", "{\"description\":\"x\"}", "application/json");
    assertThat(bad.statusCode()).isEqualTo(422);
    assertThat(f.json(bad).get("error").asText())
        .isEqualTo("Summary can't be blank,Start at can't be blank,End at can't be blank");
    assertThat(f.json(bad).get("params")).isEqualTo(body("{\"description\":\"x\"}"));

    WriteResponse created = api.write(SyncroWrite.post("/appointments", body("{\"summary\":\"Onsite visit\","
        + "\"start_at\":\"2026-03-05T16:00:00Z\",\"end_at\":\"2026-03-05T17:30:00Z\",\"ticket_id\":" + ticket.id()
        + ",\"appointment_type_id\":4322}"), "/appointment/id"));
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.body().at("/appointment/customer_id").asLong()).isEqualTo(ticket.customerId());
    assertThat(created.body().at("/appointment/location").asText()).isEqualTo("2200 E Camelback Rd, Phoenix");

    WriteResponse moved = api.write(SyncroWrite.put("/appointments/" + created.id(), body(
        "{\"start_at\":\"2026-03-06T10:00:00-07:00\"}"), "/appointment/id"));

    assertThat(moved.body().at("/appointment/start_at").asText()).isEqualTo("2026-03-06T17:00:00.000Z");
    assertThat(moved.body().at("/appointment/end_at").asText()).isEqualTo("2026-03-06T18:30:00.000Z");
  }

  @Test
  void appointments_customerIdFilter_isIgnoredLikeTheRealOne() {
    JsonNode all = f.getJson("/appointments?date_from=2026-03-02&date_to=2026-03-08");
    JsonNode filtered = f
        .getJson("/appointments?date_from=2026-03-02&date_to=2026-03-08&customer_id=" + Seed.JERRY_BURGER);

    assertThat(filtered).isEqualTo(all);
    assertThat(all.get("appointments")).hasSize(5);
    assertThat(all.at("/appointments/0/appointment/id").isNumber()).isTrue();
  }
}
