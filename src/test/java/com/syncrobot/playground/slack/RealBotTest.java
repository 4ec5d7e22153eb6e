package com.syncrobot.playground.slack;

import static com.syncrobot.playground.slack.SimFixture.ALICE;
import static com.syncrobot.playground.slack.SimFixture.BOB;
import static com.syncrobot.playground.slack.SlackSimulator.SUPPORT;
import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.syncrobot.app.HttpTransport;
import com.syncrobot.app.Readiness;
import com.syncrobot.slack.SlackBot;
import com.syncrobot.store.ConnectedUserStore;
import com.syncrobot.store.Database;
import com.syncrobot.store.TokenCipher;
import com.syncrobot.syncro.SyncroClient;
import com.syncrobot.testkit.Fixtures;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulator against the real bot: the Bolt app with its real handlers, signature check and
 * HTTP transport, its SDK client pointed at the simulator's Web API. No Syncro call is needed
 * for what is driven here.
 */
final class RealBotTest {
  @TempDir
  Path dir;

  Database db;
  Slack slack;
  SlackBot bot;
  HttpTransport http;
  SlackSimulator sim;

  @BeforeEach
  void start() throws Exception {
    int simPort;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      simPort = s.getLocalPort();
    }
    SlackConfig config = new SlackConfig();
    config.setStatsEnabled(false);
    config.setMethodsEndpointUrlPrefix("http://127.0.0.1:" + simPort + "/api/");
    slack = Slack.getInstance(config);
    db = Database.open("jdbc:sqlite:" + dir.resolve("bot.db"));
    ConnectedUserStore users = new ConnectedUserStore(db, new TokenCipher(Fixtures.newKey()), Clock.systemUTC());
    // Syncro is never reached by help, connect and a refused paste; the address only has to parse.
    SyncroClient syncro = SyncroClient.builder().baseUrl("http://127.0.0.1:9/api/v1").build();
    bot = SlackBot.create(slack, SimFixture.TOKEN, SimFixture.SECRET, syncro, users, Clock.systemUTC());
    http = HttpTransport.serveSlack(new InetSocketAddress("127.0.0.1", 0), bot,
        new Readiness().add("store", Readiness.store(db::healthy)).started());
    sim = SlackSimulator.start("127.0.0.1", simPort, "http://127.0.0.1:" + http.port() + "/slack/events",
        SimFixture.SECRET, SimFixture.TOKEN, DemoUser.technicians());
    bot.app().start();
  }

  @AfterEach
  void stop() throws Exception {
    if (sim != null) {
      sim.stop();
    }
    if (http != null) {
      http.close();
    }
    if (bot != null) {
      bot.app().stop();
      bot.close();
    }
    if (slack != null) {
      slack.close();
    }
    if (db != null) {
      db.close();
    }
  }

  @Test
  void help_theRealBotsAckIsShownToTheAskerOnly() {
    BotAck ack = sim.runSlashCommand(ALICE, SUPPORT, "/syncro help");
    assertThat(ack.ok()).as(ack.body()).isTrue();
    assertThat(sim.messagesVisibleTo(ALICE, SUPPORT)).singleElement()
        .satisfies(m -> assertThat(m.allText()).contains("/syncro ticket 32203", "/syncro connect"));
    assertThat(sim.messagesVisibleTo(BOB, SUPPORT)).isEmpty();
  }

  @Test
  void connect_opensTheRealModal_andABlankPasteIsFlaggedOnTheField() throws InterruptedException {
    assertThat(sim.runSlashCommand(BOB, SUPPORT, "/syncro connect").ok()).isTrue();
    // The bot acks first and opens the dialog right after.
    SimModal modal = sim.awaitModal(BOB, m -> true, Duration.ofSeconds(10)).orElseThrow();
    assertThat(modal.title()).isEqualTo("Connect Syncro");
    // The call is logged once its answer is made, just after the dialog shows.
    long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (sim.apiCalls().stream().noneMatch(c -> c.method().equals("views.open")) && System.nanoTime() < until) {
      Thread.sleep(20);
    }
    assertThat(sim.apiCalls()).extracting(ApiCall::method).contains("auth.test", "views.open");
    // Slack's client would stop an empty required field; spaces pass it and reach the bot's own check.
    BotAck ack = sim.submitModal(BOB, Map.of("syncro_token", "abc def"));
    assertThat(ack.ok()).isTrue();
    assertThat(sim.currentModal(BOB).orElseThrow().errors().get("syncro_token")).contains("no spaces");
    assertThat(sim.closeModal(BOB)).isEmpty();
    assertThat(sim.currentModal(BOB)).isEmpty();
  }

  @Test
  void homeOpened_isAckedByTheRealBot() {
    assertThat(sim.openHome(ALICE).status()).isEqualTo(200);
  }
}
