package com.syncrobot.app;

import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The jar's entry point: `serve` (the default) and the operator commands. */
@Command(
    name = "syncro-bot",
    mixinStandardHelpOptions = true,
    // Every subcommand gets --help and -V too.
    scope = CommandLine.ScopeType.INHERIT,
    versionProvider = Main.Version.class,
    description = "Slack chat-ops bot for Syncro PSA. With no command it serves.",
    subcommands = {ServeCommand.class, UsersCommand.class, DoctorCommand.class, AuditCommand.class,
        RatesCommand.class, MigrateStoreCommand.class, BackupCommand.class, RestoreCommand.class,
        RotateKeyCommand.class,
        PlaygroundCommand.class})
public final class Main implements Runnable {
  private final Cli cli;

  Main(Cli cli) {
    this.cli = cli;
  }

  public static void main(String[] args) {
    // The JDK HTTP server (the playground's sandbox and Slack simulator) waits ~40 ms per response (Nagle) unless told not to; Slack wants acks fast.
    // Read once, when the first server is built, so it is set before anything starts.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    Cli cli = new Cli(System.getenv(), System.in, System.out, System.err, Clock.systemUTC());
    int code = run(cli, args);
    if (code != 0) {
      System.exit(code);
    }
  }

  /** Runs one command line with the given environment and streams; returns the exit code. */
  static int run(Cli cli, String... args) {
    if (args.length == 0 || (args.length == 1 && args[0].equals("serve"))) {
      // The container's command: serve at once, without building the parser's model of every command
      // (reflection over seven commands and their options, a noticeable part of the start-up).
      return serve(cli);
    }
    return commandLine(cli).execute(args);
  }

  /**
   * Runs {@code serve} as {@link #commandLine} would: a {@link ConfigException} is one line and exit code 2,
   * anything else its stack trace and exit code 1.
   */
  private static int serve(Cli cli) {
    try {
      new ServeCommand(cli).run();
      return 0;
    } catch (ConfigException e) {
      return refuse(cli, e);
    } catch (RuntimeException e) {
      e.printStackTrace(cli.err());
      return 1;
    }
  }

  private static int refuse(Cli cli, ConfigException e) {
    cli.err().println("syncro-bot: " + e.getMessage());
    return 2;
  }

  /** The whole command tree, printing to the given streams. */
  static CommandLine commandLine(Cli cli) {
    CommandLine cmd = new CommandLine(new Main(cli), new Factory(cli));
    cmd.setOut(new java.io.PrintWriter(cli.out(), true));
    cmd.setErr(new java.io.PrintWriter(cli.err(), true));
    cmd.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (e instanceof ConfigException c) {
            return refuse(cli, c);
          }
          throw e;
        });
    return cmd;
  }

  @Override
  public void run() {
    new ServeCommand(cli).run();
  }

  /** What every command gets instead of reaching for globals. */
  record Cli(Map<String, String> env, InputStream in, PrintStream out, PrintStream err, Clock clock) {
    BotConfig config() {
      return BotConfig.fromEnv(env);
    }
  }

  /** Builds commands with the shared {@link Cli}. */
  private static final class Factory implements CommandLine.IFactory {
    private final Cli cli;

    Factory(Cli cli) {
      this.cli = cli;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
      try {
        return type.getDeclaredConstructor(Cli.class).newInstance(cli);
      } catch (NoSuchMethodException e) {
        return CommandLine.defaultFactory().create(type);
      }
    }
  }

  /** The project version, written into {@code version.properties} by the build. */
  static final class Version implements CommandLine.IVersionProvider {
    static final String RESOURCE = "version.properties";

    @Override
    public String[] getVersion() throws java.io.IOException {
      java.util.Properties p = new java.util.Properties();
      try (InputStream in = Main.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(RESOURCE + " is missing from the jar; build it with mvn package");
        }
        p.load(in);
      }
      return new String[] {"syncro-bot " + p.getProperty("version")};
    }
  }
}
