package com.syncrobot.playground.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.syncrobot.playground.sandbox.model.SandboxTicket;
import com.syncrobot.playground.sandbox.model.Seed;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What incremental polling reads: {@code GET /tickets?since_updated_at=}, {@code updated_at} touched
 * by every write to a ticket or its children, {@code customer_reply}, and comments' {@code user_id}.
 */
final class TicketChangesTest {
  private final SandboxFixture f = new SandboxFixture();

  @AfterEach
  void tearDown() {
    f.close();
  }

  private SandboxTicket ticket(long number) {
    return f.state().ticketByNumber(number).orElseThrow();
  }

  private List<Long> numbersSince(String since) {
    JsonNode r = f.getJson("/tickets?since_updated_at=" + since);
    List<Long> out = new ArrayList<>();
    r.get("tickets").forEach(t -> out.add(t.get("number").asLong()));
    return out;
  }

  private void comment(SandboxTicket t, boolean hidden) {
    HttpResponse<String> r = f.send("POST", "/tickets/" + t.id() + "/comment",
        "{\"subject\":\"Update\",\"body\":\"Checked it.\",\"hidden\":" + hidden + "}", "application/json");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
  }

  @Test
  void sinceUpdatedAt_keepsTicketsUpdatedAtOrAfterIt_boundaryIncluded() {
    f.clock.add(Duration.ofHours(1));
    Instant changed = f.clock.instant();
    comment(ticket(32150), true);
    f.clock.add(Duration.ofMinutes(5));
    comment(ticket(32152), true);

    assertThat(numbersSince(changed.toString())).containsExactly(32152L, 32150L);
    assertThat(numbersSince(changed.plusMillis(1).toString())).containsExactly(32152L);
    // The same instant in the account's offset, as Syncro prints it.
    assertThat(numbersSince("2026-03-04T10:30:00.000-07:00")).containsExactly(32152L, 32150L);
    assertThat(numbersSince(f.clock.instant().plusSeconds(1).toString())).isEmpty();
  }

  @Test
  void sinceUpdatedAt_dateOnly_isMidnightInTheAccountsZone() {
    Instant midnight = Instant.parse("2026-03-04T07:00:00Z");
    Set<Long> expected = f.state().tickets().stream().filter(t -> !t.updatedAt().isBefore(midnight))
        .map(SandboxTicket::number).collect(Collectors.toSet());
    f.sandbox.knobs().ticketsPageSize(100);

    List<Long> got = numbersSince("2026-03-04");

    assertThat(expected).isNotEmpty().hasSizeLessThan(f.state().tickets().size());
    assertThat(got).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(numbersSince("2026-03-05")).isEmpty();
  }

  @Test
  void sinceUpdatedAt_notADate_is422AndSaysWhatToSend() {
    HttpResponse<String> r = f.get("/tickets?since_updated_at=yesterday");

    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(f.json(r).get("error").asText()).contains("since_updated_at", "\"yesterday\"", "2026-03-04");
  }

  @Test
  void sinceUpdatedAt_pagesNewestFirst_eachChangedTicketOnce_evenWhenOneChangesBetweenPages() {
    f.sandbox.knobs().ticketsPageSize(2);
    Instant since = f.clock.instant().plusSeconds(1);
    f.clock.add(Duration.ofMinutes(1));
    List<Long> changed = List.of(32150L, 32152L, 32154L, 32156L, 32158L);
    changed.forEach(n -> comment(ticket(n), true));

    JsonNode first = f.getJson("/tickets?since_updated_at=" + since + "&page=1");
    // A change between pages moves nothing: the order is by number, not by updated_at.
    f.clock.add(Duration.ofMinutes(1));
    comment(ticket(32158), false);
    JsonNode second = f.getJson("/tickets?since_updated_at=" + since + "&page=2");
    JsonNode third = f.getJson("/tickets?since_updated_at=" + since + "&page=3");

    List<Long> seen = new ArrayList<>();
    for (JsonNode page : List.of(first, second, third)) {
      page.get("tickets").forEach(t -> seen.add(t.get("number").asLong()));
    }
    assertThat(seen).containsExactly(32158L, 32156L, 32154L, 32152L, 32150L);
    assertThat(first.at("/meta/total_pages").asInt()).isEqualTo(3);
  }

  @Test
  void everyWriteToATicketOrItsChildren_touchesUpdatedAt() {
    f.sandbox.knobs().rateLimit(1000);
    SandboxTicket t = ticket(32150);
    List<String> writes = List.of(
        "POST /tickets/" + t.id() + "/comment {\"subject\":\"S\",\"body\":\"B\",\"hidden\":true}",
        "POST /tickets/" + t.id() + "/add_line_item {\"name\":\"Labor\",\"description\":\"D\",\"quantity\":1}",
        "PUT /tickets/" + t.id() + " {\"status\":\"Waiting on Customer\"}",
        "PUT /tickets/" + t.id() + " {\"user_id\":" + Seed.MARCO + "}",
        "POST /tickets/" + t.id() + "/timer_entry {\"start_at\":\"2026-03-04T08:00:00-07:00\",\"duration_minutes\":30}",
        "POST /appointments {\"summary\":\"Onsite\",\"start_at\":\"2026-03-05T09:00:00-07:00\","
            + "\"appointment_duration\":60,\"ticket_id\":" + t.id() + "}",
        "POST /invoices {\"customer_id\":" + t.customerId() + ",\"ticket_id\":" + t.id() + "}");
    for (String w : writes) {
      f.clock.add(Duration.ofMinutes(1));
      String[] parts = w.split(" ", 3);
      HttpResponse<String> r = f.send(parts[0], parts[1], parts[2], "application/json");
      assertThat(r.statusCode()).as(w + " → " + r.body()).isBetween(200, 201);
      assertThat(ticket(32150).updatedAt()).as(w).isEqualTo(f.clock.instant());
    }
    long line = f.state().lineItemsOf(t.id()).get(0).id();
    long appointment = f.state().appointments().stream().filter(a -> Long.valueOf(t.id()).equals(a.ticketId()))
        .reduce((a, b) -> b).orElseThrow().id();
    List<String> later = List.of(
        "PUT /tickets/" + t.id() + "/update_line_item {\"ticket_line_item_id\":" + line + ",\"quantity\":2}",
        "PUT /appointments/" + appointment + " {\"start_at\":\"2026-03-05T10:00:00-07:00\"}");
    for (String w : later) {
      f.clock.add(Duration.ofMinutes(1));
      String[] parts = w.split(" ", 3);
      HttpResponse<String> r = f.send(parts[0], parts[1], parts[2], "application/json");
      assertThat(r.statusCode()).as(w + " → " + r.body()).isEqualTo(200);
      assertThat(ticket(32150).updatedAt()).as(w).isEqualTo(f.clock.instant());
    }
  }

  @Test
  void customerReply_trueWhileTheNewestPublicCommentIsTheCustomers() {
    SandboxTicket t = ticket(32150);
    assertThat(listItem(t).get("customer_reply").asBoolean()).isFalse();

    f.clock.add(Duration.ofMinutes(1));
    f.sandbox.customerReply(32150, "Still broken.");
    assertThat(listItem(t).get("customer_reply").asBoolean()).isTrue();
    assertThat(f.getJson("/tickets/" + t.id()).at("/ticket/customer_reply").asBoolean()).isTrue();

    f.clock.add(Duration.ofMinutes(1));
    comment(t, true);
    assertThat(listItem(t).get("customer_reply").asBoolean()).as("an internal note does not answer").isTrue();

    f.clock.add(Duration.ofMinutes(1));
    comment(t, false);
    assertThat(listItem(t).get("customer_reply").asBoolean()).as("a public answer clears it").isFalse();
  }

  @Test
  void comments_carryUserId_nullForTheCustomers() {
    // "Own cloud thing again": the customer wrote in; then Dana answers.
    SandboxTicket t = f.state().tickets().stream().filter(x -> x.subject().equals("Own cloud thing again"))
        .findFirst().orElseThrow();
    comment(t, false);

    JsonNode comments = f.getJson("/tickets/" + t.id() + "/comments?sort_direction=ASC").get("comments");

    assertThat(comments).hasSize(2);
    assertThat(comments.get(0).has("user_id")).isTrue();
    assertThat(comments.get(0).get("user_id").isNull()).isTrue();
    assertThat(comments.get(1).get("user_id").asLong()).isEqualTo(SandboxFixture.DANA);
    assertThat(f.getJson("/tickets/" + t.id()).at("/ticket/comments/0/user_id").isNull()).isTrue();
  }

  private JsonNode listItem(SandboxTicket t) {
    JsonNode list = f.getJson("/tickets?number=" + t.number()).get("tickets");
    assertThat(list).hasSize(1);
    return list.get(0);
  }
}
