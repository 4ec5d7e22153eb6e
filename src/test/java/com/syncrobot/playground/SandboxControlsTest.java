package com.syncrobot.playground;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import com.syncrobot.playground.sandbox.SyncroSandbox;
import com.syncrobot.playground.sandbox.model.SandboxState;
import com.syncrobot.playground.sandbox.model.SandboxTicket;
import com.syncrobot.testkit.Clocks;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The page's sandbox panel forwards the customer activity buttons to the sandbox, JSON only. */
final class SandboxControlsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SyncroSandbox sandbox;
  private final HttpServer page;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  SandboxControlsTest() throws IOException {
    sandbox = SyncroSandbox.start("127.0.0.1", 0, Clocks.at(Instant.parse("2026-03-04T16:30:00Z")));
    page = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    page.createContext(Playground.SANDBOX_ROUTE, new SandboxControls(sandbox, Playground.SANDBOX_ROUTE));
    page.start();
  }

  @AfterEach
  void tearDown() {
    page.stop(0);
    sandbox.stop();
  }

  private HttpResponse<String> post(String path, String body, String contentType) throws Exception {
    HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + page.getAddress().getPort()
        + Playground.SANDBOX_ROUTE + path)).timeout(Duration.ofSeconds(5)).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    return http.send(r, HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> r) throws IOException {
    return JSON.readTree(r.body());
  }

  @Test
  void customerReply_isForwarded_andAnswersInWords() throws Exception {
    HttpResponse<String> r = post("customer-reply", "{\"number\": 32150}", "application/json");

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(json(r).get("message").asText())
        .isEqualTo("Lena Ortiz (Canyon Dental Group) replied on #32150; its status is now Customer Reply");
    assertThat(sandbox.state().ticketByNumber(32150).orElseThrow().status()).isEqualTo("Customer Reply");
  }

  @Test
  void newTicket_isForwarded_andAnswersInWords() throws Exception {
    HttpResponse<String> r = post("new-ticket", "{\"customer\": \"Ocotillo Veterinary Clinic\","
        + " \"subject\": \"Label printer jams\"}", "application/json; charset=utf-8");

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    long number = json(r).at("/ticket/number").asLong();
    assertThat(json(r).get("message").asText())
        .isEqualTo("Ticket #" + number + " created for Ocotillo Veterinary Clinic");
    SandboxTicket t = sandbox.state().ticketByNumber(number).orElseThrow();
    assertThat(t.subject()).isEqualTo("Label printer jams");
  }

  @Test
  void refusals_passThroughWithTheSandboxsWords() throws Exception {
    HttpResponse<String> unknown = post("customer-reply", "{\"number\": 99}", "application/json");
    HttpResponse<String> customer = post("new-ticket", "{\"customer\": \"Acme Dental\"}", "application/json");

    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(json(unknown).get("error").asText()).startsWith("Unknown ticket #99: ");
    assertThat(customer.statusCode()).isEqualTo(404);
    assertThat(json(customer).get("error").asText()).startsWith("Unknown customer \"Acme Dental\"");
  }

  @Test
  void nonJson_isRefused_andChangesNothing() throws Exception {
    SandboxState before = sandbox.state();

    HttpResponse<String> form = post("customer-reply", "number=32150", "application/x-www-form-urlencoded");
    HttpResponse<String> text = post("new-ticket", "{\"customer\": \"Kestrel\"}", "text/plain");

    assertThat(form.statusCode()).isEqualTo(415);
    assertThat(text.statusCode()).isEqualTo(415);
    assertThat(json(text).get("error").asText()).isEqualTo("send application/json");
    assertThat(sandbox.state()).isEqualTo(before);
  }

  @Test
  void otherAdminRoutes_stayUnreachable() throws Exception {
    HttpResponse<String> r = post("ticket-change", "{\"number\": 32150, \"status\": \"Closed\"}", "application/json");

    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(sandbox.state().ticketByNumber(32150).orElseThrow().status()).isEqualTo("In Progress");
  }

  @Test
  void status_namesTheCustomers_forThePicker() throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
        + page.getAddress().getPort() + Playground.SANDBOX_ROUTE + "status")).GET().build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(json(r).get("customers")).extracting(JsonNode::asText)
        .contains("Canyon Dental Group", "Jerry Burger", "Ocotillo Veterinary Clinic");
  }
}
