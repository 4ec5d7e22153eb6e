package com.syncrobot.playground.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.syncrobot.playground.sandbox.model.SandboxInvoice;
import com.syncrobot.playground.sandbox.model.SandboxInvoiceLine;
import com.syncrobot.playground.sandbox.model.SandboxLineItem;
import com.syncrobot.playground.sandbox.model.SandboxTicket;
import com.syncrobot.playground.sandbox.model.Seed;
import com.syncrobot.playground.sandbox.routes.Json;
import com.syncrobot.syncro.CustomerId;
import com.syncrobot.syncro.Invoice;
import com.syncrobot.syncro.SyncroApi;
import com.syncrobot.syncro.SyncroWrite;
import com.syncrobot.syncro.WriteResponse;
import java.math.BigDecimal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code POST /invoices} from a ticket, prepaid hours, and the DELETE that answers 200 regardless (R9, R10). */
final class InvoiceTest {
  private final SandboxFixture f = new SandboxFixture();
  private final SyncroApi api = f.api();

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

  private SandboxTicket ticket(String subject) {
    return f.state().tickets().stream().filter(t -> t.subject().equals(subject)).findFirst().orElseThrow();
  }

  private long addLine(SandboxTicket t, long product, String qty, String price) {
    return api.write(SyncroWrite.post("/tickets/" + t.id() + "/add_line_item", body("{\"product_id\":" + product
        + ",\"name\":\"Labour\",\"description\":\"Work\",\"quantity\":" + qty + ",\"price_retail\":" + price
        + ",\"taxable\":false}"), "/id")).id();
  }

  private WriteResponse invoice(SandboxTicket t) {
    return api.write(SyncroWrite.post("/invoices", body("{\"ticket_id\":" + t.id() + ",\"customer_id\":"
        + t.customerId() + ",\"category\":\"Standard\"}"), "/invoice/id"));
  }

  @Test
  void invoice_pullsTheTicketsUninvoicedLines_totalsAsStrings_noLinesInTheReply_R9() {
    SandboxTicket t = ticket("Laptop fan loud and overheating");
    addLine(t, Seed.REMOTE, "0.75", "150.00");

    WriteResponse r = invoice(t);

    JsonNode inv = r.body().get("invoice");
    assertThat(inv.has("line_items")).isFalse();
    assertThat(inv.get("total").isTextual()).isTrue();
    assertThat(inv.get("total").asText()).isEqualTo("112.5");
    assertThat(inv.get("subtotal").asText()).isEqualTo("112.5");
    assertThat(inv.get("tax").asText()).isEqualTo("0.0");
    assertThat(inv.get("number").isTextual()).isTrue();
    Invoice read = api.invoice(r.id());
    assertThat(read.lineItems()).singleElement().satisfies(l -> {
      assertThat(l.quantity()).isEqualByComparingTo("0.75");
      assertThat(l.priceRetail()).isEqualByComparingTo("150");
    });
    assertThat(read.total()).isEqualByComparingTo("112.50");
    // The lines stay on the ticket, now marked as invoiced (R9).
    assertThat(f.state().lineItemsOf(t.id())).singleElement().satisfies(li -> assertThat(li.invoiceId())
        .isEqualTo(r.id()));
    assertThat(f.get("/tickets/" + t.id()).body()).contains("\"converted\":true");
    // A second invoice finds nothing left to bill.
    assertThat(invoice(t).body().at("/invoice/total").asText()).isEqualTo("0.0");
  }

  @Test
  void invoice_taxableLine_addsTax() {
    SandboxTicket t = ticket("Replace UPS battery at reception");

    WriteResponse r = invoice(t);

    // 59.00 battery (taxable, 8.6% = 5.07) + 1.0 x 175.00 onsite.
    assertThat(r.body().at("/invoice/subtotal").asText()).isEqualTo("234.0");
    assertThat(r.body().at("/invoice/tax").asText()).isEqualTo("5.07");
    assertThat(r.body().at("/invoice/total").asText()).isEqualTo("239.07");
  }

  @Test
  void invoice_lineWithoutPriceRetail_isTheZeroDollarInvoice_R10() {
    SandboxTicket t = ticket("Printer driver update on partner laptops");

    WriteResponse r = invoice(t);

    assertThat(r.body().at("/invoice/total").asText()).isEqualTo("0.0");
    assertThat(api.invoice(r.id()).lineItems()).singleElement()
        .satisfies(l -> assertThat(l.priceRetail()).isEqualByComparingTo("0"));
  }

  @Test
  void prepaidCustomer_labourInvoicesAtZero_andPrepayHoursDropByTheQuantity_R5_R10() {
    SandboxTicket t = ticket("X-ray workstation can't reach imaging share");
    addLine(t, Seed.ONSITE, "1.5", "175.00");

    WriteResponse r = invoice(t);

    assertThat(r.body().at("/invoice/total").asText()).isEqualTo("0.0");
    assertThat(api.customer(new CustomerId(t.customerId())).prepayHours()).isEqualByComparingTo("8.5");
    assertThat(f.get("/customers/" + t.customerId()).body()).contains("\"prepay_hours\":\"8.5\"");
    assertThat(api.invoice(r.id()).lineItems()).singleElement().satisfies(l -> {
      assertThat(l.quantity()).isEqualByComparingTo("1.5");
      assertThat(l.priceRetail()).isEqualByComparingTo("0");
    });
  }

  @Test
  void prepaidCustomer_moreHoursThanLeft_billsTheRestAtThePrice_andNonLabourIsBilled() {
    SandboxTicket t = ticket("Front desk Wi-Fi dead zone");
    addLine(t, Seed.REMOTE, "12", "150.00");

    WriteResponse r = invoice(t);

    // The access point (129.00, taxable) is not labour; 10 of the 12 hours are prepaid, 2 are billed.
    assertThat(r.body().at("/invoice/subtotal").asText()).isEqualTo("429.0");
    assertThat(r.body().at("/invoice/tax").asText()).isEqualTo("11.09");
    assertThat(f.state().prepayHours(t.customerId())).contains(new BigDecimal("0.0"));
    assertThat(f.state().invoices().stream().filter(i -> i.id() == r.id()).findFirst().orElseThrow().lines())
        .extracting(SandboxInvoiceLine::quantity, SandboxInvoiceLine::prepaidHours)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(new BigDecimal("1.0"), BigDecimal.ZERO),
            org.assertj.core.groups.Tuple.tuple(new BigDecimal("10.0"), new BigDecimal("10.0")),
            org.assertj.core.groups.Tuple.tuple(new BigDecimal("2.0"), BigDecimal.ZERO));
  }

  @Test
  void deleteInvoice_failureKnob_answers200_butTheInvoiceStays_R10() {
    SandboxTicket t = ticket("Laptop fan loud and overheating");
    addLine(t, Seed.REMOTE, "1", "150.00");
    long id = invoice(t).id();
    f.sandbox.knobs().invoiceDeleteFailsSilently(true);

    WriteResponse r = api.write(SyncroWrite.delete("/invoices/" + id));

    assertThat(r.status()).isEqualTo(200);
    assertThat(api.invoice(id).total()).isEqualByComparingTo("150");
    assertThat(f.state().lineItemsOf(t.id())).allMatch(SandboxLineItem::converted);
  }

  @Test
  void deleteInvoice_reallyDeleting_returnsLinesToUninvoiced_andRestoresPrepaidHours_R10() {
    SandboxTicket portal = ticket("Patient portal training for front desk");
    long id = invoice(portal).id();
    assertThat(f.state().prepayHours(portal.customerId())).contains(new BigDecimal("8.0"));

    WriteResponse r = api.write(SyncroWrite.delete("/invoices/" + id));

    assertThat(r.status()).isEqualTo(200);
    assertThat(f.get("/invoices/" + id).statusCode()).isEqualTo(404);
    assertThat(f.state().lineItemsOf(portal.id())).noneMatch(SandboxLineItem::converted);
    assertThat(f.state().prepayHours(portal.customerId())).contains(new BigDecimal("10.0"));
    // Re-invoicing after a fix picks the lines up again.
    assertThat(invoice(portal).body().at("/invoice/total").asText()).isEqualTo("0.0");
    assertThat(f.state().invoicesOf(portal.id())).singleElement().satisfies(i -> assertThat(i.lines()).hasSize(1));
  }

  @Test
  void getInvoice_acceptsTheNumberToo() {
    SandboxInvoice seeded = f.state().invoices().get(0);

    assertThat(api.invoice(Long.parseLong(seeded.number())).id()).isEqualTo(seeded.id());
  }
}
