package com.syncrobot.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncrobot.app.BotConfig;
import com.syncrobot.playground.slack.DemoUser;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two production bots on one SQLite store (an overlapping deploy, or two {@code java -jar} by
 * mistake): the second refuses to start with one line naming the first, which keeps serving; the
 * command-line tools keep working on the store meanwhile.
 */
@Timeout(180)
final class OneBotPerStoreTest {
  private static final Duration START = Duration.ofSeconds(60);

  @TempDir
  Path dir;

  @Test
  void secondBotOnTheSameStore_refusesNamingTheFirst_commandLineToolsStillWork() throws Exception {
    try (Rig rig = new Rig(dir);
        ChildJvm first = ChildJvm.start(rig.botEnv(), rig.botPort, dir.resolve("first.log"), START)) {
      Map<String, String> env = rig.botEnv();
      env.put(BotConfig.PORT, "0"); // a port of its own: only the store is shared

      ChildJvm.Finished second = ChildJvm.run(env, dir.resolve("second.log"), START, ChildBot.class.getName());

      assertThat(second.exit()).as(second.output()).isEqualTo(2);
      assertThat(second.output()).contains("syncro-bot: another bot process already serves the store")
          .contains("(pid " + first.pid() + " on host ").contains(" since ")
          .contains("stop that one first (one bot per store)");
      assertThat(first.alive()).isTrue();

      // The tools open the store beside the serving bot; they never take its lock.
      ChildJvm.Finished users = ChildJvm.run(rig.botEnv(), dir.resolve("users.log"), START,
          "com.syncrobot.app.Main", "users", "list");
      assertThat(users.exit()).as(users.output()).isZero();
      assertThat(users.output()).contains(DemoUser.technicians().get(0).id());
      ChildJvm.Finished audit = ChildJvm.run(rig.botEnv(), dir.resolve("audit.log"), START,
          "com.syncrobot.app.Main", "audit");
      assertThat(audit.exit()).as(audit.output()).isZero();
      assertThat(first.alive()).isTrue();
    }
  }
}
