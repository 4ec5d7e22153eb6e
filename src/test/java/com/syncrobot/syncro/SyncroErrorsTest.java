package com.syncrobot.syncro;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static com.syncrobot.syncro.TestSyncro.TOKEN_VALUE;
import static com.syncrobot.syncro.TestSyncro.path;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@WireMockTest
final class SyncroErrorsTest {
  private TestSyncro syncro;
  private SyncroApi api;
  private WireMockRuntimeInfo wm;

  @BeforeEach
  void setUp(WireMockRuntimeInfo wm) {
    this.wm = wm;
    syncro = new TestSyncro(wm);
    api = syncro.api();
  }

  /** Every 422 body shape of api-notes §1.5, with the text the technician must see (R17). */
  static Stream<Arguments> validationBodies() {
    return Stream.of(
        Arguments.of("{\"error\": \"Customer required field\"}", "Customer required field"),
        Arguments.of(
            "{\"success\": false, \"message\": [\"Subject can't be blank\"]}",
            "Subject can't be blank"),
        Arguments.of(
            "{\"success\": false, \"message\": [\"Body can't be blank\",\"Subject can't be"
                + " blank\"]}",
            "Body can't be blank; Subject can't be blank"),
        Arguments.of(
            "{\"errors\": \"Name can't be blank, Description can't be blank\", \"params\": {}}",
            "Name can't be blank, Description can't be blank"),
        Arguments.of("{\"errors\":\"Name can't be blank\"}", "Name can't be blank"),
        Arguments.of(
            "{\"success\": false, \"message\": [\"Email is not an email\", \"Phone is invalid\"],"
                + " \"params\": {\"a\": 1}}",
            "Email is not an email; Phone is invalid"),
        Arguments.of(
            "{\"success\": false, \"error\": \"Summary can't be blank,End at can't be blank\","
                + " \"message\": \"Summary can't be blank,End at can't be blank\", \"params\": {}}",
            "Summary can't be blank,End at can't be blank"),
        Arguments.of(
            "{\"record\": {\"id\": null, \"email\": \"x\"}, \"errors\": \"Email is not an email\"}",
            "Email is not an email"),
        Arguments.of(
            "{\"errors\": [\"billable must be true or false\"]}", "billable must be true or false"),
        Arguments.of(
            "{\"error\": \"Validation failed: Item can't be blank, Name can't be blank\"}",
            "Validation failed: Item can't be blank, Name can't be blank"),
        Arguments.of(
            "{\"error\": \"no implicit conversion of nil into String\"}",
            "no implicit conversion of nil into String"),
        Arguments.of(
            "{\"errors\": {\"mute_for\": [\"is not included in the list\"], \"base\": [\"bad\","
                + " \"worse\"]}}",
            "mute_for: is not included in the list; base: bad; worse"),
        // Empty errors fall through to the next key.
        Arguments.of("{\"errors\": [], \"message\": \"Something else\"}", "Something else"));
  }

  @ParameterizedTest
  @MethodSource("validationBodies")
  void status422_eachBodyShape_givesSyncrosOwnMessage_R17(String body, String expected) {
    stubFor(
        post(urlPathEqualTo(path("/tickets/5/comment")))
            .willReturn(
                aResponse()
                    .withStatus(422)
                    .withHeader("Content-Type", "application/json")
                    .withBody(body)));

    SyncroValidationException e = catchThrowableOfType(SyncroValidationException.class, () -> api.write(comment()));

    assertThat(e.syncroMessage()).isEqualTo(expected);
    assertThat(e.status()).isEqualTo(422);
    assertThat(e.method()).isEqualTo("POST");
    assertThat(e.redactedPath()).isEqualTo("/tickets/5/comment");
    assertThat(e.getMessage()).isEqualTo("POST /tickets/5/comment -> 422: " + expected);
  }

  @Test
  void status400WithHtmlPage_givesAShortPlainMessage() {
    stubFor(
        post(urlPathEqualTo(path("/tickets/5/comment")))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "text/html; charset=utf-8")
                    .withBody(
                        "<!DOCTYPE html><html><head><title>Bad"
                            + " Request</title></head><body><h1>400</h1><p>"
                            + "x".repeat(2000)
                            + "</p></body></html>")));

    SyncroValidationException e = catchThrowableOfType(SyncroValidationException.class, () -> api.write(comment()));

    assertThat(e.status()).isEqualTo(400);
    assertThat(e.syncroMessage())
        .isEqualTo("Syncro answered with an HTML error page instead of JSON");
    assertThat(e.getMessage()).doesNotContain("<").doesNotContain("html>");
  }

  @Test
  void status401_isAuthException_carryingSyncrosErrorText_R17() {
    stubFor(
        get(urlPathEqualTo(path("/tickets/5")))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\": \"Not authorized. Please ask account admin to update your"
                            + " group permissions.\"}")));

    SyncroAuthException e = catchThrowableOfType(SyncroAuthException.class, () -> api.ticket(new TicketId(5)));

    assertThat(e.status()).isEqualTo(401);
    assertThat(e.syncroMessage())
        .isEqualTo("Not authorized. Please ask account admin to update your group permissions.");
    assertThat(e.getMessage()).isEqualTo("GET /tickets/5 -> 401 (token refused)");
  }

  @Test
  void status403_isAuthException() {
    stubFor(get(urlPathEqualTo(path("/me"))).willReturn(aResponse().withStatus(403)));

    SyncroAuthException e = catchThrowableOfType(SyncroAuthException.class, () -> api.me());

    assertThat(e.status()).isEqualTo(403);
    assertThat(e.syncroMessage()).isEmpty();
  }

  @Test
  void status404_isNotFound_R17() {
    stubFor(
        get(urlPathEqualTo(path("/invoices/99")))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"message\": \"Not found\"}")));

    assertThatThrownBy(() -> api.invoice(99))
        .isInstanceOf(SyncroNotFoundException.class)
        .hasMessage("GET /invoices/99 -> 404 not found");
  }

  @Test
  void readStatus500_isUnavailable() {
    stubFor(
        get(urlPathEqualTo(path("/me")))
            .willReturn(aResponse().withStatus(502).withBody("Bad gateway")));

    SyncroUnavailableException e = catchThrowableOfType(SyncroUnavailableException.class, () -> api.me());

    assertThat(e.status()).isEqualTo(502);
    assertThat(e.getMessage()).isEqualTo("GET /me failed: HTTP 502");
  }

  @Test
  void readUnparsableBody_isUnavailable() {
    stubFor(
        get(urlPathEqualTo(path("/me")))
            .willReturn(aResponse().withStatus(200).withBody("Disabled")));

    assertThatThrownBy(() -> api.me())
        .isInstanceOf(SyncroUnavailableException.class)
        .hasMessage("GET /me failed: unparsable response body");
  }

  @Test
  void readConnectionReset_isUnavailable() {
    stubFor(
        get(urlPathEqualTo(path("/me")))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    assertThatThrownBy(() -> api.me())
        .isInstanceOf(SyncroUnavailableException.class)
        .hasMessageContaining("GET /me failed");
  }

  @Test
  void readConnectionResetOnce_isTriedOnceMore_andSucceeds() {
    // A read changes nothing: a broken (e.g. stale pooled) connection gets one more try.
    stubFor(get(urlPathEqualTo(path("/me"))).inScenario("stale").whenScenarioStateIs(
        com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("fresh"));
    stubFor(get(urlPathEqualTo(path("/me"))).inScenario("stale").whenScenarioStateIs("fresh")
        .willReturn(okJson("{\"user_id\": 1735, \"user_name\": \"Jane\"}")));

    assertThat(api.me().userId()).isEqualTo(1735);
    verify(2, getRequestedFor(urlPathEqualTo(path("/me"))));
  }

  @Test
  void readTimeout_isUnavailable() {
    SyncroApi shortTimeout = TestSyncro.withShortReadTimeout(wm).api();
    stubFor(
        get(urlPathEqualTo(path("/me")))
            .willReturn(okJson("{\"user_id\": 1}").withFixedDelay(1_500)));

    assertThatThrownBy(shortTimeout::me)
        .isInstanceOf(SyncroUnavailableException.class)
        .hasMessage("GET /me failed: timed out");
  }

  @Test
  void status429ThenOk_resendsOnceAfterRetryAfter() {
    stubFor(
        get(urlPathEqualTo(path("/me")))
            .inScenario("rl")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7"))
            .willSetStateTo("ok"));
    stubFor(
        get(urlPathEqualTo(path("/me")))
            .inScenario("rl")
            .whenScenarioStateIs("ok")
            .willReturn(okJson("{\"user_id\": 1735, \"user_name\": \"Jo\"}")));

    Me me = api.me();

    assertThat(me.userId()).isEqualTo(1735);
    assertThat(syncro.rateLimitSleeper.sleeps()).containsExactly(Duration.ofSeconds(7));
    verify(exactly(2), getRequestedFor(urlPathEqualTo(path("/me"))));
    // The resend took its own permit from the shared budget.
    assertThat(syncro.budget.grantedTotal()).isEqualTo(2);
  }

  @Test
  void status429WithoutRetryAfter_waits60Seconds_evenForWrites() {
    stubFor(
        post(urlPathEqualTo(path("/tickets/5/comment")))
            .inScenario("rl")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(429))
            .willSetStateTo("ok"));
    stubFor(
        post(urlPathEqualTo(path("/tickets/5/comment")))
            .inScenario("rl")
            .whenScenarioStateIs("ok")
            .willReturn(okJson("{\"comment\": {\"id\": 77}}")));

    // A 429 was not processed, so resending a write is safe.
    assertThat(api.write(comment()).id()).isEqualTo(77L);
    assertThat(syncro.rateLimitSleeper.sleeps()).containsExactly(Duration.ofSeconds(60));
    verify(exactly(2), postRequestedFor(urlPathEqualTo(path("/tickets/5/comment"))));
  }

  @Test
  void status429FourTimes_givesRateLimitedAfterThreeResends() {
    stubFor(
        get(urlPathEqualTo(path("/me")))
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")));

    SyncroRateLimitedException e = catchThrowableOfType(SyncroRateLimitedException.class, () -> api.me());

    assertThat(e.status()).isEqualTo(429);
    assertThat(e.getMessage()).isEqualTo("GET /me -> 429 rate limited");
    verify(exactly(4), getRequestedFor(urlPathEqualTo(path("/me"))));
    assertThat(syncro.rateLimitSleeper.sleeps())
        .containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2));
    assertThat(syncro.budget.grantedTotal()).isEqualTo(4);
  }

  @Test
  void everyFailure_keepsTheTokenOutOfMessagesToStringAndCauses_R11() {
    stubFor(
        get(urlPathEqualTo(path("/tickets/1")))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withBody(
                        "{\"error\": \"bad key "
                            + TOKEN_VALUE
                            + " at /tickets/1?api_key="
                            + TOKEN_VALUE
                            + "\"}")));
    stubFor(get(urlPathEqualTo(path("/tickets/2"))).willReturn(aResponse().withStatus(404)));
    stubFor(
        post(urlPathEqualTo(path("/tickets/3/comment")))
            .willReturn(
                aResponse()
                    .withStatus(422)
                    .withBody(
                        "{\"errors\": \"echo api_key="
                            + TOKEN_VALUE
                            + " and "
                            + TOKEN_VALUE
                            + "\"}")));
    stubFor(get(urlPathEqualTo(path("/tickets/4"))).willReturn(aResponse().withStatus(429)));
    stubFor(get(urlPathEqualTo(path("/tickets/5"))).willReturn(aResponse().withStatus(500)));
    stubFor(
        get(urlPathEqualTo(path("/tickets/6")))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    stubFor(
        post(urlPathEqualTo(path("/tickets/7/comment")))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    stubFor(
        post(urlPathEqualTo(path("/tickets/8/comment")))
            .willReturn(okJson("{\"comment\": {\"id\": null}}")));
    stubFor(get(urlPathEqualTo(path("/tickets/9"))).willReturn(okJson("not json " + TOKEN_VALUE)));
    stubFor(
        get(urlPathEqualTo(path("/tickets/10")))
            .willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));
    stubFor(
        get(urlPathEqualTo(path("/tickets/11"))).willReturn(okJson("{}").withFixedDelay(1_500)));
    SyncroApi shortTimeout = TestSyncro.withShortReadTimeout(wm).api();
    SyncroApi nowhere = SyncroClient.builder()
        .baseUrl("http://127.0.0.1:1/api/v1")
        .budget(syncro.budget)
        .connectTimeout(Duration.ofMillis(300))
        .build()
        .as(TestSyncro.TOKEN);

    Stream<Throwable> failures = Stream.of(
        catchThrowableOfType(SyncroException.class, () -> api.ticket(new TicketId(1))),
        catchThrowableOfType(SyncroException.class, () -> api.ticket(new TicketId(2))),
        catchThrowableOfType(SyncroException.class, () -> api.write(comment(3))),
        catchThrowableOfType(SyncroException.class, () -> api.ticket(new TicketId(4))),
        catchThrowableOfType(SyncroException.class, () -> api.ticket(new TicketId(5))),
        catchThrowableOfType(SyncroException.class, () -> api.ticket(new TicketId(6))),
        catchThrowableOfType(SyncroException.class, () -> api.write(comment(7))),
        catchThrowableOfType(SyncroException.class, () -> api.write(comment(8))),
        catchThrowableOfType(SyncroException.class, () -> api.ticket(new TicketId(9))),
        catchThrowableOfType(SyncroException.class, () -> api.ticket(new TicketId(10))),
        catchThrowableOfType(
            SyncroException.class, () -> shortTimeout.ticket(new TicketId(11))),
        catchThrowableOfType(SyncroException.class, nowhere::me));

    assertThat(failures)
        .hasSize(12)
        .allSatisfy(
            t -> {
              assertThat(t).isNotNull();
              StringWriter trace = new StringWriter();
              t.printStackTrace(new PrintWriter(trace));
              assertThat(trace.toString()).doesNotContain(TOKEN_VALUE).doesNotContain("api_key=T");
              assertThat(t.toString()).doesNotContain(TOKEN_VALUE);
              for (Throwable c = t; c != null; c = c.getCause()) {
                assertThat(String.valueOf(c.getMessage())).doesNotContain(TOKEN_VALUE);
              }
              if (t instanceof SyncroValidationException v) {
                assertThat(v.syncroMessage()).doesNotContain(TOKEN_VALUE).contains("***");
              }
              if (t instanceof SyncroAuthException a) {
                assertThat(a.syncroMessage()).doesNotContain(TOKEN_VALUE).contains("***");
              }
            });
  }

  @Test
  void connectionRefused_isUnavailableEvenForAWrite_becauseNothingWasSent() {
    SyncroApi nowhere = SyncroClient.builder()
        .baseUrl("http://127.0.0.1:1/api/v1")
        .budget(syncro.budget)
        .connectTimeout(Duration.ofMillis(300))
        .build()
        .as(TestSyncro.TOKEN);

    assertThatThrownBy(() -> nowhere.write(comment()))
        .isInstanceOf(SyncroUnavailableException.class)
        .hasMessage("POST /tickets/5/comment failed: could not connect; nothing was sent");
  }

  @Test
  void baseUrlWithAKey_isRejectedWithoutEchoingIt() {
    assertThatThrownBy(
        () -> SyncroClient.builder()
            .baseUrl("https://acme.syncromsp.com/api/v1?api_key=" + TOKEN_VALUE)
            .build())
        .isInstanceOf(IllegalArgumentException.class)
        .message()
        .doesNotContain(TOKEN_VALUE);
  }

  private static SyncroWrite comment() {
    return comment(5);
  }

  private static SyncroWrite comment(long ticketId) {
    var body = JsonNodeFactory.instance
        .objectNode()
        .put("subject", "Update")
        .put("body", "Done")
        .put("hidden", true)
        .put("do_not_email", true)
        .put("tech", "Jo");
    return SyncroWrite.post("/tickets/" + ticketId + "/comment", body, "/comment/id");
  }
}
