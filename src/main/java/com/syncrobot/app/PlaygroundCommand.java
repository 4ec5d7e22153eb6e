package com.syncrobot.app;

import com.syncrobot.playground.Playground;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the bot against the embedded Syncro sandbox and Slack simulator, for a look without accounts. */
@Command(name = "playground",
    description = "Run the real bot against a fake Syncro and a fake Slack in your browser. Needs no settings.")
final class PlaygroundCommand implements Runnable {
  private final Main.Cli cli;

  @Option(names = "--port", defaultValue = "3000",
      description = "Port of the browser page (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--bind", defaultValue = "127.0.0.1",
      description = "Address of the browser page (default: ${DEFAULT-VALUE}; the rest stays on loopback).")
  String bind;

  PlaygroundCommand(Main.Cli cli) {
    this.cli = cli;
  }

  @Override
  public void run() {
    if (port < 0 || port > 65535) {
      throw new ConfigException("--port must be between 0 and 65535, got " + port);
    }
    Playground playground;
    try {
      playground = Playground.start(bind, port, Path.of("data", "playground"));
    } catch (java.io.UncheckedIOException e) {
      throw new ConfigException("the playground could not start (" + e.getCause().getMessage()
          + "); is port " + port + " already in use? Try --port 3001");
    }
    int shown = Integer.parseInt(playground.pageUrl().substring(playground.pageUrl().lastIndexOf(':') + 1));
    String host = bind.equals("127.0.0.1") || bind.equals("0.0.0.0") ? "localhost" : bind;
    cli.out().println("Open http://" + host + ":" + shown + "/ in your browser");
    cli.out().println("(a fake Slack and a fake Syncro on this machine; Ctrl-C stops everything)");
    cli.out().flush();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      playground.stop();
      stopped.countDown();
    }, "playground-shutdown"));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      playground.stop();
    }
  }
}
