package com.syncrobot.write;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import java.time.Instant;
import java.util.List;

/** Syncro on WireMock: the few endpoints the write path touches, as the live API shapes them. */
final class SyncroStubs {
  static final String API = "/api/v1";
  static final String COMMENT_PATH = API + "/tickets/" + Plans.TICKET_ID + "/comment";
  static final String COMMENTS_PATH = API + "/tickets/" + Plans.TICKET_ID + "/comments";
  static final String TICKET_PATH = API + "/tickets/" + Plans.TICKET_ID;

  private final WireMockExtension wm;

  SyncroStubs(WireMockExtension wm) {
    this.wm = wm;
  }

  String baseUrl() {
    return wm.baseUrl() + API;
  }

  /** A comment as Syncro lists it. */
  record StoredComment(long id, String subject, String body, Instant createdAt) {
    String json() {
      return "{\"id\":" + id + ",\"subject\":\"" + subject + "\",\"body\":\"" + body
          + "\",\"hidden\":true,\"do_not_email\":true,\"tech\":\"Dana Tech\",\"created_at\":\"" + createdAt + "\"}";
    }
  }

  void commentPostAnswers(ResponseDefinitionBuilder response) {
    wm.stubFor(post(urlPathEqualTo(COMMENT_PATH)).willReturn(response));
  }

  void commentPostCreates(long id) {
    commentPostAnswers(okJson("{\"comment\":{\"id\":" + id + ",\"subject\":\"" + Plans.SUBJECT + "\"}}"));
  }

  void commentPostResets() {
    commentPostAnswers(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
  }

  /** The ticket's comments, all on one page. */
  void comments(StoredComment... comments) {
    String items = String.join(",", List.of(comments).stream().map(StoredComment::json).toList());
    wm.stubFor(get(urlPathEqualTo(COMMENTS_PATH))
        .willReturn(okJson("{\"comments\":[" + items + "],\"meta\":{\"total_pages\":1,\"page\":1}}")));
  }

  void commentsAnswer(ResponseDefinitionBuilder response) {
    wm.stubFor(get(urlPathEqualTo(COMMENTS_PATH)).willReturn(response));
  }

  void statusPutAnswers(ResponseDefinitionBuilder response) {
    wm.stubFor(put(urlPathEqualTo(TICKET_PATH)).willReturn(response));
  }

  void statusPutSucceeds() {
    statusPutAnswers(okJson(ticketJson("Resolved")));
  }

  void ticketShows(String status) {
    wm.stubFor(get(urlPathEqualTo(TICKET_PATH)).willReturn(okJson(ticketJson(status))));
  }

  static String ticketJson(String status) {
    return "{\"ticket\":{\"id\":" + Plans.TICKET_ID + ",\"number\":32203,\"subject\":\"Printer offline\","
        + "\"status\":\"" + status + "\",\"priority\":\"2 Normal\",\"problem_type\":\"Hardware\","
        + "\"customer_id\":77,\"customer_business_then_name\":\"Acme Dental\","
        + "\"created_at\":\"2026-03-01T09:00:00.000Z\",\"updated_at\":\"2026-03-02T15:00:00.000Z\","
        + "\"comments\":[],\"line_items\":[]}}";
  }

  int commentPosts() {
    return wm.findAll(postRequestedFor(urlPathEqualTo(COMMENT_PATH))).size();
  }

  int statusPuts() {
    return wm.findAll(putRequestedFor(urlPathEqualTo(TICKET_PATH))).size();
  }

  int count(RequestPatternBuilder pattern) {
    return wm.findAll(pattern).size();
  }

  static RequestPatternBuilder withToken(RequestPatternBuilder pattern, String token) {
    return pattern.withQueryParam("api_key", equalTo(token));
  }
}
