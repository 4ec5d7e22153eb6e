package com.syncrobot.app;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.syncrobot.store.ConnectedUserStore;
import com.syncrobot.store.Database;
import com.syncrobot.store.TokenCipher;
import com.syncrobot.syncro.SyncroClient;
import com.syncrobot.testkit.Fixtures;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.crypto.SecretKey;

/**
 * A running {@link BotServer} with the production settings (no audit channel, the default settle
 * window, the real clock), Slack's Web API and Syncro on WireMock and the store in a SQLite file in
 * {@code dir}; for the flow tests that need no movable clock ({@link WriteFlowHarness} has one).
 */
final class WireMockBot implements AutoCloseable {
  final Database db;
  final ConnectedUserStore users;
  final BotServer server;
  /** Signed requests to the bot, with its signing secret. */
  final SignedRequests requests;

  WireMockBot(WireMockExtension slack, WireMockExtension syncro, Path dir, String botToken, String signingSecret) {
    this(slack, syncro, dir, "jdbc:sqlite:" + dir.resolve("bot.db"), botToken, signingSecret, Fixtures.newKey());
  }

  /** A bot on the store at {@code dbUrl} whose tokens are sealed with {@code key}: two of them are two replicas. */
  WireMockBot(WireMockExtension slack, WireMockExtension syncro, Path dir, String dbUrl, String botToken,
      String signingSecret, SecretKey key) {
    db = Database.open(dbUrl);
    users = new ConnectedUserStore(db, new TokenCipher(key), Clock.systemUTC());
    SyncroClient client = SyncroClient.builder()
        .baseUrl(syncro.baseUrl() + "/api/v1")
        .sleeper(d -> {}) // 429 waits are real in production; here they must not slow the suite.
        .build();
    BotConfig config = new BotConfig(botToken, signingSecret, null, slack.baseUrl() + "/api/", 0,
        syncro.baseUrl() + "/api/v1", "jdbc:sqlite:unused", null, dir.resolve("secret.key"), Duration.ofMinutes(30),
        null, null, List.of());
    server = BotServer.start(config, "127.0.0.1", db, client, users, Clock.systemUTC());
    requests = new SignedRequests(server.port(), signingSecret);
  }

  @Override
  public void close() {
    server.stop();
    db.close();
  }
}
