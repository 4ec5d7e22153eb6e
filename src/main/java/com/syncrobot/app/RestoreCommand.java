package com.syncrobot.app;

import com.syncrobot.store.DatabaseOpenException;
import com.syncrobot.store.SecretKeys;
import com.syncrobot.store.StoreBackup;
import com.syncrobot.store.StoreLock;
import com.syncrobot.store.StoreLockedException;
import com.syncrobot.store.StoredTokens;
import com.syncrobot.store.TokenCipher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Puts a backup back as the SQLite store, while no bot serves it: the backup is checked first (intact, a store of
 * this bot, its tokens open with the configured key), and the store it replaces is kept beside it.
 */
@Command(
    name = "restore",
    description = {"Put a backup made by `backup --to` back as the SQLite store (SYNCRO_BOT_DB_URL). Stop the bot"
        + " first. The backup is checked before anything changes, and the store it replaces is kept beside it.",
        "Example: restore --from /backups/syncro-bot-2026-12-06.db"})
final class RestoreCommand implements Callable<Integer> {
  private final Main.Cli cli;

  @Option(names = "--from", required = true, paramLabel = "FILE", description = "The backup to put back.")
  Path from = Path.of("");

  RestoreCommand(Main.Cli cli) {
    this.cli = cli;
  }

  @Override
  public Integer call() {
    BotConfig config = cli.config();
    Path store = Storage.sqliteFile(config, "restore", "PostgreSQL's own tools, e.g. pg_restore");
    Storage.requireKey(config);
    StoreBackup.Contents contents;
    try {
      contents = StoreBackup.inspect(from);
    } catch (StoreBackup.NotAStore e) {
      cli.err().println("syncro-bot: " + e.getMessage() + ". Nothing was restored.");
      return 1;
    }
    StoreLock lock;
    try {
      lock = StoreLock.acquire(config.dbUrl(), cli.clock());
    } catch (StoreLockedException e) {
      throw new ConfigException("restore replaces the store only while no bot serves it: " + e.getMessage()
          + ". Stop the bot, then run restore again. Nothing was restored.");
    } catch (DatabaseOpenException e) {
      cli.err().println("syncro-bot: " + e.getMessage() + ". Nothing was restored.");
      return 1;
    }
    try (lock) {
      return restore(config, store, contents);
    }
  }

  private int restore(BotConfig config, Path store, StoreBackup.Contents contents) {
    Path incoming = store.resolveSibling("." + store.getFileName() + ".restoring");
    try {
      Files.createDirectories(store.getParent());
      Files.copy(from, incoming, StandardCopyOption.REPLACE_EXISTING);
      String refusal = keyRefusal(config, incoming);
      if (refusal != null) {
        cli.err().println("syncro-bot: " + refusal + " Nothing was restored.");
        return 1;
      }
      Path kept = null;
      if (Files.exists(store)) {
        kept = store.resolveSibling(store.getFileName() + ".before-restore-" + StoreBackup.stamp(cli.clock()) + ".bak");
        StoreBackup.copy(store, kept);
      }
      // A write-ahead log left beside the old file belongs to it and must not be replayed into the backup.
      Files.deleteIfExists(store.resolveSibling(store.getFileName() + "-wal"));
      Files.deleteIfExists(store.resolveSibling(store.getFileName() + "-shm"));
      Files.move(incoming, store, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      cli.out()
          .println("Restored the store " + store + " from " + from.toAbsolutePath().normalize() + ": schema version "
              + contents.schemaVersion() + ", " + contents.connectedUsers() + " connected technician(s), "
              + contents.plans() + " plan(s).");
      cli.out().println(kept == null ? "There was no store there before." : "The store it replaced is kept at " + kept
          + ".");
      cli.out().println("Start the bot: it brings an older backup up to its own schema when it opens it. Work done"
          + " in Syncro since the backup was taken is not in it: plans confirmed since then are not known to the bot.");
      return 0;
    } catch (IOException e) {
      cli.err().println("syncro-bot: the restore failed: " + e.getMessage() + ". The store was left as it was.");
      return 1;
    } finally {
      try {
        Files.deleteIfExists(incoming);
      } catch (IOException e) {
        cli.err().println("syncro-bot: could not remove the temporary file " + incoming + ": " + e.getMessage());
      }
    }
  }

  /** Why the tokens in {@code copy} cannot serve with the configured key, or null when they can. */
  private static @Nullable String keyRefusal(BotConfig config, Path copy) throws IOException {
    TokenCipher cipher = new TokenCipher(SecretKeys.load(config.secretKeyBase64(), config.secretKeyFile()));
    StoredTokens.Check check;
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy.toAbsolutePath())) {
      check = StoredTokens.check(c, cipher);
    } catch (SQLException e) {
      throw new IOException("SQLite cannot read the backup's tokens: " + e.getMessage(), e);
    }
    if (check.unreadable().isEmpty()) {
      return null;
    }
    return check.unreadable().size() + " of the " + check.tokens() + " Syncro tokens in the backup do not open with "
        + Storage.keySource(config) + ": the backup was made under another key. Give restore (and then the bot) the"
        + " key it was made with, in " + BotConfig.SECRET_KEY + " or " + BotConfig.SECRET_KEY_FILE + ".";
  }
}
