package com.syncrobot.syncro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

final class SyncroJsonTest {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  @Test
  void time_parsesUtcAndAnyOffset() {
    assertThat(SyncroJson.time(TextNode.valueOf("2019-11-04T08:59:31.034Z")))
        .isEqualTo(OffsetDateTime.parse("2019-11-04T08:59:31.034Z"));
    assertThat(SyncroJson.time(TextNode.valueOf("2026-02-27T09:15:00.000-07:00")))
        .isEqualTo(OffsetDateTime.parse("2026-02-27T09:15:00-07:00"));
    assertThat(SyncroJson.time(TextNode.valueOf("2026-02-27 09:15:00 -0700")))
        .isEqualTo(OffsetDateTime.parse("2026-02-27T09:15:00-07:00"));
    assertThat(SyncroJson.time(TextNode.valueOf("2026-02-27T09:15:00+05:30")).toInstant())
        .isEqualTo(java.time.Instant.parse("2026-02-27T03:45:00Z"));
  }

  @Test
  void time_dateOnlyIsMidnightUtc_andJunkOrLocalTimeIsNull() {
    assertThat(SyncroJson.time(TextNode.valueOf("2019-02-25")))
        .isEqualTo(OffsetDateTime.parse("2019-02-25T00:00Z"));
    // Without an offset the instant is unknown; guessing would shift due dates by hours.
    assertThat(SyncroJson.time(TextNode.valueOf("2019-02-25T10:00:00"))).isNull();
    assertThat(SyncroJson.time(TextNode.valueOf("Sun 10-20-19 06:28 PM"))).isNull();
    assertThat(SyncroJson.time(F.nullNode())).isNull();
    assertThat(SyncroJson.time(null)).isNull();
  }

  @Test
  void decimal_readsStringsAndNumbersExactly() {
    assertThat(SyncroJson.decimal(TextNode.valueOf("64.99"))).isEqualTo(new BigDecimal("64.99"));
    assertThat(SyncroJson.decimal(TextNode.valueOf(" 1.0 "))).isEqualTo(new BigDecimal("1.0"));
    assertThat(SyncroJson.decimal(F.numberNode(new BigDecimal("262.50")))).isEqualByComparingTo("262.5");
    assertThat(SyncroJson.decimal(F.numberNode(15))).isEqualByComparingTo("15");
    assertThat(SyncroJson.decimal(TextNode.valueOf(""))).isNull();
    assertThat(SyncroJson.decimal(F.nullNode())).isNull();
    assertThatThrownBy(() -> SyncroJson.decimal(TextNode.valueOf("$1.00")))
        .isInstanceOf(SyncroJson.ShapeException.class);
  }

  @Test
  void user_readsPairsAndObjects() {
    JsonNode pair = F.arrayNode().add(1735).add("Jo Tech");
    JsonNode object = F.objectNode().put("id", 1750).put("full_name", "Sam Tech");

    assertThat(SyncroJson.user(pair)).isEqualTo(new SyncroUser(1735, "Jo Tech"));
    assertThat(SyncroJson.user(object)).isEqualTo(new SyncroUser(1750, "Sam Tech"));
    assertThatThrownBy(() -> SyncroJson.user(F.arrayNode().add("x"))).isInstanceOf(SyncroJson.ShapeException.class);
  }

  @Test
  void lineItem_updateLineItemWrapper_isUnwrapped() {
    JsonNode body = F.objectNode()
        .set(
            "ticket_line_item",
            F.objectNode()
                .put("id", 3)
                .put("name", "Updated")
                .put("quantity", "1.0")
                .put("price_retail", 100));

    LineItem li = SyncroJson.lineItem(body);

    assertThat(li.id()).isEqualTo(3);
    assertThat(li.priceRetail()).isEqualByComparingTo("100");
  }

  @Test
  void ticket_listShape_usesListFieldsAndUserFullName() {
    JsonNode t = F.objectNode()
        .put("id", 10)
        .put("number", "32164")
        .put("subject", "Own cloud thing again")
        .put("status", "New")
        .put("customer_business_then_name", "Jerry Burger")
        .put("user_id", 1735)
        .set("user", F.objectNode().put("id", 1735).put("full_name", "Jo Tech"));

    Ticket ticket = SyncroJson.ticket(t);

    assertThat(ticket.number()).isEqualTo(new TicketNumber(32164));
    assertThat(ticket.customerName()).isEqualTo("Jerry Burger");
    assertThat(ticket.assignedTechName()).isEqualTo("Jo Tech");
    assertThat(ticket.comments()).isEmpty();
    assertThat(ticket.lineItems()).isEmpty();
  }

  @Test
  void ticket_isOpen_excludesResolvedInvoicedClosedInAnyCase() {
    JsonNode base = F.objectNode().put("id", 1).put("number", 1);
    for (String closed : new String[] {"Resolved", "invoiced", " CLOSED "}) {
      assertThat(
          SyncroJson.ticket(
              ((com.fasterxml.jackson.databind.node.ObjectNode) base.deepCopy())
                  .put("status", closed))
              .isOpen())
          .as(closed)
          .isFalse();
    }
    for (String open : new String[] {
        "New", "In Progress", "Waiting on Customer", "Waiting on Vendor", "Scheduled"
    }) {
      assertThat(
          SyncroJson.ticket(
              ((com.fasterxml.jackson.databind.node.ObjectNode) base.deepCopy())
                  .put("status", open))
              .isOpen())
          .as(open)
          .isTrue();
    }
  }
}
