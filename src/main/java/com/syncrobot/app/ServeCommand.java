package com.syncrobot.app;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;

/** Runs the bot until the process is stopped. */
@Command(name = "serve", description = "Run the bot (the default when no command is given).")
final class ServeCommand implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);
  private final Main.Cli cli;

  ServeCommand(Main.Cli cli) {
    this.cli = cli;
  }

  @Override
  public void run() {
    BotConfig config = cli.config();
    LogRedaction.registerSecrets(
        config.slackBotToken(), config.slackAppToken(), config.slackSigningSecret(), config.secretKeyBase64());
    // Registered before the start, so a SIGTERM that comes while the bot starts (a restart right after a
    // deploy) still stops it cleanly: the hook waits for the start to end, then stops what it started.
    AtomicReference<@Nullable BotServer> running = new AtomicReference<>();
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      log.info("Stopping");
      try {
        started.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      BotServer server = running.get();
      if (server != null) {
        server.stop();
      }
      stopped.countDown();
    }, "shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      running.set(BotServer.start(config));
    } catch (RuntimeException | Error e) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException stopping) {
        // the JVM is already stopping: the hook finds nothing to stop
      }
      throw e;
    } finally {
      started.countDown();
    }
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
