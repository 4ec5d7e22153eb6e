package com.syncrobot.resilience;

import com.syncrobot.app.Main;

/** The bot as production starts it, in a JVM of its own, so a test can kill it with SIGKILL or stop it
 * with SIGTERM as Docker does. */
public final class ChildBot {
  private ChildBot() {}

  /** Runs {@code serve} from the environment, exactly as the container does, until stopped or killed. */
  public static void main(String[] args) {
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
    // exactly the container's command: serve, with its shutdown hook (SIGTERM stops the bot gracefully)
    Main.main(args);
  }
}
