package com.syncrobot.app;

import com.syncrobot.store.StoreBackup;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Writes a consistent copy of the SQLite store to a file, while the bot serves it or not. */
@Command(
    name = "backup",
    description = {"Write a consistent copy of the SQLite store (SYNCRO_BOT_DB_URL) to a new file, safely while the bot"
        + " runs. The copy holds the tokens encrypted, not the key: keep the key elsewhere.",
        "Example: backup --to /backups/syncro-bot-2026-12-06.db"})
final class BackupCommand implements Callable<Integer> {
  private final Main.Cli cli;

  @Option(names = "--to", required = true, paramLabel = "FILE",
      description = "The new file to write; an existing file is never overwritten.")
  Path to = Path.of("");

  BackupCommand(Main.Cli cli) {
    this.cli = cli;
  }

  @Override
  public Integer call() {
    BotConfig config = cli.config();
    Path store = Storage.sqliteFile(config, "backup",
        "PostgreSQL's own tools, e.g. pg_dump --format=custom --file=FILE");
    Storage.requireDatabase(config);
    StoreBackup.Contents contents;
    try {
      contents = StoreBackup.copy(store, to);
    } catch (IOException e) {
      cli.err().println("syncro-bot: the backup failed: " + e.getMessage() + ". Nothing was written at " + to + ".");
      return 1;
    }
    cli.out().println("Backed up the store " + store + " to " + to.toAbsolutePath().normalize() + ": schema version "
        + contents.schemaVersion() + ", " + contents.connectedUsers() + " connected technician(s), " + contents.plans()
        + " plan(s).");
    cli.out().println("The backup holds the Syncro tokens encrypted, not the key that opens them. Keep the key ("
        + Storage.keySource(config) + ") somewhere other than the backup: without it the tokens cannot be read,"
        + " and whoever has both can read them.");
    return 0;
  }
}
