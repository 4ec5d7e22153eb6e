package com.syncrobot.app;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.syncrobot.syncro.SyncroClient;
import com.syncrobot.syncro.SyncroToken;
import com.syncrobot.testkit.Clocks;
import com.syncrobot.testkit.Fixtures;
import com.syncrobot.testkit.JsonFixtures;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.threeten.extra.MutableClock;

/** {@link SyncroReach} on the Syncro client's own answers, and its probe only when the client has been quiet. */
class SyncroReachTest {
  @RegisterExtension
  static WireMockExtension syncro = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final MutableClock clock = Clocks.now();

  @Test
  void theClientsOwnAnswers_keepSyncroUpWithoutAProbe() {
    syncro.stubFor(get(urlPathEqualTo("/api/v1/me")).willReturn(okJson(JsonFixtures.load("syncro/me.json"))));
    SyncroReach reach = new SyncroReach(syncro.baseUrl() + "/api/v1", clock);
    SyncroClient client = SyncroClient.builder().baseUrl(syncro.baseUrl() + "/api/v1").observer(reach).build();
    clock.add(Duration.ofMinutes(4));
    client.as(new SyncroToken(Fixtures.SYNCRO_TOKEN)).me();
    clock.add(Duration.ofMinutes(2));
    // Six minutes since the start, two since the client's answer: up, and no probe was needed.
    assertThat(reach.state().up()).isTrue();
    syncro.verify(0, anyRequestedFor(anyUrl()).withQueryParam("api_key", absent()));
  }

  @Test
  void answers500_areNotAnAnswer_downAfterTheWindowNamingTheStatus() {
    syncro.stubFor(get(anyUrl()).willReturn(serverError()));
    SyncroReach reach = new SyncroReach(syncro.baseUrl() + "/api/v1", clock);
    assertThat(reach.state().up()).isTrue();
    clock.add(SyncroReach.WINDOW.plusSeconds(1));
    Readiness.State s = reach.state();
    assertThat(s.up()).isFalse();
    assertThat(s.reason())
        .isEqualTo("no answer from Syncro since the bot started 5 min ago (last try: it answered 500)");
    syncro.verify(2, anyRequestedFor(anyUrl()).withQueryParam("api_key", absent()));
  }
}
