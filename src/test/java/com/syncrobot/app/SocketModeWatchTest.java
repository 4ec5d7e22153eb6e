package com.syncrobot.app;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.syncrobot.testkit.Fixtures.BOT_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.syncrobot.store.ConnectedUserStore;
import com.syncrobot.store.Database;
import com.syncrobot.store.TokenCipher;
import com.syncrobot.syncro.SyncroClient;
import com.syncrobot.testkit.Fixtures;
import com.syncrobot.testkit.JsonFixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Socket Mode tells the truth: the bot in Socket Mode with Bolt's real client, apps.connections.open on WireMock
 * handing out a loopback {@link FakeSocketModeServer}. A refused handshake is a warning and {@code /readyz}
 * reports slack down (no "Connected"); once the server accepts, the client's own retry connects and the bot
 * says so once; a dropped connection is one line and slack down; the reconnection one line and slack up.
 */
class SocketModeWatchTest {
  private static final String APP_TOKEN = "xapp-1-A0FAKE-secret-app-token";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @RegisterExtension
  static WireMockExtension slack = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir
  Path dir;

  @Test
  void refusedThenAcceptedThenDroppedThenBack_logsEachChangeOnceAndReadyzFollows() throws Exception {
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    Logger logger = (Logger) LoggerFactory.getLogger(SocketModeWatch.class);
    Level before = logger.getLevel();
    // The lines under test are at INFO, whatever an earlier test class left the loggers above it at.
    logger.setLevel(Level.INFO);
    logger.addAppender(logs);
    try (FakeSocketModeServer ws = new FakeSocketModeServer();
        Database db = Database.open("jdbc:sqlite:"
            + dir.resolve("bot.db"))) {
      ws.refuse = true;
      slack.stubFor(
          post(urlPathEqualTo("/api/auth.test")).willReturn(okJson(JsonFixtures.load("slack/auth.test.json"))));
      slack.stubFor(post(urlPathEqualTo("/api/apps.connections.open"))
          .willReturn(okJson("{\"ok\":true,\"url\":\"" + ws.url() + "\"}")));
      ConnectedUserStore users = new ConnectedUserStore(db, new TokenCipher(Fixtures.newKey()), Clock.systemUTC());
      SyncroClient client = SyncroClient.builder().baseUrl(slack.baseUrl() + "/api/v1").build();
      BotConfig config = new BotConfig(BOT_TOKEN, null, APP_TOKEN, slack.baseUrl() + "/api/", 0,
          slack.baseUrl() + "/api/v1", "jdbc:sqlite:unused", null, dir.resolve("secret.key"), Duration.ofMinutes(30),
          null, null, List.of());
      BotServer server = BotServer.start(config, "127.0.0.1", db, client, users, Clock.systemUTC());
      try {
        // The first handshake failed: a warning saying what to check, no "Connected", slack down.
        assertThat(messages(logs)).noneMatch(m -> m.contains("Connected"));
        assertThat(messages(logs)).anyMatch(m -> m.startsWith("Could not connect to Slack in Socket Mode")
            && m.contains("SLACK_APP_TOKEN"));
        JsonNode down = readyz(server);
        assertThat(down.path("parts").path("slack").path("up").asBoolean()).isFalse();
        assertThat(down.path("parts").path("slack").path("reason").asText()).startsWith("no Socket Mode connection");
        assertThat(down.toString()).doesNotContain(APP_TOKEN).doesNotContain("ws://");

        ws.refuse = false;
        awaitSlack(server, true);
        assertThat(messages(logs)).filteredOn(m -> m.startsWith("Connected to Slack in Socket Mode")).hasSize(1);

        ws.dropAll();
        JsonNode lost = awaitSlack(server, false);
        assertThat(lost.path("parts").path("slack").path("reason").asText())
            .startsWith("the Socket Mode connection to Slack was lost");
        assertThat(messages(logs)).filteredOn(m -> m.startsWith("Socket Mode connection to Slack lost")).hasSize(1);

        awaitSlack(server, true);
        assertThat(messages(logs)).filteredOn(m -> m.startsWith("Reconnected to Slack in Socket Mode after"))
            .hasSize(1);
        assertThat(messages(logs)).filteredOn(m -> m.startsWith("Connected to Slack in Socket Mode")).hasSize(1);
        assertThat(String.join("\n", messages(logs))).doesNotContain(APP_TOKEN);
      } finally {
        server.stop();
      }
    } finally {
      logger.detachAppender(logs);
      logger.setLevel(before);
    }
  }

  private static List<String> messages(ListAppender<ILoggingEvent> logs) {
    return logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
  }

  private static JsonNode readyz(BotServer server) throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
        + "/readyz")).build(), HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(r.body());
  }

  /** Waits (the client retries every 5 to 10 s) until /readyz reports slack {@code up}. */
  private static JsonNode awaitSlack(BotServer server, boolean up) throws Exception {
    long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    JsonNode r = readyz(server);
    while (r.path("parts").path("slack").path("up").asBoolean() != up) {
      assertThat(System.nanoTime()).as("slack up=" + up + " within 60 s; last: " + r).isLessThan(end);
      Thread.sleep(200);
      r = readyz(server);
    }
    return r;
  }
}
