package com.syncrobot.app;

import com.syncrobot.store.Database;
import com.syncrobot.store.DatabaseOpenException;
import com.syncrobot.store.SecretKeys;
import com.syncrobot.store.StoreBackup;
import com.syncrobot.store.StoreLock;
import com.syncrobot.store.StoreLockedException;
import com.syncrobot.store.StoredTokens;
import com.syncrobot.store.TokenCipher;
import com.syncrobot.store.TokenDecryptionException;
import com.syncrobot.write.PlanExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import javax.crypto.SecretKey;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Seals every stored Syncro token again under a new key, while no bot serves the store. */
@Command(
    name = "rotate-key",
    description = {"Re-encrypt every stored Syncro token with a new key, in one transaction, and check each opens with"
        + " it. Stop every bot on the store first; then start them with the new key.",
        "Example: rotate-key --new-key-file /run/secrets/syncro-bot-key-2027"})
final class RotateKeyCommand implements Callable<Integer> {
  private final Main.Cli cli;

  @Option(names = "--new-key-file", required = true, paramLabel = "FILE",
      description = "The new key: read when the file exists (the base64 of 32 random bytes, e.g. from `openssl rand"
          + " -base64 32`), otherwise a new random key is written there, readable only by its owner.")
  Path newKeyFile = Path.of("");

  RotateKeyCommand(Main.Cli cli) {
    this.cli = cli;
  }

  @Override
  public Integer call() {
    BotConfig config = cli.config();
    Storage.requireDatabase(config);
    Storage.requireKey(config);
    Path target = newKeyFile.toAbsolutePath().normalize();
    if (config.secretKeyBase64() == null && target.equals(config.secretKeyFile().toAbsolutePath().normalize())) {
      throw new ConfigException("--new-key-file is the key file the bot uses now (" + target + "); name a new file"
          + " for the new key. Nothing was changed.");
    }
    StoreLock lock;
    try {
      lock = StoreLock.acquire(config.dbUrl(), cli.clock());
    } catch (StoreLockedException e) {
      throw new ConfigException(
          "rotate-key re-encrypts the tokens only while no bot serves the store: " + e.getMessage()
              + ". Stop it, then run rotate-key again. Nothing was changed.");
    } catch (DatabaseOpenException e) {
      cli.err().println("syncro-bot: " + e.getMessage() + ". Nothing was changed.");
      return 1;
    }
    try (lock; Database db = Storage.existingDatabase(config)) {
      Optional<String> running = runningBot(db);
      if (running.isPresent()) {
        throw new ConfigException("a bot still serves this store (" + running.get() + "); stop every bot on it and"
            + " wait " + PlanExecutor.DEFAULT_RUNNER_LEASE.toSeconds() + " s, then run rotate-key again. Nothing was"
            + " changed.");
      }
      return rotate(config, db, target);
    } catch (DatabaseOpenException e) {
      cli.err().println("syncro-bot: " + e.getMessage() + ". Nothing was changed.");
      return 1;
    }
  }

  private int rotate(BotConfig config, Database db, Path target) {
    SecretKey old = SecretKeys.load(config.secretKeyBase64(), config.secretKeyFile());
    boolean created = !Files.exists(target);
    SecretKey fresh = SecretKeys.load(null, target);
    if (Arrays.equals(old.getEncoded(), fresh.getEncoded())) {
      throw new ConfigException("the key in " + target + " is the key the bot uses now; give a new one. Nothing was"
          + " changed.");
    }
    @Nullable Path backup = null;
    try {
      Path file = Database.file(config.dbUrl());
      if (file != null) {
        backup = file
            .resolveSibling(file.getFileName() + ".before-rotate-key-" + StoreBackup.stamp(cli.clock()) + ".bak");
        StoreBackup.copy(file, backup);
      }
      int n = StoredTokens.reseal(db, new TokenCipher(old), new TokenCipher(fresh));
      cli.out().println("Re-encrypted the Syncro tokens of " + n + " connected technician(s) with the new key in "
          + target + ".");
      cli.out().println("Next: give every bot the new key (" + BotConfig.SECRET_KEY_FILE + "=" + target + ", or "
          + BotConfig.SECRET_KEY + " set to that file's content), start them, and then destroy the old key"
          + (backup == null ? "" : " once you no longer need the backups made before now: they, and the copy just"
              + " taken at " + backup + ", open only with it")
          + ".");
      return 0;
    } catch (IOException e) {
      forget(created, target);
      cli.err().println("syncro-bot: could not back up the store before re-encrypting: " + e.getMessage()
          + ". Nothing was changed.");
      return 1;
    } catch (TokenDecryptionException e) {
      forget(created, target);
      cli.err().println("syncro-bot: the token of Slack user " + e.slackUserId() + " does not open with "
          + Storage.keySource(config) + ", so nothing was re-encrypted. Run rotate-key with the key the bot serves"
          + " with; a technician whose token cannot be read must run `/syncro connect` again.");
      return 1;
    }
  }

  /** Removes a key file this command wrote, when the rotation did not happen. */
  private void forget(boolean created, Path target) {
    if (created) {
      try {
        Files.deleteIfExists(target);
      } catch (IOException e) {
        cli.err().println("syncro-bot: could not remove the unused new key file " + target + ": " + e.getMessage());
      }
    }
  }

  /** A bot whose plan runner beat within the last lease, in words; PostgreSQL replicas have no file lock. */
  private Optional<String> runningBot(Database db) {
    long since = cli.clock().millis() - PlanExecutor.DEFAULT_RUNNER_LEASE.toMillis();
    return db.jdbi().withHandle(h -> h.createQuery(
        "SELECT host, pid, heartbeat_at FROM plan_runners WHERE heartbeat_at > :since ORDER BY heartbeat_at DESC")
        .bind("since", since)
        .map((rs, ctx) -> "pid " + rs.getLong("pid") + " on host " + rs.getString("host") + " beat "
            + Math.max(0, (cli.clock().millis() - rs.getLong("heartbeat_at")) / 1000) + " s ago")
        .findFirst());
  }
}
