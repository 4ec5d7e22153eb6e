package com.syncrobot.resilience;

import com.syncrobot.app.BotConfig;
import com.syncrobot.app.BotServer;
import com.syncrobot.app.ConfigException;
import java.util.concurrent.CountDownLatch;

/** The bot as production starts it, in a JVM of its own, so a test can kill it with SIGKILL. */
public final class ChildBot {
  private ChildBot() {}

  /** Starts the bot from the environment, exactly as {@code serve} does, and runs until killed. */
  public static void main(String[] args) throws InterruptedException {
    // The test never writes to our stdin: end of input means the test JVM is gone, and so should we be.
    Thread orphan = new Thread(() -> {
      try {
        while (System.in.read() != -1) {
          // nothing is ever sent
        }
      } catch (java.io.IOException e) {
        // the pipe broke: the parent is gone too
      }
      Runtime.getRuntime().halt(3);
    }, "parent-watch");
    orphan.setDaemon(true);
    orphan.start();
    BotServer server;
    try {
      server = BotServer.start(BotConfig.fromEnv(System.getenv()));
    } catch (ConfigException e) {
      // as serve does: one line, exit status 2
      System.err.println("syncro-bot: " + e.getMessage());
      System.exit(2);
      return;
    }
    System.out.println("child bot serving on port " + server.port());
    new CountDownLatch(1).await();
  }
}
