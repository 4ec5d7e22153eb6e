package com.syncrobot.app;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.syncrobot.testkit.Fixtures.SECRET_SYNCRO_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.syncrobot.testkit.JsonFixtures;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `rates list`, `rates set` and doctor's rate drift check, on a real SQLite file with Syncro on WireMock. */
@WireMockTest
final class RatesCliTest {
  private static final String ME = JsonFixtures.load("syncro/me-jane.json");
  private static final Object[][] BRIEF = {
      {1190473, "Labor - Remote Business", "150.0"},
      {26118, "Labor - Onsite Business", "175.0"},
      {26184, "Labor - Emergency or After Hours Business", "262.5"},
      {9269129, "Labor - Prepaid Project Labor", "0.0"},
      {9269124, "Labor - Internal Labor", "0.0"},
      {26117, "Fee - Travel Time", "40.0"},
      {68055, "Labor - Website Labor", "150.0"}};

  @TempDir
  Path dir;
  private CliRun cli;
  private WireMockRuntimeInfo wm;

  @BeforeEach
  void setUp(WireMockRuntimeInfo wm) {
    this.wm = wm;
    cli = new CliRun(wm, dir);
    // The store as the bot's first start leaves it: `rates list` and `doctor` only read an existing one.
    Storage.open(BotConfig.fromEnv(cli.env), Clock.systemUTC()).close();
  }

  private void product(long id, String name, String price) {
    wm.getWireMock().register(get(urlPathEqualTo("/api/v1/products/" + id)).willReturn(okJson(
        "{\"product\": {\"id\": " + id + ", \"name\": \"" + name + "\", \"price_retail\": " + price
            + ", \"taxable\": true, \"disabled\": false}}")));
  }

  private void connectTechAndSlack() {
    wm.getWireMock().register(get(urlPathEqualTo("/api/v1/me")).willReturn(okJson(ME)));
    assertThat(cli.run(SECRET_SYNCRO_TOKEN, "users", "add", "--slack-user", "U04ABCDEF")).isZero();
    cli.env.put(BotConfig.SLACK_BOT_TOKEN, "xoxb-test-doctor-token");
    cli.env.put(BotConfig.SLACK_SIGNING_SECRET, "signing-secret-for-doctor");
    wm.getWireMock().register(post(urlPathEqualTo("/slack/api/auth.test"))
        .willReturn(okJson("{\"ok\":true,\"user\":\"syncro\",\"team\":\"Acme IT\",\"user_id\":\"UBOT\"}")));
  }

  @Test
  void ratesList_showsTheSeededTable() {
    int code = cli.run("", "rates", "list");

    assertThat(code).isZero();
    assertThat(cli.out()).contains("TYPE", "PRODUCT", "PRICE")
        .containsPattern("remote +1190473 +Labor - Remote Business +150.00  hour")
        .containsPattern("emergency +26184 +Labor - Emergency or After Hours Business +262.50  hour")
        .containsPattern("project +9269129 +Labor - Prepaid Project Labor +0.00  hour")
        .containsPattern("travel +26117 +Fee - Travel Time +40.00  trip");
    assertThat(cli.out().lines().count()).isEqualTo(8);
  }

  @Test
  void ratesSet_changesOneRateAndSaysWhatItWas() {
    int code = cli.run("", "rates", "set", "Emergency", "--product", "26184", "--price", "275.00", "--name",
        "Labor - Emergency or After Hours Business");

    assertThat(code).isZero();
    assertThat(cli.out()).contains("emergency: Labor - Emergency or After Hours Business (26184) at 275.00 per hour"
        + " (was Labor - Emergency or After Hours Business (26184) at 262.50 per hour)");
    cli.run("", "rates", "list");
    assertThat(cli.out()).containsPattern("emergency +26184 +Labor - Emergency or After Hours Business +275.00  hour");
  }

  @Test
  void ratesSet_unitDefaultsToTheTypesCurrentOne_andCanBeGiven() {
    assertThat(cli.run("", "rates", "set", "travel", "--product", "26117", "--price", "45", "--name",
        "Fee - Travel Time")).isZero();
    assertThat(cli.out()).contains("at 45.00 per trip");
    assertThat(cli.run("", "rates", "set", "website", "--product", "68055", "--price", "99.00", "--name", "Web",
        "--unit", "trip")).isZero();
    assertThat(cli.out()).contains("Web (68055) at 99.00 per trip");
  }

  @Test
  void ratesSet_badInput_eachGetsItsOwnMessageAndNothingChanges() {
    String name = "Labor - Remote Business";
    assertThat(cli.run("", "rates", "set", "afterhours", "--product", "1", "--price", "1.00", "--name", name))
        .isEqualTo(2);
    assertThat(cli.err()).contains("unknown labour type 'afterhours': choose one of remote, onsite, emergency, project,"
        + " internal, travel, website. Nothing was changed.");

    assertThat(cli.run("", "rates", "set", "remote", "--product", "0", "--price", "1.00", "--name", name)).isEqualTo(2);
    assertThat(cli.err()).contains("--product must be a positive Syncro product id, e.g. 1190473; got '0'");
    assertThat(cli.run("", "rates", "set", "remote", "--product", "abc", "--price", "1.00", "--name", name))
        .isEqualTo(2);
    assertThat(cli.err()).contains("got 'abc'");

    assertThat(cli.run("", "rates", "set", "remote", "--product", "1190473", "--price=-5.00", "--name", name))
        .isEqualTo(2);
    assertThat(cli.err()).contains("--price cannot be negative; got -5.00");
    assertThat(cli.run("", "rates", "set", "remote", "--product", "1190473", "--price", "150.005", "--name", name))
        .isEqualTo(2);
    assertThat(cli.err()).contains("--price has more than 2 decimals (150.005)");
    assertThat(cli.run("", "rates", "set", "remote", "--product", "1190473", "--price", "1e2", "--name", name))
        .isEqualTo(2);
    assertThat(cli.err()).contains("--price must be an amount like 150.00; got '1e2'");

    assertThat(cli.run("", "rates", "set", "remote", "--product", "1190473", "--price", "150.00", "--name", "  "))
        .isEqualTo(2);
    assertThat(cli.err()).contains("--name must not be empty");

    assertThat(cli.run("", "rates", "set", "onsite", "--product", "26118", "--price", "175.00", "--name", "x",
        "--unit", "trip")).isEqualTo(2);
    assertThat(cli.err()).contains("onsite labour must be billed by the hour");

    assertThat(cli.run("", "rates", "set", "website", "--product", "26118", "--price", "150.00", "--name", "Web"))
        .isEqualTo(2);
    assertThat(cli.err()).contains("product 26118 is listed for onsite");

    cli.run("", "rates", "list");
    assertThat(cli.out()).containsPattern("remote +1190473 +Labor - Remote Business +150.00  hour")
        .containsPattern("website +68055 +Labor - Website Labor +150.00  hour");
  }

  @Test
  void ratesSet_repairsARowDeletedByHand() throws Exception {
    cli.run("", "rates", "list");
    try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("bot.db"));
        var st = c.createStatement()) {
      st.execute("DELETE FROM labour_rates WHERE labour_type = 'travel'");
    }

    assertThat(cli.run("", "rates", "set", "travel", "--product", "26117", "--price", "40.00", "--name",
        "Fee - Travel Time")).isZero();
    assertThat(cli.out()).contains("travel: Fee - Travel Time (26117) at 40.00 per trip.");
  }

  @Test
  void doctor_livePriceDrifted_warnsAndKeepsTheTablesPrice() {
    connectTechAndSlack();
    for (Object[] p : BRIEF) {
      product(((Number) p[0]).longValue(), (String) p[1], (String) p[2]);
    }
    product(26184, "Labor - Emergency or After Hours Business", "275.0");

    int code = cli.run("", "doctor");

    assertThat(cli.out()).contains("[WARN] rates: emergency: Syncro's product 26184 price is 275.00, the table says"
        + " 262.50; the bot keeps billing 262.50 until you run `rates set`")
        .contains("All checks passed. 1 warning(s) above.").doesNotContain(SECRET_SYNCRO_TOKEN);
    assertThat(code).isZero();
    // The token used is the connected technician's own.
    assertThat(wm.getWireMock().find(getRequestedFor(urlPathMatching("/api/v1/products/.*"))))
        .hasSize(7)
        .allSatisfy(r -> assertThat(r.queryParameter("api_key").firstValue()).isEqualTo(SECRET_SYNCRO_TOKEN));
    cli.run("", "rates", "list");
    assertThat(cli.out()).containsPattern("emergency +26184 +Labor - Emergency or After Hours Business +262.50  hour");
  }

  @Test
  void doctor_allRatesMatch_saysSo() {
    connectTechAndSlack();
    for (Object[] p : BRIEF) {
      product(((Number) p[0]).longValue(), (String) p[1], (String) p[2]);
    }

    cli.run("", "doctor");

    assertThat(cli.out()).contains("[ok]   rates: all 7 labour rates match Syncro's products (checked with the token of"
        + " Jane Tech)").contains("All checks passed.").doesNotContain("[WARN]");
  }

  @Test
  void doctor_missingProductOrNoPermission_warns() {
    connectTechAndSlack();
    for (Object[] p : BRIEF) {
      product(((Number) p[0]).longValue(), (String) p[1], (String) p[2]);
    }
    wm.getWireMock().register(get(urlPathEqualTo("/api/v1/products/26117")).willReturn(aResponse().withStatus(404)));

    cli.run("", "doctor");
    assertThat(cli.out()).contains("[WARN] rates: travel: Syncro has no product 26117; travel billing will fail until"
        + " you run `rates set travel` with an existing product");

    wm.getWireMock().register(get(urlPathMatching("/api/v1/products/.*")).willReturn(aResponse().withStatus(401)
        .withBody("{\"error\":\"Not authorized\"}")));
    cli.run("", "doctor");
    assertThat(cli.out()).contains("[WARN] rates: the token of Jane Tech may not read products");
  }

  @Test
  void doctor_noTechnicianConnected_listsTheTableWithoutComparing() {
    cli.run("", "doctor");

    assertThat(cli.out()).contains("[ok]   rates: 7 labour rates in the table; not compared with Syncro");
  }
}
