package com.syncrobot.app;

import com.syncrobot.store.Database;
import com.syncrobot.store.DatabaseOpenException;
import com.syncrobot.store.Dialect;
import com.syncrobot.store.StoreLock;
import com.syncrobot.store.StoreLockedException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jdbi.v3.core.JdbiException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Moves the bot's SQLite store to an empty PostgreSQL database, so that several replicas can share it: every
 * table the bot keeps, copied in one transaction and checked before it is committed ({@link StoreCopy}).
 */
@Command(
    name = "migrate-store",
    description = {"Copy the SQLite store (SYNCRO_BOT_DB_URL) into an empty PostgreSQL database, in one transaction,"
        + " and check the copy. Stop the bot first.",
        "The target logs in with SYNCRO_BOT_DB_USER and SYNCRO_BOT_DB_PASSWORD, or ?user=...&password=... in the URL.",
        "Example: migrate-store --to jdbc:postgresql://db.internal:5432/syncro_bot"})
final class MigrateStoreCommand implements Callable<Integer> {
  private static final String EXAMPLE = "jdbc:postgresql://HOST:5432/DATABASE";
  private final Main.Cli cli;

  @Option(names = "--to", required = true, paramLabel = "URL",
      description = "The empty PostgreSQL database to copy into, e.g. " + EXAMPLE + ".")
  String to = "";

  MigrateStoreCommand(Main.Cli cli) {
    this.cli = cli;
  }

  @Override
  public Integer call() {
    BotConfig config = cli.config();
    String source = requireSqliteSource(config);
    requirePostgresTarget(to);
    String target = Database.shown(to);
    StoreLock lock;
    try {
      lock = StoreLock.acquire(source, cli.clock());
    } catch (StoreLockedException e) {
      throw new ConfigException("a bot is serving the SQLite store, and migrate-store copies it only while no bot"
          + " does: " + e.getMessage() + ". Stop every bot on it, then run migrate-store again. Nothing was copied.");
    } catch (DatabaseOpenException e) {
      cli.err().println("syncro-bot: " + e.getMessage() + ". Nothing was copied.");
      return 1;
    }
    try (lock; Database from = Database.open(source)) {
      StoreCopy.requireKnownTables(from);
      Map<String, Set<List<String>>> seeded = StoreCopy.newStoreRows();
      try (Database into = openTarget(config)) {
        StoreCopy.Result result = StoreCopy.copy(from, into, target, seeded);
        print(config, source, target, result);
        return 0;
      }
    } catch (DatabaseOpenException e) {
      cli.err().println("syncro-bot: " + e.getMessage() + ". Nothing was copied.");
      return 1;
    } catch (StoreCopy.CopyFailed e) {
      cli.err().println("syncro-bot: " + e.getMessage() + ".");
      return 1;
    } catch (JdbiException e) {
      cli.err().println("syncro-bot: the copy to " + target + " failed: " + rootMessage(e)
          + ". It was rolled back: nothing was changed in the target.");
      return 1;
    }
  }

  /** The configured store's URL, when it is a SQLite file that exists. */
  private static String requireSqliteSource(BotConfig config) {
    String url = config.dbUrl();
    Dialect dialect;
    try {
      dialect = Dialect.of(url);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(BotConfig.DB_URL + ": " + e.getMessage());
    }
    if (dialect != Dialect.SQLITE) {
      throw new ConfigException("migrate-store copies a SQLite store to PostgreSQL, but " + BotConfig.DB_URL + " is "
          + config.dbUrlShown() + ", a PostgreSQL database already. Run it with " + BotConfig.DB_URL
          + " naming the SQLite store (the default is " + BotConfig.DEFAULT_DB_URL + ") and --to naming the"
          + " PostgreSQL database. Nothing was copied.");
    }
    Storage.requireDatabase(config);
    if (Database.file(url) == null) {
      throw new ConfigException(BotConfig.DB_URL + " is " + url + ", a database in memory, which lives only inside"
          + " one process: there is nothing to copy. Set it to the SQLite store's file. Nothing was copied.");
    }
    return url;
  }

  /** Stops unless {@code url} names a PostgreSQL database; never echoes another URL, which may hold a password. */
  private static void requirePostgresTarget(String url) {
    Dialect dialect;
    try {
      dialect = Dialect.of(url);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("--to must be a PostgreSQL URL, " + EXAMPLE + "; it is not one. Nothing was"
          + " copied.");
    }
    if (dialect != Dialect.POSTGRESQL) {
      throw new ConfigException("--to must be a PostgreSQL URL, " + EXAMPLE + ", not the SQLite database " + url
          + ": migrate-store copies the SQLite store to PostgreSQL only. Nothing was copied.");
    }
  }

  private Database openTarget(BotConfig config) {
    try {
      return Database.open(to, config.dbUser(), config.dbPassword());
    } catch (IllegalArgumentException e) {
      throw new ConfigException("--to: " + e.getMessage() + ". Nothing was copied.");
    }
  }

  private void print(BotConfig config, String source, String target, StoreCopy.Result result) {
    cli.out().println("Copied the SQLite store " + source + " to " + target + " in one transaction:");
    cli.out().println();
    cli.out().printf("  %-22s %8s %11s%n", "TABLE", "SQLITE", "POSTGRESQL");
    for (StoreCopy.Count c : result.counts()) {
      if (c.target() == null) {
        cli.out().printf("  %-22s %8d %11s  not copied: %s%n", c.table().name(), c.source(), "-",
            c.table().skipped());
      } else {
        cli.out().printf("  %-22s %8d %11d%n", c.table().name(), c.source(), c.target());
      }
    }
    cli.out().println();
    cli.out().println("The same on both: " + String.join(", ", result.checks()) + ".");
    String key = config.secretKeyBase64() != null
        ? BotConfig.SECRET_KEY + " as set here"
        : BotConfig.SECRET_KEY + "=$(cat " + config.secretKeyFile().toAbsolutePath().normalize() + "), or that file";
    cli.out().println("Next: give every replica " + BotConfig.DB_URL + "=" + target + " (with " + BotConfig.DB_USER
        + " and " + BotConfig.DB_PASSWORD + ") and this store's token-encryption key (" + key + "): the tokens"
        + " were copied still encrypted. The SQLite store was left as it was: keep it as a backup, and start no bot"
        + " on it again.");
  }

  /** The innermost cause's message: the database's own words, without the statement and its values. */
  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return String.valueOf(t.getMessage());
  }
}
