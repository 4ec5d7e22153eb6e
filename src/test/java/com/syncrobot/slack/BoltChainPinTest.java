package com.syncrobot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.meta.BoltLibraryVersion;
import com.slack.api.bolt.middleware.Middleware;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link SlackBot} builds Bolt's middleware chain by hand (to put its own signature check in); this pins that copy to
 * the Bolt it was copied from, so an upgrade of Bolt shows here what changed in its default chain.
 */
final class BoltChainPinTest {
  /** The Bolt whose {@code App.buildDefaultMiddlewareList} SlackBot's chain mirrors. */
  private static final String MIRRORED_BOLT = "1.51.0";

  /** Bolt's own default chain, by class, for a single-workspace app with a signing secret. */
  private static List<String> boltDefaults(AppConfig config) {
    final class Defaults extends App {
      Defaults() {
        super(config);
      }

      List<Middleware> chain() {
        return buildDefaultMiddlewareList(config);
      }
    }
    return new Defaults().chain().stream().map(m -> m.getClass().getSimpleName()).toList();
  }

  @Test
  void theHandCopiedChain_isBoltsDefaultChain_withOurSignatureCheck() throws Exception {
    // Bolt checks a single-workspace token with auth.test when the app is built: answer it on loopback.
    HttpServer slackApi = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    slackApi.createContext("/", exchange -> {
      byte[] ok = "{\"ok\":true,\"team_id\":\"T0PIN\",\"user_id\":\"U0PIN\",\"bot_id\":\"B0PIN\"}"
          .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, ok.length);
      exchange.getResponseBody().write(ok);
      exchange.close();
    });
    slackApi.start();
    try {
      pin("http://127.0.0.1:" + slackApi.getAddress().getPort() + "/api/");
    } finally {
      slackApi.stop(0);
    }
  }

  private static void pin(String slackApiUrl) {
    SlackConfig slackConfig = new SlackConfig();
    slackConfig.setMethodsEndpointUrlPrefix(slackApiUrl);
    Slack slack = Slack.getInstance(slackConfig);
    AppConfig config = AppConfig.builder()
        .slack(slack)
        .singleTeamBotToken("xoxb-0000-pin-test")
        .signingSecret("pin-test-signing-secret-0123456789")
        .build();

    assertThat(BoltLibraryVersion.get())
        .as("Bolt was upgraded: compare App.buildDefaultMiddlewareList of the new Bolt with SlackBot.middleware,"
            + " carry over what changed, then set MIRRORED_BOLT")
        .isEqualTo(MIRRORED_BOLT);
    assertThat(boltDefaults(config))
        .containsExactly("SSLCheck", "RequestVerification", "SingleTeamAuthorization", "IgnoringSelfEvents");
    List<String> ours = SlackBot.middleware(config, slack, "pin-test-signing-secret-0123456789",
        Clock.systemUTC()).stream().map(m -> m.getClass().getSimpleName()).toList();
    assertThat(ours).containsExactly("SSLCheck", "SlackSignatureCheck", "SingleTeamAuthorization",
        "IgnoringSelfEvents");
  }
}
