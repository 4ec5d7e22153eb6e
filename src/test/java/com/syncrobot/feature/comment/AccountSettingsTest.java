package com.syncrobot.feature.comment;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.syncrobot.syncro.AccountDataCache;
import com.syncrobot.syncro.SyncroApi;
import com.syncrobot.syncro.SyncroClient;
import com.syncrobot.syncro.SyncroToken;
import com.syncrobot.testkit.Fixtures;
import com.syncrobot.testkit.JsonFixtures;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The account's statuses as two replicas of the bot see them while an admin changes them in Syncro. */
@WireMockTest
final class AccountSettingsTest {
  private final AtomicLong nanos = new AtomicLong();
  private WireMockRuntimeInfo wm;
  private SyncroApi api;

  @BeforeEach
  void setUp(WireMockRuntimeInfo wm) {
    this.wm = wm;
    api = SyncroClient.builder().baseUrl(wm.getHttpBaseUrl() + "/api/v1").build()
        .as(new SyncroToken(Fixtures.SYNCRO_TOKEN));
    wm.getWireMock().register(get(urlPathEqualTo("/api/v1/settings"))
        .willReturn(okJson(JsonFixtures.load("syncro/settings.json"))));
  }

  private void statuses(String json) {
    wm.getWireMock().register(get(urlPathEqualTo("/api/v1/tickets/settings"))
        .willReturn(okJson("{\"ticket_status_list\": " + json + ", \"users\": []}")));
  }

  private void advance(Duration d) {
    nanos.addAndGet(d.toNanos());
  }

  @Test
  void aStatusAnAdminAdds_isOfferedByEveryReplicaWithinTheBound() {
    AccountSettings replicaA = new AccountSettings(nanos::get);
    AccountSettings replicaB = new AccountSettings(nanos::get);
    statuses("[\"New\", \"In Progress\", \"Resolved\"]");
    assertThat(replicaA.get(api).statuses()).containsExactly("New", "In Progress", "Resolved");

    statuses("[\"New\", \"In Progress\", \"Waiting on Customer\", \"Resolved\"]");
    advance(Duration.ofSeconds(20));
    // Replica B reads Syncro now; replica A still has its copy, younger than the bound.
    assertThat(replicaB.get(api).statuses()).contains("Waiting on Customer");
    assertThat(replicaA.get(api).statuses()).doesNotContain("Waiting on Customer");

    advance(AccountDataCache.MAX_AGE.minusSeconds(20));
    assertThat(replicaA.get(api).statuses()).contains("Waiting on Customer");
    assertThat(replicaB.get(api).statuses()).contains("Waiting on Customer");
  }
}
