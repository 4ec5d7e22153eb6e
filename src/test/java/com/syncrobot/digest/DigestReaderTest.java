package com.syncrobot.digest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.syncrobot.syncro.RequestBudget;
import com.syncrobot.syncro.SyncroApi;
import com.syncrobot.syncro.SyncroAuthException;
import com.syncrobot.syncro.SyncroClient;
import com.syncrobot.syncro.SyncroToken;
import com.syncrobot.syncro.TicketId;
import com.syncrobot.testkit.Clocks;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.threeten.extra.MutableClock;

@WireMockTest
final class DigestReaderTest {
  private final MutableClock clock = Clocks.at("2024-03-11T07:00:00Z");
  private SyncroApi api;

  @BeforeEach
  void setUp(WireMockRuntimeInfo wm) {
    SyncroClient client = SyncroClient.builder()
        .baseUrl(wm.getHttpBaseUrl() + "/api/v1")
        .budget(new RequestBudget(100_000, Clock.systemUTC(), d -> {}))
        .sleeper(d -> {})
        .build();
    api = client.as(new SyncroToken("tok-digest-reader"), RequestBudget.Priority.BACKGROUND);
  }

  static String ticket(long id, String status, Long userId, String techName, String updatedAt) {
    String user = techName == null ? "null" : "{\"id\": " + userId + ", \"full_name\": \"" + techName + "\"}";
    return "{\"id\": " + id + ", \"number\": " + (30_000 + id) + ", \"subject\": \"Subject " + id + "\","
        + " \"status\": \"" + status + "\", \"customer_business_then_name\": \"Customer " + (id % 7) + "\","
        + " \"created_at\": \"2024-01-01T09:00:00Z\", \"updated_at\": \"" + updatedAt + "\","
        + " \"user_id\": " + userId + ", \"user\": " + user + ", \"comments\": []}";
  }

  static String page(List<String> tickets, int page, int totalPages) {
    return "{\"tickets\": [" + String.join(",", tickets) + "], \"meta\": {\"total_pages\": " + totalPages
        + ", \"page\": " + page + "}}";
  }

  /** Stubs 1,000 open tickets on 20 pages of 50 and three Resolved tickets. */
  static void stubThousandOpenTickets() {
    for (int p = 1; p <= 20; p++) {
      List<String> tickets = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        long id = (p - 1) * 50L + i + 1;
        tickets.add(ticket(id, "In Progress", 1735L, null, "2024-03-0" + (1 + id % 9) + "T10:00:00Z"));
      }
      stubFor(get(urlPathEqualTo("/api/v1/tickets")).withQueryParam("status", equalTo("Not Closed"))
          .withQueryParam("page", equalTo(Integer.toString(p))).willReturn(okJson(page(tickets, p, 20))));
    }
    stubFor(get(urlPathEqualTo("/api/v1/tickets")).withQueryParam("status", equalTo("Resolved"))
        .willReturn(okJson(page(List.of(
            ticket(2001, "Resolved", 1750L, "Sam Field", "2024-03-05T10:00:00Z"),
            ticket(2002, "Resolved", 1750L, "Sam Field", "2024-03-06T10:00:00Z"),
            ticket(2003, "Resolved", 1750L, "Sam Field", "2024-03-07T10:00:00Z")), 1, 1))));
    stubFor(get(urlPathEqualTo("/api/v1/users"))
        .willReturn(okJson("{\"users\": [[1735, \"Jane Tech\"], [1750, \"Sam\"]]}")));
    stubFor(get(urlPathMatching("/api/v1/tickets/[0-9]+")).willReturn(okJson(
        "{\"ticket\": {\"id\": 1, \"number\": 1, \"subject\": \"s\", \"status\": \"x\", \"line_items\": []}}")));
    stubFor(get(urlPathEqualTo("/api/v1/tickets/2001")).willReturn(okJson(
        "{\"ticket\": {\"id\": 2001, \"number\": 32001, \"subject\": \"s\", \"status\": \"Resolved\", \"line_items\": ["
            + "{\"id\": 9, \"name\": \"Labor - Onsite Business\", \"description\": \"d\", \"quantity\": \"2.0\","
            + " \"price_retail\": 175.0, \"converted\": false},"
            + "{\"id\": 10, \"name\": \"Fee - Travel Time\", \"description\": \"d\", \"quantity\": \"1.0\","
            + " \"price_retail\": 40.0, \"converted\": true}]}}")));
  }

  @Test
  void read_thousandOpenTickets_walksAllPages_andBoundsDetailReads() {
    stubThousandOpenTickets();

    DigestSnapshot s = new DigestReader(clock, 5).read(api);

    assertThat(s.open()).hasSize(1000);
    assertThat(s.resolved()).hasSize(3);
    for (int p = 1; p <= 20; p++) {
      verify(1, getRequestedFor(urlPathEqualTo("/api/v1/tickets")).withQueryParam("page", equalTo(Integer.toString(p)))
          .withQueryParam("status", equalTo("Not Closed")));
    }
    // Five detail reads, Resolved tickets (oldest first) before open ones.
    verify(5, getRequestedFor(urlPathMatching("/api/v1/tickets/[0-9]+")));
    verify(1, getRequestedFor(urlPathEqualTo("/api/v1/tickets/2001")));
    verify(1, getRequestedFor(urlPathEqualTo("/api/v1/tickets/2003")));
    assertThat(s.chargesChecked()).isEqualTo(5);
    assertThat(s.chargesCandidates()).isEqualTo(1003);
    assertThat(s.uninvoiced()).containsOnlyKeys(new TicketId(2001));
    assertThat(s.uninvoiced().get(new TicketId(2001))).singleElement()
        .satisfies(li -> assertThat(li.name()).isEqualTo("Labor - Onsite Business"));
    // Open tickets carried no tech name, so GET /users filled them in; list names win where present.
    assertThat(s.techNames()).containsEntry(1735L, "Jane Tech");
    assertThat(s.readAt()).isEqualTo(clock.instant());
  }

  @Test
  void read_syncroStopsAnsweringDuringDetailReads_keepsTheListsAndSaysItWasCutShort() {
    stubThousandOpenTickets();
    stubFor(get(urlPathEqualTo("/api/v1/tickets/2002")).willReturn(aResponse().withStatus(503)));

    DigestSnapshot s = new DigestReader(clock, 50).read(api);

    assertThat(s.open()).hasSize(1000);
    assertThat(s.chargesCutShort()).isTrue();
    assertThat(s.chargesChecked()).isEqualTo(1);
  }

  @Test
  void read_tokenRefused_throwsForTheNotice() {
    stubFor(get(urlPathEqualTo("/api/v1/tickets")).willReturn(aResponse().withStatus(401)
        .withHeader("Content-Type", "application/json").withBody("{\"error\": \"Unauthorized\"}")));

    assertThatThrownBy(() -> new DigestReader(clock, 5).read(api)).isInstanceOf(SyncroAuthException.class);
  }
}
