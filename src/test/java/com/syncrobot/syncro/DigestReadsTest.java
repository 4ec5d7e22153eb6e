package com.syncrobot.syncro;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static com.syncrobot.syncro.TestSyncro.path;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.syncrobot.testkit.JsonFixtures;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The reads the digest, the Home tab and link previews add to the client. */
@WireMockTest
final class DigestReadsTest {
  private SyncroApi api;

  @BeforeEach
  void setUp(WireMockRuntimeInfo wm) {
    api = new TestSyncro(wm).api();
  }

  private static String ticket(long id, long number, String status, Long userId) {
    return JsonFixtures.load("syncro/digest-ticket.json",
        Map.of("id", id, "number", number, "status", status, "user_id", String.valueOf(userId)));
  }

  @Test
  void ticketsWithStatus_sendsTheStatus_keepsOnlyExactMatches() {
    stubFor(
        get(urlPathEqualTo(path("/tickets")))
            .withQueryParam("status", equalTo("Resolved"))
            .willReturn(
                okJson(
                    "{\"tickets\": ["
                        + ticket(1, 101, "Resolved", 1735L)
                        + ","
                        + ticket(2, 102, "Invoiced", 1735L)
                        + ","
                        + ticket(3, 103, "resolved", null)
                        + "], \"meta\": {\"total_pages\": 1, \"page\": 1}}")));

    List<Ticket> resolved = api.ticketsWithStatus("Resolved");

    assertThat(resolved).extracting(t -> t.number().value()).containsExactly(103L, 101L);
  }

  @Test
  void openTicketsAssignedTo_filtersByUserIdParameterAndAgainLocally() {
    stubFor(
        get(urlPathEqualTo(path("/tickets")))
            .withQueryParam("user_id", equalTo("1735"))
            .withQueryParam("status", equalTo("Not Closed"))
            .willReturn(
                okJson(
                    "{\"tickets\": ["
                        + ticket(1, 101, "New", 1735L)
                        + ","
                        + ticket(2, 102, "In Progress", 1750L)
                        + ","
                        + ticket(3, 103, "Resolved", 1735L)
                        + "], \"meta\": {\"total_pages\": 1, \"page\": 1}}")));

    assertThat(api.openTicketsAssignedTo(1735)).extracting(t -> t.number().value()).containsExactly(101L);
    verify(getRequestedFor(urlPathEqualTo(path("/tickets"))).withQueryParam("user_id", equalTo("1735")));
  }

  @Test
  void uninvoicedLineItems_skipsConvertedAndInvoicedLines() {
    stubFor(
        get(urlPathEqualTo(path("/tickets/9001")))
            .willReturn(
                okJson(JsonFixtures.load("syncro/ticket-9001-resolved-lines.json"))));

    List<LineItem> open = api.uninvoicedLineItems(new TicketId(9001));

    assertThat(open).extracting(LineItem::id).containsExactly(1L, 3L);
    assertThat(open.get(1).priceRetail()).isEqualByComparingTo("19.99");
  }

  @Test
  void invoiceOverview_readsPaidAndDueDate() {
    stubFor(
        get(urlPathEqualTo(path("/invoices/6")))
            .willReturn(
                okJson(JsonFixtures.load("syncro/invoice-6-overview.json"))));

    InvoiceOverview o = api.invoiceOverview(6);

    assertThat(o.paid()).isFalse();
    assertThat(o.invoice().number()).isEqualTo("1682");
    assertThat(o.invoice().total()).isEqualByComparingTo("525.00");
    assertThat(o.dueDate()).isEqualTo(OffsetDateTime.parse("2026-03-15T00:00:00Z"));
  }
}
