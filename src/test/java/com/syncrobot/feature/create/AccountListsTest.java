package com.syncrobot.feature.create;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.slack.api.Slack;
import com.syncrobot.slack.SlackZones;
import com.syncrobot.syncro.AccountDataCache;
import com.syncrobot.syncro.Contact;
import com.syncrobot.syncro.SyncroApi;
import com.syncrobot.syncro.SyncroClient;
import com.syncrobot.syncro.SyncroToken;
import com.syncrobot.syncro.SyncroUser;
import com.syncrobot.testkit.Fixtures;
import com.syncrobot.testkit.JsonFixtures;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The account's lists and a customer's contacts in the create modal, as two replicas of the bot see them
 * while someone changes them in Syncro: each replica's copy is used at most {@link AccountDataCache#MAX_AGE}.
 */
@WireMockTest
final class AccountListsTest {
  private final AtomicLong nanos = new AtomicLong();
  private WireMockRuntimeInfo wm;
  private SyncroClient syncro;
  private SyncroApi api;

  @BeforeEach
  void setUp(WireMockRuntimeInfo wm) {
    this.wm = wm;
    syncro = SyncroClient.builder().baseUrl(wm.getHttpBaseUrl() + "/api/v1").build();
    api = syncro.as(new SyncroToken(Fixtures.SYNCRO_TOKEN));
    stub("/tickets/settings", JsonFixtures.load("syncro/tickets-settings.json"));
    stub("/settings", JsonFixtures.load("syncro/settings.json"));
    stub("/appointment_types", JsonFixtures.load("syncro/appointment-types.json"));
  }

  private void stub(String path, String json) {
    wm.getWireMock().register(get(urlPathEqualTo("/api/v1" + path)).willReturn(okJson(json)));
  }

  private void advance(Duration d) {
    nanos.addAndGet(d.toNanos());
  }

  @Test
  void aTechnicianAddedInSyncro_isOfferedByEveryReplicaWithinTheBound() {
    CreateVocabulary replicaA = new CreateVocabulary(nanos::get);
    CreateVocabulary replicaB = new CreateVocabulary(nanos::get);
    stub("/users", "{\"users\": [[1735, \"Jo Tech\"]]}");
    assertThat(replicaA.get(api).techs()).containsExactly(new SyncroUser(1735, "Jo Tech"));

    stub("/users", "{\"users\": [[1735, \"Jo Tech\"], [1800, \"Sam New\"]]}");
    advance(Duration.ofSeconds(45));
    assertThat(replicaB.get(api).techs()).contains(new SyncroUser(1800, "Sam New"));
    assertThat(replicaA.get(api).techs()).doesNotContain(new SyncroUser(1800, "Sam New"));

    advance(AccountDataCache.MAX_AGE.minusSeconds(45));
    assertThat(replicaA.get(api).techs()).contains(new SyncroUser(1800, "Sam New"));
  }

  @Test
  void aContactAddedToTheCustomer_isOfferedWithinTheBound() {
    // customer() queues no work and asks Slack nothing: no work queue is needed.
    CreateForms forms = new CreateForms(syncro, new CreateVocabulary(nanos::get),
        new SlackZones(Slack.getInstance().methods(Fixtures.BOT_TOKEN), nanos::get), null, nanos::get);
    String customer = JsonFixtures.load("syncro/customer-77.json");
    stub("/customers/77", customer);
    assertThat(forms.customer(api, 77).contacts()).extracting(Contact::name).containsExactly("Jerry Burger");

    stub("/customers/77", customer.replace("\"customer_id\": 77}]", "\"customer_id\": 77}, {\"id\": 6, \"name\": "
        + "\"Ann Burger\", \"customer_id\": 77}]"));
    advance(Duration.ofSeconds(30));
    assertThat(forms.customer(api, 77).contacts()).extracting(Contact::name).containsExactly("Jerry Burger");

    advance(AccountDataCache.MAX_AGE.minusSeconds(30));
    assertThat(forms.customer(api, 77).contacts()).extracting(Contact::name)
        .containsExactly("Jerry Burger", "Ann Burger");
  }
}
