package com.syncrobot.app;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.syncrobot.testkit.Fixtures.BOT_TOKEN;
import static com.syncrobot.testkit.Fixtures.SIGNING_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.syncrobot.store.ConnectedUserStore;
import com.syncrobot.store.Database;
import com.syncrobot.store.TokenCipher;
import com.syncrobot.syncro.SyncroClient;
import com.syncrobot.testkit.Clocks;
import com.syncrobot.testkit.Fixtures;
import com.syncrobot.testkit.JsonFixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.threeten.extra.MutableClock;

/**
 * {@code GET /readyz} and {@code GET /healthz} of a running {@link BotServer} (HTTP mode, the real store on a
 * SQLite file, Slack's Web API on WireMock, Syncro on a WireMock server the test can stop), through the real
 * HTTP endpoint, with a clock the test moves: every part up, then the store, Syncro or a scheduler down, each
 * named, and no secret, token or URL in any body.
 */
class ReadinessFlowTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @RegisterExtension
  static WireMockExtension slack = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir
  Path dir;

  private final WireMockServer syncro = new WireMockServer(wireMockConfig().dynamicPort());
  private final MutableClock clock = Clocks.now();
  private final List<String> bodies = new ArrayList<>();
  private Database db;
  private BotServer server;
  private int syncroPort;

  private void start() {
    syncro.start();
    syncroPort = syncro.port();
    slack.stubFor(post(urlPathEqualTo("/api/auth.test")).willReturn(okJson(JsonFixtures.load("slack/auth.test.json"))));
    db = Database.open("jdbc:sqlite:" + dir.resolve("bot.db"));
    ConnectedUserStore users = new ConnectedUserStore(db, new TokenCipher(Fixtures.newKey()), clock);
    SyncroClient client = SyncroClient.builder().baseUrl(syncro.baseUrl() + "/api/v1").sleeper(d -> {}).build();
    BotConfig config = new BotConfig(BOT_TOKEN, SIGNING_SECRET, null, slack.baseUrl() + "/api/", 0,
        syncro.baseUrl() + "/api/v1", "jdbc:sqlite:unused", null, dir.resolve("secret.key"), Duration.ofMinutes(30),
        null, null, List.of());
    server = BotServer.start(config, "127.0.0.1", db, client, users, clock);
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop();
    }
    if (db != null) {
      db.close();
    }
    syncro.stop();
    // Whatever a body said, it never held a secret, a token or an address.
    for (String b : bodies) {
      assertThat(b).doesNotContain(BOT_TOKEN).doesNotContain(SIGNING_SECRET).doesNotContain("xox")
          .doesNotContain("http").doesNotContain("127.0.0.1").doesNotContain(":" + syncroPort);
    }
  }

  private HttpResponse<String> get(String path) throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .build(), HttpResponse.BodyHandlers.ofString());
    bodies.add(r.body());
    return r;
  }

  private JsonNode ready(int status) throws Exception {
    HttpResponse<String> r = get("/readyz");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
    return JSON.readTree(r.body());
  }

  /** The parts, whatever the status: moving the clock makes loops that have not beaten since look overdue too. */
  private JsonNode parts() throws Exception {
    HttpResponse<String> r = get("/readyz");
    assertThat(r.statusCode()).isIn(200, 503);
    return JSON.readTree(r.body()).path("parts");
  }

  @Test
  void everyPartUp_200NamingEachPart() throws Exception {
    start();
    JsonNode r = ready(200);
    assertThat(r.path("status").asText()).isEqualTo("ready");
    List<String> names = new ArrayList<>();
    r.path("parts").fieldNames().forEachRemaining(names::add);
    assertThat(names).contains("store", "slack", "syncro", "plan_runner_heartbeat", "preview_sweeper",
        "notify_scheduler");
    r.path("parts").forEach(p -> assertThat(p.path("up").asBoolean()).as(p.toString()).isTrue());
    assertThat(get("/healthz").body()).isEqualTo("{\"status\":\"ok\"}");
  }

  @Test
  void storeClosed_503NamingTheStore_healthzStill200() throws Exception {
    start();
    ready(200);
    db.close();
    JsonNode r = ready(503);
    assertThat(r.path("status").asText()).isEqualTo("unavailable");
    assertThat(r.path("parts").path("store").path("up").asBoolean()).isFalse();
    assertThat(r.path("parts").path("store").path("reason").asText()).isEqualTo("the database does not answer");
    assertThat(r.path("parts").path("slack").path("up").asBoolean()).isTrue();
    assertThat(get("/healthz").statusCode()).isEqualTo(200);
  }

  @Test
  void syncroSilentLongerThanTheWindow_503NamingSyncro() throws Exception {
    start();
    // Quiet for a whole window, but Syncro answers the probe (WireMock's 404 is an answer): up.
    clock.add(SyncroReach.WINDOW.plusMinutes(1));
    assertThat(parts().path("syncro").path("up").asBoolean()).isTrue();
    syncro.stop();
    clock.add(SyncroReach.WINDOW.minusMinutes(1));
    // Within the window of the last answer: still up, though the probe fails.
    assertThat(parts().path("syncro").path("up").asBoolean()).isTrue();
    clock.add(Duration.ofMinutes(2));
    JsonNode part = ready(503).path("parts").path("syncro");
    assertThat(part.path("up").asBoolean()).isFalse();
    assertThat(part.path("reason").asText()).isEqualTo("no answer from Syncro for 6 min (last try: ConnectException)");
  }

  @Test
  void schedulerStopped_503NamingIt() throws Exception {
    start();
    ready(200);
    server.stopLoop("notify_scheduler");
    JsonNode r = ready(503);
    assertThat(r.path("parts").path("notify_scheduler").toString()).isEqualTo("{\"up\":false,\"reason\":\"stopped\"}");
    assertThat(r.path("parts").path("store").path("up").asBoolean()).isTrue();
    server.stopLoop("plan_runner_heartbeat");
    assertThat(ready(503).path("parts").path("plan_runner_heartbeat").path("reason").asText()).isEqualTo("stopped");
  }

  @Test
  void heartbeatFarOverdue_503NamingIt() throws Exception {
    start();
    ready(200);
    // The heartbeat beats on the real clock's schedule; the test clock jumping past a lease is a heartbeat that
    // has not run for that long.
    // (A beat landing between the jump and the request would hide it: jump again then, a few times at most.)
    JsonNode part = JSON.createObjectNode().put("up", true);
    for (int i = 0; i < 3 && part.path("up").asBoolean(); i++) {
      clock.add(Duration.ofSeconds(31));
      part = parts().path("plan_runner_heartbeat");
    }
    assertThat(part.path("up").asBoolean()).isFalse();
    assertThat(part.path("reason").asText()).startsWith("no round for ").endsWith("(runs every 10 s)");
  }
}
