package com.syncrobot.syncro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each named write gives exactly the method, path, body (field order and number forms included) and
 * id pointer that plans have always stored: stored plans must read and send the same after a change.
 */
final class SyncroWritesTest {
  private static final TicketId TICKET = new TicketId(9001);
  private static final Instant START = Instant.parse("2026-03-02T15:00:00.750Z");
  private static final Instant END = Instant.parse("2026-03-02T16:30:00Z");

  private static String stored(SyncroWrite w) {
    return w.method() + " " + w.path() + " " + w.body() + " " + w.idPointer();
  }

  @Test
  void comment() {
    assertThat(stored(SyncroWrites.addComment(TICKET, "Resolution", "Fixed.<br>Tested.", false, true, "Jo Tech")))
        .isEqualTo("POST /tickets/9001/comment {\"subject\":\"Resolution\",\"body\":\"Fixed.<br>Tested.\","
            + "\"hidden\":false,\"do_not_email\":true,\"tech\":\"Jo Tech\"} /comment/id");
    assertThat(stored(SyncroWrites.addCommentToCreatedTicket(0, "Initial Issue", "Printer", false, false, "Jo")))
        .isEqualTo("POST /tickets/{{step:0}}/comment {\"subject\":\"Initial Issue\",\"body\":\"Printer\","
            + "\"hidden\":false,\"do_not_email\":false,\"tech\":\"Jo\"} /comment/id");
  }

  @Test
  void ticket() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("status", "Resolved");
    fields.put("priority", "2 Normal");
    assertThat(stored(SyncroWrites.updateTicket(TICKET, fields)))
        .isEqualTo("PUT /tickets/9001 {\"status\":\"Resolved\",\"priority\":\"2 Normal\"} /ticket/id");
    // An assignment sends the user id alone, as a number: nothing else of the ticket changes.
    assertThat(stored(SyncroWrites.assignTicket(TICKET, 1735)))
        .isEqualTo("PUT /tickets/9001 {\"user_id\":1735} /ticket/id");
    assertThat(stored(SyncroWrites.createTicket(new SyncroWrites.NewTicket(new CustomerId(77), "Printer jam",
        "Hardware", "New", "2 Normal", 1735, 12L, LocalDate.of(2026, 3, 9), 40L))))
        .isEqualTo("POST /tickets {\"customer_id\":77,\"subject\":\"Printer jam\",\"problem_type\":\"Hardware\","
            + "\"status\":\"New\",\"priority\":\"2 Normal\",\"user_id\":1735,\"contact_id\":12,"
            + "\"due_date\":\"2026-03-09\",\"asset_ids\":[40]} /ticket/id");
    assertThat(stored(SyncroWrites.createTicket(new SyncroWrites.NewTicket(new CustomerId(77), "Printer jam",
        "Hardware", "New", "2 Normal", 1735, null, null, null))))
        .isEqualTo("POST /tickets {\"customer_id\":77,\"subject\":\"Printer jam\",\"problem_type\":\"Hardware\","
            + "\"status\":\"New\",\"priority\":\"2 Normal\",\"user_id\":1735} /ticket/id");
  }

  @Test
  void lineItems() {
    assertThat(stored(SyncroWrites.addLineItem(TICKET, SyncroWrites.lineItem(1190473, "Labor - Remote Business",
        "Fixed sync", new BigDecimal("0.75"), new BigDecimal("150.00")))))
        .isEqualTo("POST /tickets/9001/add_line_item {\"product_id\":1190473,\"name\":\"Labor - Remote Business\","
            + "\"description\":\"Fixed sync\",\"quantity\":0.75,\"price_retail\":150.00,\"taxable\":false} /id");
    assertThat(stored(SyncroWrites.updateLineItemPrice(TICKET, 501, new BigDecimal("150.00"))))
        .isEqualTo("PUT /tickets/9001/update_line_item {\"ticket_line_item_id\":501,\"price_retail\":150.00}"
            + " /ticket_line_item/id");
  }

  @Test
  void timers() {
    assertThat(stored(SyncroWrites.addTimerEntry(TICKET, Instant.parse("2026-03-02T15:00:00Z"), END, 90, 1190473,
        "Fixed sync", 1735)))
        .isEqualTo("POST /tickets/9001/timer_entry {\"start_at\":\"2026-03-02T15:00:00Z\","
            + "\"end_at\":\"2026-03-02T16:30:00Z\",\"duration_minutes\":90,\"product_id\":1190473,"
            + "\"notes\":\"Fixed sync\",\"user_id\":1735} /id");
    assertThat(stored(SyncroWrites.chargeTimer(TICKET, 4)))
        .isEqualTo("POST /tickets/9001/charge_timer_entry {\"timer_entry_id\":4} /id");
  }

  @Test
  void invoices() {
    assertThat(stored(SyncroWrites.createInvoice(TICKET, new CustomerId(77))))
        .isEqualTo("POST /invoices {\"ticket_id\":9001,\"customer_id\":77,\"category\":\"Standard\"} /invoice/id");
    assertThat(stored(SyncroWrites.deleteInvoice(66))).isEqualTo("DELETE /invoices/66 null null");
    assertThat(SyncroPaths.invoice(66)).isEqualTo("/invoices/66");
    assertThat(SyncroPaths.invoice(SyncroWrites.stepId(2))).isEqualTo("/invoices/{{step:2}}");
  }

  @Test
  void appointments() {
    assertThat(stored(SyncroWrites.createAppointment(new SyncroWrites.NewAppointment("Acme: Printer jam", START,
        END, 55, 0, new CustomerId(77), 1735, true, "Main St 1"))))
        .isEqualTo("POST /appointments {\"summary\":\"Acme: Printer jam\",\"start_at\":\"2026-03-02T15:00:00Z\","
            + "\"end_at\":\"2026-03-02T16:30:00Z\",\"appointment_type_id\":55,\"ticket_id\":\"{{step:0}}\","
            + "\"customer_id\":77,\"user_id\":1735,\"do_not_email\":true,\"user_ids\":[1735],"
            + "\"location\":\"Main St 1\"} /appointment/id");
    assertThat(SyncroWrites.createAppointment(new SyncroWrites.NewAppointment("S", START, END, 55, 0,
        new CustomerId(77), 1735, false, " ")).body().has("location")).isFalse();
    assertThat(stored(SyncroWrites.moveAppointment(31, START, END)))
        .isEqualTo("PUT /appointments/31 {\"start_at\":\"2026-03-02T15:00:00Z\",\"end_at\":\"2026-03-02T16:30:00Z\"}"
            + " /appointment/id");
  }

  @Test
  void readsAndLinks() {
    assertThat(SyncroPaths.ticketsNumbered(new TicketNumber(1042))).isEqualTo("/tickets?number=1042");
    assertThat(SyncroWebLinks.ticket("https://acme.syncromsp.com", TICKET))
        .isEqualTo("https://acme.syncromsp.com/tickets/9001");
    assertThat(SyncroWebLinks.invoice("https://acme.syncromsp.com", 66))
        .isEqualTo("https://acme.syncromsp.com/invoices/66");
    assertThatThrownBy(() -> SyncroWrites.stepId(-1)).isInstanceOf(IllegalArgumentException.class);
  }
}
