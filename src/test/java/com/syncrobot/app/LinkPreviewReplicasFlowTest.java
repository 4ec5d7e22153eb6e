package com.syncrobot.app;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.syncrobot.store.Dialect;
import com.syncrobot.syncro.SyncroToken;
import com.syncrobot.testkit.Fixtures;
import com.syncrobot.testkit.Forms;
import com.syncrobot.testkit.TestStores;
import java.nio.file.Path;
import javax.crypto.SecretKey;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two replicas of the bot on one store (two running bots, each with its own handle on one SQLite file or
 * PostgreSQL database) get the same link_shared event, as Slack's retry can reach another replica: the link
 * is previewed once.
 */
final class LinkPreviewReplicasFlowTest {
  static final String SIGNING_SECRET = "replicas-signing-secret-15";
  static final String TOKEN = "T0k3nReplicasSecret15";
  static final String BOT_TOKEN = "xoxb-replicas-bot";

  @RegisterExtension
  static WireMockExtension slack = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @RegisterExtension
  static WireMockExtension syncro = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir
  Path dir;

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void linkSharedRedeliveredToTheOtherReplica_previewedOnce(Dialect dialect) throws Exception {
    slack.stubFor(post(urlPathEqualTo("/api/auth.test")).willReturn(okJson(
        "{\"ok\":true,\"team_id\":\"T0001\",\"user_id\":\"UBOT\",\"bot_id\":\"B0001\"}")));
    slack.stubFor(post(urlPathEqualTo("/api/chat.unfurl")).willReturn(okJson("{\"ok\":true}")));
    slack.stubFor(post(urlPathEqualTo("/api/conversations.info")).willReturn(okJson("{\"ok\":true,\"channel\":"
        + "{\"id\":\"C0LINKS\",\"name\":\"ops\",\"is_channel\":true,\"is_private\":false,\"is_shared\":false,"
        + "\"is_ext_shared\":false,\"is_member\":true}}")));
    syncro.stubFor(get(urlPathEqualTo("/api/v1/tickets/9001"))
        .willReturn(okJson(AmbientFlowTest.ticketDetail(9001, 32164))));
    syncro.stubFor(get(urlPathEqualTo("/api/v1/tickets/9002"))
        .willReturn(okJson(AmbientFlowTest.ticketDetail(9002, 32165))));
    SecretKey key = Fixtures.newKey();
    String store = TestStores.newStore(dialect, dir);
    try (WireMockBot a = new WireMockBot(slack, syncro, dir, store, BOT_TOKEN, SIGNING_SECRET, key);
        WireMockBot b = new WireMockBot(slack, syncro, dir, store, BOT_TOKEN, SIGNING_SECRET, key)) {
      a.users.connect(AmbientFlowTest.USER, 1735, "Jane Tech", new SyncroToken(TOKEN));
      String url = syncro.baseUrl() + "/tickets/9001";
      String shared = AmbientFlowTest.linkShared(url, "1700000100.000100");

      assertThat(a.requests.post(AmbientFlowTest.event("EvLink1", shared), SignedRequests.JSON).statusCode())
          .isEqualTo(200);
      SlackFlowTest.awaitOne(slack, postRequestedFor(urlPathEqualTo("/api/chat.unfurl")));
      // Slack's retry of the same event, and a duplicate with a new event id, both reaching replica B.
      assertThat(b.requests.post(AmbientFlowTest.event("EvLink1", shared), SignedRequests.JSON).statusCode())
          .isEqualTo(200);
      assertThat(b.requests.post(AmbientFlowTest.event("EvLink2", shared), SignedRequests.JSON).statusCode())
          .isEqualTo(200);
      // A new link on B, queued after them: once it is previewed, a preview B queued before would be too.
      String other = syncro.baseUrl() + "/tickets/9002";
      assertThat(b.requests.post(AmbientFlowTest.event("EvLink3", AmbientFlowTest.linkShared(other,
          "1700000200.000200")), SignedRequests.JSON).statusCode()).isEqualTo(200);
      SlackFlowTest.awaitOne(slack, postRequestedFor(urlPathEqualTo("/api/chat.unfurl"))
          .withRequestBody(WireMock.containing("1700000200.000200")));

      assertThat(slack.findAll(postRequestedFor(urlPathEqualTo("/api/chat.unfurl"))))
          .extracting(r -> Forms.decode(r.getBodyAsString()).get("ts"))
          .containsExactlyInAnyOrder("1700000100.000100", "1700000200.000200");
      syncro.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/tickets/9001")));
    }
  }
}
