package com.syncrobot.syncro;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static com.syncrobot.syncro.TestSyncro.TOKEN_VALUE;
import static com.syncrobot.syncro.TestSyncro.path;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import java.math.BigDecimal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@WireMockTest
final class SyncroWriteTest {
  private static final String COMMENT = path("/tickets/9001/comment");
  private TestSyncro syncro;
  private SyncroApi api;
  private WireMockRuntimeInfo wm;

  @BeforeEach
  void setUp(WireMockRuntimeInfo wm) {
    this.wm = wm;
    syncro = new TestSyncro(wm);
    api = syncro.api();
  }

  private static SyncroWrite comment() {
    ObjectNode body = JsonNodeFactory.instance
        .objectNode()
        .put("subject", "Resolution")
        .put("body", "Fixed sync.<br>Tested.")
        .put("hidden", false)
        .put("do_not_email", true)
        .put("tech", "Jo Tech");
    return SyncroWrite.post("/tickets/9001/comment", body, "/comment/id");
  }

  private static RequestPatternBuilder commentPosted() {
    return postRequestedFor(urlPathEqualTo(COMMENT));
  }

  @Test
  void comment_wrappedId_isReturned_andBodyIsSentFlatAsJson_R3() {
    stubFor(
        post(urlPathEqualTo(COMMENT))
            .willReturn(
                okJson(
                    "{\"comment\": {\"id\": 77, \"ticket_id\": 9001, \"subject\": \"Resolution\","
                        + " \"hidden\": false}}")));

    WriteResponse r = api.write(comment());

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.id()).isEqualTo(77L);
    assertThat(r.body().at("/comment/ticket_id").asLong()).isEqualTo(9001);
    verify(
        exactly(1),
        commentPosted()
            .withQueryParam("api_key", equalTo(TOKEN_VALUE))
            .withHeader("Content-Type", equalTo("application/json"))
            .withHeader("Accept", equalTo("application/json"))
            .withRequestBody(
                equalToJson(
                    "{\"subject\": \"Resolution\", \"body\": \"Fixed sync.<br>Tested.\","
                        + " \"hidden\": false, \"do_not_email\": true, \"tech\": \"Jo Tech\"}")));
  }

  @Test
  void addLineItem_flatId_isReturned_andDecimalsAreSentExactly_R6() {
    stubFor(
        post(urlPathEqualTo(path("/tickets/9001/add_line_item")))
            .willReturn(
                okJson(
                    "{\"id\": 501, \"ticket_id\": 9001, \"quantity\": \"0.75\", \"price_retail\":"
                        + " 150.0, \"taxable\": false}")));
    ObjectNode body = JsonNodeFactory.instance
        .objectNode()
        .put("product_id", 1190473)
        .put("name", "Labor - Remote Business")
        .put("description", "Fixed sync")
        .put("quantity", new BigDecimal("0.75"))
        .put("price_retail", new BigDecimal("150.00"))
        .put("taxable", false);

    WriteResponse r = api.write(SyncroWrite.post("/tickets/9001/add_line_item", body, "/id"));

    assertThat(r.id()).isEqualTo(501L);
    verify(
        exactly(1),
        postRequestedFor(urlPathEqualTo(path("/tickets/9001/add_line_item")))
            .withRequestBody(
                equalToJson(
                    "{\"product_id\": 1190473, \"name\": \"Labor - Remote Business\","
                        + " \"description\": \"Fixed sync\", \"quantity\": 0.75, \"price_retail\":"
                        + " 150.00, \"taxable\": false}")));
  }

  @Test
  void connectionReset_isAmbiguous_andNotResent_R2() {
    stubFor(
        post(urlPathEqualTo(COMMENT))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    SyncroAmbiguousWriteException e = catchThrowableOfType(SyncroAmbiguousWriteException.class,
        () -> api.write(comment()));

    assertThat(e.status()).isZero();
    assertThat(e.getMessage())
        .startsWith("POST /tickets/9001/comment outcome unknown: connection failed");
    verify(exactly(1), commentPosted());
  }

  @Test
  void responseSlowerThanReadTimeout_isAmbiguous_andNotResent_R2() {
    SyncroApi shortTimeout = TestSyncro.withShortReadTimeout(wm).api();
    stubFor(
        post(urlPathEqualTo(COMMENT))
            .willReturn(okJson("{\"comment\": {\"id\": 77}}").withFixedDelay(1_500)));

    assertThatThrownBy(() -> shortTimeout.write(comment()))
        .isInstanceOf(SyncroAmbiguousWriteException.class)
        .hasMessage("POST /tickets/9001/comment outcome unknown: timed out");
    verify(exactly(1), commentPosted());
  }

  @Test
  void status500_isAmbiguous_andNotResent_R2() {
    stubFor(post(urlPathEqualTo(COMMENT)).willReturn(aResponse().withStatus(500).withBody("oops")));

    SyncroAmbiguousWriteException e = catchThrowableOfType(SyncroAmbiguousWriteException.class,
        () -> api.write(comment()));

    assertThat(e.status()).isEqualTo(500);
    assertThat(e.getMessage()).isEqualTo("POST /tickets/9001/comment outcome unknown: HTTP 500");
    verify(exactly(1), commentPosted());
  }

  @Test
  void status200WithNonJsonBody_isAmbiguous_andNotResent_R2() {
    stubFor(
        post(urlPathEqualTo(COMMENT))
            .willReturn(aResponse().withStatus(200).withBody("<html>ok</html>")));

    assertThatThrownBy(() -> api.write(comment()))
        .isInstanceOf(SyncroAmbiguousWriteException.class)
        .hasMessage("POST /tickets/9001/comment outcome unknown: unparsable response body");
    verify(exactly(1), commentPosted());
  }

  @Test
  void status200WithNullId_isAmbiguous_andNotResent_R3() {
    stubFor(post(urlPathEqualTo(COMMENT)).willReturn(okJson("{\"comment\": {\"id\": null}}")));

    assertThatThrownBy(() -> api.write(comment()))
        .isInstanceOf(SyncroAmbiguousWriteException.class)
        .hasMessage(
            "POST /tickets/9001/comment outcome unknown: HTTP 200 without an id at /comment/id");
    verify(exactly(1), commentPosted());
  }

  @Test
  void flatBodyReadAtAWrappedPointer_isAmbiguous_R3() {
    // Reading .comment.id of a flat object gives nothing; that is "unknown", never "failed,
    // resend".
    stubFor(
        post(urlPathEqualTo(COMMENT))
            .willReturn(okJson("{\"id\": 77, \"subject\": \"Resolution\"}")));

    assertThatThrownBy(() -> api.write(comment()))
        .isInstanceOf(SyncroAmbiguousWriteException.class);
    verify(exactly(1), commentPosted());
  }

  @Test
  void status204WithIdPointer_isAmbiguous() {
    stubFor(put(urlPathEqualTo(path("/tickets/9001"))).willReturn(aResponse().withStatus(204)));
    ObjectNode body = JsonNodeFactory.instance.objectNode().put("status", "Resolved");

    assertThatThrownBy(() -> api.write(SyncroWrite.put("/tickets/9001", body, "/ticket/id")))
        .isInstanceOf(SyncroAmbiguousWriteException.class);
    verify(exactly(1), putRequestedFor(urlPathEqualTo(path("/tickets/9001"))));
  }

  @Test
  void status204WithoutIdPointer_givesEmptyObjectBody() {
    stubFor(delete(urlPathEqualTo(path("/invoices/66"))).willReturn(aResponse().withStatus(204)));

    WriteResponse r = api.write(SyncroWrite.delete("/invoices/66"));

    assertThat(r.status()).isEqualTo(204);
    assertThat(r.id()).isNull();
    assertThat(r.body().isObject()).isTrue();
    assertThat(r.body().isEmpty()).isTrue();
    verify(
        exactly(1),
        deleteRequestedFor(urlPathEqualTo(path("/invoices/66")))
            .withQueryParam("api_key", equalTo(TOKEN_VALUE)));
  }

  @Test
  void status422_isValidation_notAmbiguous() {
    stubFor(
        post(urlPathEqualTo(COMMENT))
            .willReturn(
                aResponse()
                    .withStatus(422)
                    .withBody("{\"success\": false, \"message\": [\"Body can't be blank\"]}")));

    assertThatThrownBy(() -> api.write(comment())).isInstanceOf(SyncroValidationException.class);
    verify(exactly(1), commentPosted());
  }

  @Test
  void writeWithQueryInPath_keepsTheQueryAndAddsTheToken() {
    stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.patch(
            urlPathEqualTo(path("/ticket_timers/4")))
            .willReturn(okJson("{\"ticket_timer\": {\"id\": 4}}")));

    WriteResponse r = api.write(
        new SyncroWrite("patch", "/ticket_timers/4?billable=true", null, "/ticket_timer/id"));

    assertThat(r.id()).isEqualTo(4L);
    verify(
        exactly(1),
        com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor(
            urlPathEqualTo(path("/ticket_timers/4")))
            .withQueryParam("billable", equalTo("true"))
            .withQueryParam("api_key", equalTo(TOKEN_VALUE))
            .withHeader("Content-Type", equalTo("application/json")));
  }

  @Test
  void syncroWrite_rejectsReadsAbsoluteUrlsAndKeysInThePath() {
    assertThatThrownBy(() -> new SyncroWrite("GET", "/tickets", null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SyncroWrite("POST", "https://evil.example/x", null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SyncroWrite("POST", "/me?api_key=x", null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SyncroWrite("POST", "/tickets", null, "comment/id"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
