package com.syncrobot.playground.slack;

import static com.syncrobot.playground.slack.SimFixture.ALICE;
import static com.syncrobot.playground.slack.SimFixture.BOB;
import static com.syncrobot.playground.slack.SlackSimulator.SUPPORT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.syncrobot.playground.slack.FakeBot.Answer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The page's side of the simulator: static files, the long-polled state and the gesture endpoints. */
final class PageApiTest {
  final HttpClient http = HttpClient.newHttpClient();
  SimFixture f;

  @BeforeEach
  void start() throws Exception {
    f = new SimFixture();
  }

  @AfterEach
  void stop() {
    f.close();
  }

  @Test
  void page_andItsScriptAndStyles_areServedByTheSimulatorItself() throws Exception {
    HttpResponse<String> page = get("/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    // Everything local: no CDN, no external script or font.
    assertThat(page.body()).contains("/static/slack.js", "/static/slack.css", "data-testid=\"composer\"")
        .doesNotContain("https://", "http://");
    assertThat(get("/static/slack.js").body()).contains("/sim/state").doesNotContain("https://cdn");
    assertThat(get("/static/slack.css").statusCode()).isEqualTo(200);
    assertThat(get("/nope").statusCode()).isEqualTo(404);
  }

  @Test
  void state_showsEachUserTheirChannelsAndOnlyTheirEphemeralMessages() throws Exception {
    f.bot.on("command", in -> Answer.json("{\"text\":\"just for Alice\"}"));
    f.sim.runSlashCommand(ALICE, SUPPORT, "help");
    JsonNode alice = json(get("/sim/state?user=U0ALICE&since=-1").body());
    JsonNode bob = json(get("/sim/state?user=U0BOB&since=-1").body());
    assertThat(alice.path("channels")).extracting(c -> c.path("id").asText())
        .containsExactly("C0SUPPORT", "C0BILLING", "D0ALICE");
    assertThat(bob.path("channels")).extracting(c -> c.path("id").asText())
        .containsExactly("C0SUPPORT", "C0BILLING", "D0BOB");
    assertThat(alice.path("messages").path("C0SUPPORT").get(0).path("ephemeral").asBoolean()).isTrue();
    assertThat(bob.path("messages").path("C0SUPPORT")).isEmpty();
    assertThat(alice.path("shortcuts")).extracting(s -> s.path("name").asText())
        .containsExactly("Create Syncro ticket", "Add to Syncro ticket");
    assertThat(alice.toString()).doesNotContain(SimFixture.TOKEN, SimFixture.SECRET);
  }

  @Test
  void state_longPollAnswersWhenSomethingChanges() throws Exception {
    long version = json(get("/sim/state?user=U0BOB&since=-1").body()).path("version").asLong();
    CompletableFuture<HttpResponse<String>> waiting = http.sendAsync(
        HttpRequest.newBuilder(URI.create(f.sim.baseUrl() + "/sim/state?user=U0BOB&since=" + version)).build(),
        HttpResponse.BodyHandlers.ofString());
    f.sim.postMessage(ALICE, SUPPORT, "anyone?");
    JsonNode next = json(waiting.get().body());
    assertThat(next.path("version").asLong()).isGreaterThan(version);
    assertThat(next.path("messages").path("C0SUPPORT").get(0).path("text").asText()).isEqualTo("anyone?");
  }

  @Test
  void send_slashCommandOrMessage_andOnlyAsJson() throws Exception {
    HttpResponse<String> cmd = post("/sim/send", "{\"user\":\"U0BOB\",\"channel\":\"C0SUPPORT\","
        + "\"text\":\"/syncro list\"}", "application/json");
    assertThat(json(cmd.body()).path("ack").path("status").asInt()).isEqualTo(200);
    assertThat(f.bot.last("command").json().path("user_id").asText()).isEqualTo(BOB);
    post("/sim/send", "{\"user\":\"U0BOB\",\"channel\":\"C0SUPPORT\",\"text\":\"hello\"}", "application/json");
    assertThat(f.sim.messages(SUPPORT)).extracting(SimMessage::text).containsExactly("hello");
    // A form POST (what another web page could send without a CORS preflight) is refused.
    assertThat(post("/sim/send", "user=U0BOB&channel=C0SUPPORT&text=x", "text/plain").statusCode()).isEqualTo(415);
    HttpResponse<String> stranger = post("/sim/send", "{\"user\":\"U0EVE\",\"channel\":\"C0SUPPORT\",\"text\":\"x\"}",
        "application/json");
    assertThat(stranger.statusCode()).isEqualTo(400);
    assertThat(json(stranger.body()).path("error").asText()).contains("not a demo user");
  }

  HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(f.sim.baseUrl() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, String body, String type) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(f.sim.baseUrl() + path)).header("Content-Type", type)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode json(String s) throws Exception {
    return FakeBot.JSON.readTree(s);
  }
}
