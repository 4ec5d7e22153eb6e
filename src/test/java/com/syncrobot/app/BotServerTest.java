package com.syncrobot.app;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.syncrobot.store.ConnectedUserStore;
import com.syncrobot.store.Database;
import com.syncrobot.store.TokenCipher;
import com.syncrobot.syncro.SyncroClient;
import com.syncrobot.testkit.Fixtures;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WireMockTest
final class BotServerTest {
  @TempDir
  Path dir;

  private BotConfig config(@Nullable String botToken, @Nullable String signingSecret, @Nullable String syncroUrl,
      String slackApiUrl) {
    return new BotConfig(botToken, signingSecret, null, slackApiUrl, 0, syncroUrl,
        "jdbc:sqlite:" + dir.resolve("data/bot.db"), null, dir.resolve("data/secret.key"), Duration.ofMinutes(30),
        null, null, List.of());
  }

  @Test
  void start_missingBotToken_namesTheVariableAndTouchesNothing() {
    assertThatThrownBy(() -> BotServer.start(config(null, "s", "https://acme.syncromsp.com/api/v1", "http://x/")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("missing required environment variable SLACK_BOT_TOKEN");
    // Checked before the key file or database is created.
    assertThat(dir.resolve("data")).doesNotExist();
  }

  @Test
  void start_httpModeWithoutSigningSecret_namesTheVariable() {
    assertThatThrownBy(() -> BotServer.start(config("xoxb-1", null, "https://acme.syncromsp.com/api/v1", "http://x/")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("SLACK_SIGNING_SECRET");
  }

  @Test
  void start_withoutSyncroBaseUrl_namesTheVariables() {
    assertThatThrownBy(() -> BotServer.start(config("xoxb-1", "s", null, "http://x/")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("SYNCRO_BASE_URL")
        .hasMessageContaining("SYNCRO_SUBDOMAIN");
  }

  @Test
  void start_botTokenRefusedBySlack_stopsWithAPlainMessageWithoutTheToken(WireMockRuntimeInfo wm) {
    wm.getWireMock().register(post(urlPathEqualTo("/api/auth.test"))
        .willReturn(okJson("{\"ok\":false,\"error\":\"invalid_auth\"}")));
    BotConfig config = config("xoxb-wrong-4242", "s", "https://acme.syncromsp.com/api/v1",
        wm.getHttpBaseUrl() + "/api/");
    assertThatThrownBy(() -> BotServer.start(config))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("Slack refused SLACK_BOT_TOKEN (invalid_auth)")
        .hasMessageNotContaining("xoxb-wrong-4242");
    // The production wiring got as far as the store: the token key was generated on first start.
    assertThat(dir.resolve("data/secret.key")).exists();
  }

  @Test
  void start_socketModeAppTokenRefused_stopsNamingTheVariable(WireMockRuntimeInfo wm) throws Exception {
    wm.getWireMock().register(post(urlPathEqualTo("/api/auth.test")).willReturn(okJson(
        "{\"ok\":true,\"team_id\":\"T0001\",\"user_id\":\"UBOT\"}")));
    wm.getWireMock().register(post(urlPathEqualTo("/api/apps.connections.open"))
        .willReturn(okJson("{\"ok\":false,\"error\":\"invalid_auth\"}")));
    BotConfig config = new BotConfig("xoxb-1", null, "xapp-1-A1-secret", wm.getHttpBaseUrl() + "/api/", 0,
        "https://acme.syncromsp.com/api/v1", "jdbc:sqlite:" + dir.resolve("bot.db"), null, dir.resolve("key"),
        Duration.ofMinutes(30), null, null, List.of());
    try (Database db = Database.open(config.dbUrl())) {
      ConnectedUserStore users = new ConnectedUserStore(db, new TokenCipher(Fixtures.newKey()), Clock.systemUTC());
      SyncroClient syncro = SyncroClient.builder().baseUrl("https://acme.syncromsp.com/api/v1").build();
      // Socket Mode needs no signing secret; a refused app token stops the start with a plain message.
      assertThatThrownBy(() -> BotServer.start(config, "127.0.0.1", db, syncro, users, Clock.systemUTC()))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("Socket Mode")
          .hasMessageContaining("invalid_auth")
          .hasMessageContaining("SLACK_APP_TOKEN")
          .hasMessageNotContaining("xapp-1-A1-secret");
    }
  }

  @Test
  void start_portTaken_stopsNamingThePort(WireMockRuntimeInfo wm) throws Exception {
    wm.getWireMock().register(post(urlPathEqualTo("/api/auth.test")).willReturn(okJson(
        "{\"ok\":true,\"team_id\":\"T0001\",\"user_id\":\"UBOT\"}")));
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Database db = Database.open("jdbc:sqlite:" + dir.resolve("bot.db"))) {
      BotConfig config = new BotConfig("xoxb-1", "s", null, wm.getHttpBaseUrl() + "/api/", taken.getLocalPort(),
          "https://acme.syncromsp.com/api/v1", "jdbc:sqlite:unused", null, dir.resolve("key"),
          Duration.ofMinutes(30), null, null, List.of());
      ConnectedUserStore users = new ConnectedUserStore(db, new TokenCipher(Fixtures.newKey()), Clock.systemUTC());
      SyncroClient syncro = SyncroClient.builder().baseUrl("https://acme.syncromsp.com/api/v1").build();
      assertThatThrownBy(() -> BotServer.start(config, "127.0.0.1", db, syncro, users, Clock.systemUTC()))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("cannot listen on 127.0.0.1:" + taken.getLocalPort())
          .hasMessageContaining("PORT");
    }
  }
}
