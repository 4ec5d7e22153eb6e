package com.syncrobot.playground.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.syncrobot.playground.sandbox.model.SandboxTicket;
import com.syncrobot.playground.sandbox.routes.Json;
import com.syncrobot.syncro.SyncroAuthException;
import com.syncrobot.syncro.SyncroNotFoundException;
import com.syncrobot.syncro.SyncroToken;
import com.syncrobot.syncro.TicketId;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Transport-level behaviour: Content-Type, routing, auth, pagination past the end. */
final class HttpQuirksTest {
  private final SandboxFixture f = new SandboxFixture();
  private final SandboxTicket ticket = f.state().ticketByNumber(32150).orElseThrow();

  @AfterEach
  void tearDown() {
    f.close();
  }

  @Test
  void bodyWithoutJsonContentType_is400HtmlPage_andNothingIsWritten() {
    String path = "/tickets/" + ticket.id() + "/comment";

    HttpResponse<String> none = f.send("POST", path, "{\"subject\":\"S\",\"body\":\"B\"}", null);
    HttpResponse<String> form = f.send("POST", path, "{\"subject\":\"S\",\"body\":\"B\"}",
        "application/x-www-form-urlencoded");

    for (HttpResponse<String> r : java.util.List.of(none, form)) {
      assertThat(r.statusCode()).isEqualTo(400);
      assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).contains("text/html"));
      assertThat(r.body()).startsWith("<!DOCTYPE html>");
    }
    assertThat(f.state().commentsOf(ticket.id())).hasSize(2);
    assertThat(f.send("POST", path, "{not json", "application/json").statusCode()).isEqualTo(400);
  }

  @Test
  void unknownRoute_is404NotFoundJson() {
    HttpResponse<String> r = f.get("/tickets/" + ticket.id() + "/nonsense");

    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(f.json(r)).isEqualTo(Json.obj().put("message", "Not found"));
    assertThat(f.get("/tickets/abc").statusCode()).isEqualTo(404);
    assertThat(f.sendTo(f.sandbox.baseUrl().replace("/api/v1", "/elsewhere"), "GET", null, null, Map.of())
        .statusCode()).isEqualTo(404);
  }

  @Test
  void unknownRecord_is404_forTheClientToo_R17() {
    assertThatThrownBy(() -> f.api().ticket(new TicketId(32150)))
        .isInstanceOf(SyncroNotFoundException.class);
  }

  @Test
  void missingOrUnknownToken_is401ErrorJson_R17() {
    HttpResponse<String> missing = f.sendTo(f.sandbox.baseUrl() + "/me", "GET", null, null, Map.of());
    HttpResponse<String> unknown = f.sendTo(f.sandbox.baseUrl() + "/me?api_key=Tnope", "GET", null, null, Map.of());

    assertThat(missing.statusCode()).isEqualTo(401);
    assertThat(unknown.statusCode()).isEqualTo(401);
    assertThat(f.json(unknown).get("error").asText()).isNotBlank();
    assertThatThrownBy(() -> f.client.as(new SyncroToken("Tdeadbeefdeadbeef-0000")).me())
        .isInstanceOf(SyncroAuthException.class);
  }

  @Test
  void tokenInAuthorizationHeaderOrBody_isAcceptedToo() {
    String token = f.token(SandboxFixture.PRIYA);

    HttpResponse<String> bearer = f.sendTo(f.sandbox.baseUrl() + "/me", "GET", null, null,
        Map.of("Authorization", "Bearer " + token));
    HttpResponse<String> bare = f.sendTo(f.sandbox.baseUrl() + "/me", "GET", null, null,
        Map.of("Authorization", token));
    HttpResponse<String> inBody = f.sendTo(f.sandbox.baseUrl() + "/tickets/" + ticket.id() + "/comment", "POST",
        "{\"api_key\":\"" + token + "\",\"subject\":\"S\",\"body\":\"B\"}", "application/json", Map.of());

    assertThat(f.json(bearer).get("user_id").asLong()).isEqualTo(1737);
    assertThat(f.json(bare).get("user_name").asText()).isEqualTo("Priya Natarajan");
    assertThat(inBody.statusCode()).isEqualTo(200);
    assertThat(f.state().commentsOf(ticket.id()).get(2).userId()).isEqualTo(1737L);
  }

  @Test
  void tickets_pagePastTheEnd_is200WithAnEmptyList() {
    JsonNode first = f.getJson("/tickets?page=1");
    int pages = first.at("/meta/total_pages").asInt();

    JsonNode past = f.getJson("/tickets?page=" + (pages + 1));

    assertThat(first.get("tickets")).hasSize(25);
    assertThat(pages).isEqualTo(2);
    assertThat(f.getJson("/tickets?page=2").get("tickets")).hasSize(5);
    assertThat(past.get("tickets")).isEmpty();
    assertThat(past.at("/meta/page").asInt()).isEqualTo(pages + 1);
  }

  @Test
  void comments_perPageHonouredUpTo100_defaultTen() {
    for (int i = 0; i < 110; i++) {
      f.postJson("/tickets/" + ticket.id() + "/comment", "{\"subject\":\"N" + i + "\",\"body\":\"b\"}");
    }

    JsonNode byDefault = f.getJson("/tickets/" + ticket.id() + "/comments");
    JsonNode big = f.getJson("/tickets/" + ticket.id() + "/comments?per_page=500");

    assertThat(byDefault.get("comments")).hasSize(10);
    assertThat(byDefault.get("meta")).isEqualTo(Json.obj().put("total_pages", 12).put("page", 1).put("per_page", 10));
    assertThat(big.get("comments")).hasSize(100);
    assertThat(big.at("/meta/per_page").asInt()).isEqualTo(100);
    assertThat(f.api().comments(new TicketId(ticket.id()))).hasSize(112);
  }

  @Test
  void customers_longMeta() {
    JsonNode r = f.getJson("/customers?query=a");

    assertThat(r.get("meta").fieldNames()).toIterable()
        .containsExactly("total_pages", "total_entries", "per_page", "page");
    assertThat(r.get("customers").get(0).has("prepay_hours")).isFalse();
  }
}
