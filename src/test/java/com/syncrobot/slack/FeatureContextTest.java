package com.syncrobot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import com.syncrobot.store.ConnectedUserStore;
import com.syncrobot.store.Database;
import com.syncrobot.store.TokenCipher;
import com.syncrobot.syncro.SyncroClient;
import com.syncrobot.testkit.Fixtures;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every feature is built from, and that it keeps the bot token out of its text. */
final class FeatureContextTest {
  @TempDir
  Path dir;

  @Test
  void toString_neverCarriesTheBotToken_R11() {
    try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("bot.db"))) {
      ConnectedUserStore users = new ConnectedUserStore(db, new TokenCipher(Fixtures.newKey()), Clock.systemUTC());
      SyncroClient syncro = SyncroClient.builder().baseUrl("http://127.0.0.1:1/api/v1").build();
      QueuedNotice budget = new QueuedNotice(syncro);
      FeatureContext ctx = new FeatureContext(Slack.getInstance(), Fixtures.BOT_TOKEN, syncro, users,
          Clock.systemUTC(), WorkQueue.standard(budget), WorkQueue.slow(budget),
          new SlackOut(Slack.getInstance(), Fixtures.BOT_TOKEN),
          "https://acme.syncromsp.com");

      assertThat(ctx.toString()).doesNotContain(Fixtures.BOT_TOKEN).contains("acme.syncromsp.com");
    }
  }
}
