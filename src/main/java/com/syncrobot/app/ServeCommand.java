package com.syncrobot.app;

import java.util.concurrent.CountDownLatch;
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
    BotServer server = BotServer.start(config);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  log.info("Stopping");
                  server.stop();
                  stopped.countDown();
                },
                "shutdown"));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
